/**
 * Copilot has `storage.readonly_fs` for the main container and no field for the rest of a
 * security context: each setting it cannot carry is a diagnostic naming the target.
 */
import type { DiagnosticInput, SpecPath } from '../../core/diagnostics.js';
import type { ServiceModel } from '../../model/types.js';

type Report = (d: DiagnosticInput) => void;

export function reportSecurityNotCarried(m: ServiceModel, report: Report): void {
  const dropped: { field: string; path: SpecPath }[] = [];
  const pod = m.podSecurity;
  for (const k of ['runAsUser', 'runAsGroup', 'runAsNonRoot', 'fsGroup', 'seccompProfile'] as const) {
    if (pod[k] !== undefined) dropped.push({ field: `security.${k}`, path: [...pod.path, k] });
  }
  for (const c of m.containers) {
    for (const k of ['runAsUser', 'runAsGroup', 'runAsNonRoot', 'allowPrivilegeEscalation', 'privileged', 'capabilities'] as const) {
      if (c.security[k] !== undefined) dropped.push({ field: `${c.main ? '' : `sidecars.${c.name}.`}security.${k}`, path: [...c.securityPath, k] });
    }
    if (!c.main && c.user !== undefined) dropped.push({ field: `sidecars.${c.name}.user`, path: [...c.path, 'user'] });
    if (!c.main && c.readOnlyRootFilesystem !== undefined) dropped.push({ field: `sidecars.${c.name}.security.readOnlyRootFilesystem`, path: [...c.securityPath, 'readOnlyRootFilesystem'] });
  }
  for (const d of dropped) {
    report({
      code: 'COPILOT_SECURITY_NOT_CARRIED',
      severity: 'warning',
      message: `Copilot has no manifest field for ${d.field}; it was not written (target copilot).`,
      hint: 'add it with a taskdef_overrides rule in a targets.copilot patch, or deploy with the ECS target',
      path: d.path,
    });
  }
}
