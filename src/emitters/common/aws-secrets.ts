/**
 * How an AWS secret reference becomes the `valueFrom` that ECS reads (Secrets Manager ARN with
 * JSON key and version stage, or an SSM parameter). ECS task definitions and Copilot manifests
 * (which Copilot turns into ECS task definitions) both use it.
 */
import type { DiagnosticInput } from '../../core/diagnostics.js';
import type { SecretModel } from '../../model/types.js';

/** `valueFrom` for an ECS secret; reports a JSON key or version stage on a secret given by name. */
export function secretValueFrom(s: SecretModel, report: (d: DiagnosticInput) => void): string | undefined {
  const a = s.aws;
  if (!a) return undefined;
  if (a.store === 'ssm') return a.ref;
  if (a.jsonKey === undefined && a.versionStage === undefined) return a.ref;
  if (!a.isArn) {
    report({
      code: 'SECRET_JSON_KEY_NEEDS_ARN',
      severity: 'error',
      message: 'ECS reads a JSON key or version stage of a secret only through its full ARN.',
      hint: 'give secretsManager as an ARN',
      path: [...s.path, 'aws', 'secretsManager'],
    });
    return undefined;
  }
  // arn:aws:secretsmanager:region:account:secret:name:json-key:version-stage:version-id
  return `${a.ref}:${a.jsonKey ?? ''}:${a.versionStage ?? ''}:`;
}
