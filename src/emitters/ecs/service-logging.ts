/**
 * The log groups of the service template: created (`LogGroup`, and one more per extra group a
 * container names), or an existing group by name (the Parameter `LogGroup`, defaulting to
 * `logging.group`), or none at all (`driver: none`). Returns what the roles and the service need:
 * the group ARNs the containers write to and the resources the service must wait for.
 */
import type { Json } from '../../core/serialize.js';
import type { ServiceModel } from '../../model/types.js';
import { getAtt, logicalId, ref, sub, subLiteral, type TemplateBuilder } from '../common/cfn.js';
import { LOG_GROUP_PARAMETER, logGroups } from './task-logging.js';

export interface LogGroups {
  /** ARNs (with `:*`, as `Fn::GetAtt LogGroup.Arn` has it) of every group the task writes to. */
  arns: Json[];
  /** Created groups: the service waits for them (the awslogs driver does not create a group). */
  dependsOn: string[];
  /** The main group's name as the template has it, for the outputs. */
  name?: Json;
}

/** `arn:...:log-group:<name>:*` of a group the template does not create. */
function existingArn(m: ServiceModel, name: Json): Json {
  const region = m.logging.region ?? '${AWS::Region}';
  return typeof name === 'string'
    ? sub(`arn:\${AWS::Partition}:logs:${region}:\${AWS::AccountId}:log-group:${subLiteral(name)}:*`)
    : sub(`arn:\${AWS::Partition}:logs:${region}:\${AWS::AccountId}:log-group:\${${LOG_GROUP_PARAMETER}}:*`);
}

export function logGroupResources(t: TemplateBuilder, m: ServiceModel): LogGroups {
  const groups = logGroups(m);
  if (!groups.length) return { arns: [], dependsOn: [] };
  if (!m.logging.createGroup) {
    t.param(LOG_GROUP_PARAMETER, { type: 'String', description: 'Name of the existing CloudWatch Logs group the containers write to.', default: m.logging.group });
    return { arns: groups.map((g, i) => existingArn(m, i === 0 ? ref(LOG_GROUP_PARAMETER) : g)), dependsOn: [], name: ref(LOG_GROUP_PARAMETER) };
  }
  const ids: string[] = [];
  groups.forEach((group, i) => {
    // A further group is named after the first container that writes to it.
    const owner = Object.keys(m.logging.containers).find((c) => m.logging.containers[c]!.group === group);
    const id = i === 0 ? 'LogGroup' : `LogGroup${logicalId(owner ?? String(i + 1))}`;
    t.resource(id, 'AWS::Logs::LogGroup', { LogGroupName: group, ...(m.logging.retentionDays !== undefined ? { RetentionInDays: m.logging.retentionDays } : {}) });
    ids.push(id);
  });
  return { arns: ids.map((id) => getAtt(id, 'Arn')), dependsOn: ids, name: ref('LogGroup') };
}

/** True when FireLens writes to CloudWatch Logs with its default output (the task role needs that permission). */
export function firelensToCloudWatch(m: ServiceModel): boolean {
  return m.logging.driver === 'firelens' && m.logging.firelens?.options === undefined;
}
