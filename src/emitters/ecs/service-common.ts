/** What the parts of the ECS service template share: the deployment engine, paths, minutes, ranges, outside values. */
import type { DiagnosticInput } from '../../core/diagnostics.js';
import type { Json, JsonObject } from '../../core/serialize.js';
import type { ServiceModel } from '../../model/types.js';
import { hasToken } from '../../model/parameter-token.js';
import { platformImport } from '../../platform/imports.js';
import { ref, sub, type ParameterSpec, type TemplateBuilder } from '../common/cfn.js';

export type Report = (d: DiagnosticInput) => void;
export type Engine = { kind: 'rolling' } | { kind: 'ecs'; strategy: 'BLUE_GREEN' | 'CANARY' | 'LINEAR' } | { kind: 'codedeploy' };

/** What load balancing gives the rest of the service template. */
export interface Balancing {
  /** The load balancer type: listener rules on an ALB, or a listener of its own on an NLB. */
  kind: 'application' | 'network';
  loadBalancers: JsonObject[];
  primary: string;
  alternate?: string;
  prodRule: string;
  testRule?: string;
  /** Every listener rule (or the NLB listener) the service must wait for. */
  rules: string[];
  /** The production and test listener ARNs as the template has them: a `Ref` to a parameter, or the platform's import. */
  listener: Json;
  testListener?: Json;
}

export type Path = (string | number)[];
export const ECS = ['targets', 'ecs'] as const;
/** Where a resolved-model path was written in the spec (base, target override or environment). */
export const at = (m: ServiceModel, path: Path): Path => m.origin(path) as Path;

export function engineOf(m: ServiceModel, report: Report): Engine {
  const s = m.deployment.strategy;
  const controller = m.targets.ecs.controller ?? 'ECS';
  if (s === 'rolling') {
    if (controller === 'CODE_DEPLOY') {
      report({ code: 'ECS_ROLLING_IGNORES_CODE_DEPLOY', severity: 'warning', message: 'CodeDeploy runs only blue/green, canary and linear deployments; the rolling strategy uses the ECS controller.', path: [...ECS, 'controller'] });
    }
    return { kind: 'rolling' };
  }
  if (controller === 'CODE_DEPLOY') return { kind: 'codedeploy' };
  return { kind: 'ecs', strategy: s === 'blue-green' ? 'BLUE_GREEN' : s === 'canary' ? 'CANARY' : 'LINEAR' };
}

/** Whole minutes from seconds; a fraction is rounded up and reported. */
export function minutes(seconds: number, path: Path, report: Report): number {
  const m = Math.ceil(seconds / 60);
  if (m * 60 !== seconds) report({ code: 'ECS_MINUTES_ROUNDED', severity: 'info', message: `${seconds} s was rounded up to ${m} min: CloudFormation takes whole minutes here.`, path: [...path] });
  return m;
}

export function inRange(v: number | undefined, min: number, max: number, what: string, path: Path, report: Report): void {
  if (v !== undefined && (v < min || v > max)) report({ code: 'ECS_OUT_OF_RANGE', severity: 'error', message: `${what} must be from ${min} to ${max}; got ${v}.`, path });
}

/**
 * Something the service needs from outside the template: the spec's literal (a Parameter defaulting
 * to it, so it can still be overridden at deploy time), else the platform's export
 * (`Fn::ImportValue`, see docs/platform.md), else a Parameter the deployer must fill.
 */
export function external(t: TemplateBuilder, m: ServiceModel, name: string, literal: Json | undefined, imported: Json | undefined, spec: Omit<ParameterSpec, 'default'>): Json {
  if (literal === undefined && imported !== undefined) return imported;
  // A value that uses spec parameters is an expression, not a default: it goes in as written.
  if (typeof literal === 'string' && hasToken(literal)) return literal;
  if (Array.isArray(literal) && literal.some((x) => typeof x === 'string' && hasToken(x))) return literal;
  return t.param(name, { ...spec, ...(literal !== undefined ? { default: literal } : {}) } as ParameterSpec);
}

export function platformGroups(m: ServiceModel): Json | undefined {
  const sg = platformImport(m, 'ServiceSecurityGroup');
  return sg ? [sg] : undefined;
}

/**
 * The ECS cluster's name, the one value every part of the service template uses: the `ECSCluster`
 * parameter (defaulting to `targets.ecs.service.cluster`), the platform's `ClusterName` export, or
 * the spec's expression when it uses parameters. The first call declares the parameter.
 */
export function clusterName(t: TemplateBuilder, m: ServiceModel): Json {
  if (t.has('ECSCluster')) return ref('ECSCluster');
  return external(t, m, 'ECSCluster', m.targets.ecs.service?.cluster, platformImport(m, 'ClusterName'), { type: 'String', description: 'Name of the ECS cluster that runs the service.' });
}

/** `service/<cluster>/<service name>`: the Application Auto Scaling resource ID of the service. */
export function serviceResourceId(t: TemplateBuilder, m: ServiceModel): Json {
  const cluster = clusterName(t, m);
  const isParam = typeof cluster === 'object' && cluster !== null && !Array.isArray(cluster) && cluster.Ref === 'ECSCluster';
  return isParam ? sub('service/${ECSCluster}/${ECSService.Name}') : sub('service/${Cluster}/${ECSService.Name}', { Cluster: cluster });
}
