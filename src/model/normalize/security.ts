/**
 * Security context: the pod-level part (ids, non-root, seccomp) and each container's part
 * (privilege, capabilities, read-only root file system). Contradictions every target would refuse
 * are reported here, once; what a target cannot express is reported by its emitter.
 */
import type { SpecPath } from '../../core/diagnostics.js';
import type { CodegenServiceSpecV1 as ServiceSpec, Sidecar } from '../../schema/spec.generated.js';
import type { ContainerModel, ContainerSecurityModel, PodSecurityModel } from '../types.js';
import type { Report } from './common.js';

type ContainerSecuritySpec = NonNullable<Sidecar['security']>;

export function normalizePodSecurity(spec: ServiceSpec, rep: Report): PodSecurityModel {
  const s = spec.security;
  const path: SpecPath = ['security'];
  const out: PodSecurityModel = { path };
  if (!s) return out;
  if (s.runAsUser !== undefined) out.runAsUser = s.runAsUser;
  if (s.runAsGroup !== undefined) out.runAsGroup = s.runAsGroup;
  if (s.runAsNonRoot !== undefined) out.runAsNonRoot = s.runAsNonRoot;
  if (s.fsGroup !== undefined) out.fsGroup = s.fsGroup;
  if (s.seccompProfile) {
    const p = s.seccompProfile;
    if (p.type === 'Localhost' && p.localhostProfile === undefined) {
      rep({ code: 'SECCOMP_PROFILE_MISSING', severity: 'error', message: 'seccompProfile type Localhost needs localhostProfile: the path of the profile on the node.', path: [...path, 'seccompProfile'] });
    }
    if (p.type !== 'Localhost' && p.localhostProfile !== undefined) {
      rep({ code: 'SECCOMP_PROFILE_UNUSED', severity: 'error', message: `localhostProfile is only for seccompProfile type Localhost, not ${p.type}.`, path: [...path, 'seccompProfile', 'localhostProfile'] });
    }
    out.seccompProfile = { type: p.type, ...(p.localhostProfile !== undefined ? { localhostProfile: p.localhostProfile } : {}) };
  }
  return out;
}

/** Container-level settings of the main container (from `security`) or of a sidecar (from `sidecars.<name>.security`). */
export function containerSecurity(s: ContainerSecuritySpec | undefined, main: boolean): ContainerSecurityModel {
  const out: ContainerSecurityModel = {};
  if (!s) return out;
  // For the main container the ids and runAsNonRoot of `security` are pod-level (PodSecurityModel).
  if (!main) {
    if (s.runAsUser !== undefined) out.runAsUser = s.runAsUser;
    if (s.runAsGroup !== undefined) out.runAsGroup = s.runAsGroup;
    if (s.runAsNonRoot !== undefined) out.runAsNonRoot = s.runAsNonRoot;
  }
  if (s.allowPrivilegeEscalation !== undefined) out.allowPrivilegeEscalation = s.allowPrivilegeEscalation;
  if (s.privileged !== undefined) out.privileged = s.privileged;
  if (s.capabilities && (s.capabilities.add?.length || s.capabilities.drop?.length)) {
    out.capabilities = { add: [...(s.capabilities.add ?? [])], drop: [...(s.capabilities.drop ?? [])] };
  }
  return out;
}

/** The main container's read-only root file system: top-level `readOnlyRootFilesystem` or `security.readOnlyRootFilesystem`. */
export function mainReadOnlyRoot(spec: ServiceSpec, rep: Report): boolean | undefined {
  const top = spec.readOnlyRootFilesystem;
  const inSecurity = spec.security?.readOnlyRootFilesystem;
  if (top !== undefined && inSecurity !== undefined && top !== inSecurity) {
    rep({
      code: 'SECURITY_CONFLICT',
      severity: 'error',
      message: `readOnlyRootFilesystem is ${top} but security.readOnlyRootFilesystem is ${inSecurity}; they are the same setting.`,
      hint: 'keep one of them (security.readOnlyRootFilesystem is the newer place)',
      path: ['security', 'readOnlyRootFilesystem'],
    });
  }
  return inSecurity ?? top;
}

/** The uid and gid a container runs as: its own `user`, then its container-level ids, then the pod-level ones. */
export function effectiveIds(c: ContainerModel, pod: PodSecurityModel): { user?: string; uid?: number; gid?: number } {
  if (c.user !== undefined) {
    const m = /^([0-9]+)(?::([0-9]+))?$/.exec(c.user);
    if (!m) return { user: c.user };
    return { user: c.user, uid: Number(m[1]), ...(m[2] !== undefined ? { gid: Number(m[2]) } : {}) };
  }
  const uid = c.security.runAsUser ?? pod.runAsUser;
  const gid = c.security.runAsGroup ?? pod.runAsGroup;
  return { ...(uid !== undefined ? { uid } : {}), ...(gid !== undefined ? { gid } : {}) };
}

/** Whether the container must run as non-root (its own setting, else the pod's). */
export function requiresNonRoot(c: ContainerModel, pod: PodSecurityModel): boolean {
  return (c.security.runAsNonRoot ?? pod.runAsNonRoot) === true;
}

/** Contradictions every target refuses: root with runAsNonRoot, privileged (or SYS_ADMIN) without privilege escalation. */
export function checkSecurity(containers: ContainerModel[], pod: PodSecurityModel, rep: Report): void {
  for (const c of containers) {
    const ids = effectiveIds(c, pod);
    if (requiresNonRoot(c, pod) && ids.uid === 0) {
      rep({
        code: 'SECURITY_CONFLICT',
        severity: 'error',
        message: `Container ${c.name} must run as non-root (runAsNonRoot) but runs as uid 0.`,
        path: c.user !== undefined ? [...c.path, 'user'] : c.security.runAsUser !== undefined ? [...c.securityPath, 'runAsUser'] : [...pod.path, 'runAsUser'],
      });
    }
    const s = c.security;
    if (s.allowPrivilegeEscalation === false && s.privileged === true) {
      rep({ code: 'SECURITY_CONFLICT', severity: 'error', message: `Container ${c.name} is privileged, which always allows privilege escalation: allowPrivilegeEscalation false contradicts it (Kubernetes refuses the pod).`, path: [...c.securityPath, 'allowPrivilegeEscalation'] });
    }
    if (s.allowPrivilegeEscalation === false && s.capabilities?.add.includes('SYS_ADMIN')) {
      rep({ code: 'SECURITY_CONFLICT', severity: 'error', message: `Container ${c.name} adds SYS_ADMIN, which allows privilege escalation: allowPrivilegeEscalation false contradicts it (Kubernetes refuses the pod).`, path: [...c.securityPath, 'capabilities', 'add'] });
    }
  }
}
