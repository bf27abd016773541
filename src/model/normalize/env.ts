/** Environment variables (literal values and per-target references) and secrets (which store, which key). */
import type { SpecPath } from '../../core/diagnostics.js';
import type { CodegenServiceSpecV1 as ServiceSpec, Secret } from '../../schema/spec.generated.js';
import type { EnvVarModel, SecretModel } from '../types.js';
import type { Report } from './common.js';

/** Whether an ARN names `service`; the partition may be a parameter (`arn:${AWS::Partition}:…`, a token by now). */
function arnOf(arn: string, service: string): boolean {
  return new RegExp(`^arn:(aws[a-z-]*|\uE000[A-Za-z0-9:]+\uE001):${service}:`).test(arn);
}

export function normalizeEnv(env: ServiceSpec['env'], path: SpecPath): EnvVarModel[] {
  return Object.entries(env ?? {}).map(([name, v]) => {
    const p = [...path, name];
    if (v !== null && typeof v === 'object' && 'ref' in v) {
      const r = v.ref;
      return {
        name,
        value: {
          kind: 'ref',
          ...(r.cloudformation !== undefined ? { cloudformation: r.cloudformation } : {}),
          ...(r.kubernetes !== undefined ? { kubernetes: r.kubernetes } : {}),
          ...(r.copilot !== undefined ? { copilot: r.copilot } : {}),
        },
        path: p,
      };
    }
    // `{ param: Name }` was replaced by its token before (model/normalize/parameters.ts).
    return { name, value: { kind: 'value', value: typeof v === 'object' && v !== null ? '' : String(v) }, path: p };
  });
}

export function normalizeSecrets(secrets: Record<string, Secret> | undefined, path: SpecPath, rep: Report): SecretModel[] {
  return Object.entries(secrets ?? {}).map(([name, s]) => {
    const p = [...path, name];
    const out: SecretModel = { name, path: p };
    if (s.aws) {
      if (s.aws.secretsManager !== undefined) {
        out.aws = {
          store: 'secretsManager',
          ref: s.aws.secretsManager,
          isArn: s.aws.secretsManager.startsWith('arn:'),
          ...(s.aws.jsonKey !== undefined ? { jsonKey: s.aws.jsonKey } : {}),
          ...(s.aws.versionStage !== undefined ? { versionStage: s.aws.versionStage } : {}),
        };
        if (out.aws.isArn && !arnOf(s.aws.secretsManager, 'secretsmanager')) {
          rep({ code: 'SECRET_WRONG_ARN', severity: 'error', message: `secretsManager takes a Secrets Manager ARN or name; this ARN is for another service.`, path: [...p, 'aws', 'secretsManager'] });
        }
      } else if (s.aws.ssm !== undefined) {
        if (s.aws.jsonKey !== undefined || s.aws.versionStage !== undefined) {
          rep({ code: 'SECRET_JSON_KEY_SSM', severity: 'error', message: 'jsonKey and versionStage apply to Secrets Manager secrets only.', path: [...p, 'aws', s.aws.jsonKey !== undefined ? 'jsonKey' : 'versionStage'] });
        }
        out.aws = { store: 'ssm', ref: s.aws.ssm, isArn: s.aws.ssm.startsWith('arn:') };
        if (out.aws.isArn && !arnOf(s.aws.ssm, 'ssm')) {
          rep({ code: 'SECRET_WRONG_ARN', severity: 'error', message: 'ssm takes an SSM parameter name or ARN; this ARN is for another service.', path: [...p, 'aws', 'ssm'] });
        }
      }
    }
    if (s.kubernetes) out.kubernetes = { name: s.kubernetes.name, key: s.kubernetes.key };
    if (!s.aws && !s.kubernetes) {
      rep({ code: 'SECRET_NO_SOURCE', severity: 'error', message: `Secret ${name} names no store: give aws (secretsManager or ssm) and/or kubernetes (name, key).`, path: p });
    }
    return out;
  });
}
