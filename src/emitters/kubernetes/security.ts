/**
 * Kubernetes security contexts: the pod's (ids, non-root, fsGroup, seccomp) and each
 * container's (its own user, privilege, capabilities, read-only root file system).
 */
import type { JsonObject } from '../../core/serialize.js';
import type { ContainerModel, ServiceModel } from '../../model/types.js';
import type { Report } from '../common/k8s-meta.js';

/** `spec.template.spec.securityContext`, or undefined when the spec sets none of its fields. */
export function podSecurityContext(m: ServiceModel): JsonObject | undefined {
  const p = m.podSecurity;
  const out: JsonObject = {};
  if (p.runAsUser !== undefined) out.runAsUser = p.runAsUser;
  if (p.runAsGroup !== undefined) out.runAsGroup = p.runAsGroup;
  if (p.runAsNonRoot !== undefined) out.runAsNonRoot = p.runAsNonRoot;
  if (p.fsGroup !== undefined) out.fsGroup = p.fsGroup;
  if (p.seccompProfile) {
    out.seccompProfile = p.seccompProfile.localhostProfile !== undefined
      ? { type: p.seccompProfile.type, localhostProfile: p.seccompProfile.localhostProfile }
      : { type: p.seccompProfile.type };
  }
  return Object.keys(out).length ? out : undefined;
}

/** A container's `securityContext`, or undefined when it has nothing of its own. */
export function containerSecurityContext(c: ContainerModel, report: Report): JsonObject | undefined {
  const out: JsonObject = {};
  const s = c.security;
  if (c.user !== undefined) {
    const m = /^([0-9]+)(?::([0-9]+))?$/.exec(c.user);
    if (m) {
      out.runAsUser = Number(m[1]);
      if (m[2] !== undefined) out.runAsGroup = Number(m[2]);
    } else {
      report({
        code: 'K8S_USER_NOT_NUMERIC',
        severity: 'warning',
        message: `Kubernetes runs containers as a numeric uid; user "${c.user}" is not carried to the pod (the image's default user applies).`,
        hint: 'write the uid (and gid), e.g. "1000:1000"',
        path: [...c.path, 'user'],
      });
    }
  }
  if (out.runAsUser === undefined && s.runAsUser !== undefined) out.runAsUser = s.runAsUser;
  if (out.runAsGroup === undefined && s.runAsGroup !== undefined) out.runAsGroup = s.runAsGroup;
  if (s.runAsNonRoot !== undefined) out.runAsNonRoot = s.runAsNonRoot;
  if (s.allowPrivilegeEscalation !== undefined) out.allowPrivilegeEscalation = s.allowPrivilegeEscalation;
  if (s.privileged !== undefined) out.privileged = s.privileged;
  if (c.readOnlyRootFilesystem !== undefined) out.readOnlyRootFilesystem = c.readOnlyRootFilesystem;
  if (s.capabilities) {
    const caps: JsonObject = {};
    if (s.capabilities.add.length) caps.add = s.capabilities.add;
    if (s.capabilities.drop.length) caps.drop = s.capabilities.drop;
    out.capabilities = caps;
  }
  return Object.keys(out).length ? out : undefined;
}
