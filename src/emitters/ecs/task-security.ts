/**
 * The security part of an ECS container definition: `user`, `privileged`,
 * `readonlyRootFilesystem`, `linuxParameters.capabilities`, `dockerSecurityOptions`. ECS has no
 * pod, so pod-level settings land on each container; what ECS (or Fargate) cannot express is a
 * diagnostic naming the target.
 */
import type { DiagnosticInput } from '../../core/diagnostics.js';
import type { JsonObject } from '../../core/serialize.js';
import { effectiveIds, requiresNonRoot } from '../../model/normalize/security.js';
import type { ContainerModel, ServiceModel } from '../../model/types.js';

/** The only capability a Fargate task may add (KernelCapabilities, ECS API reference). */
export const FARGATE_ADDABLE_CAPABILITIES: ReadonlySet<string> = new Set(['SYS_PTRACE']);

export function addContainerSecurity(m: ServiceModel, c: ContainerModel, def: JsonObject, report: (d: DiagnosticInput) => void): void {
  const fargate = (m.targets.ecs.launchType ?? 'FARGATE') === 'FARGATE';
  const pod = m.podSecurity;
  const s = c.security;
  const ids = effectiveIds(c, pod);
  if (ids.user !== undefined) def.user = ids.user;
  else if (ids.uid !== undefined) def.user = ids.gid !== undefined ? `${ids.uid}:${ids.gid}` : String(ids.uid);
  else if (ids.gid !== undefined) {
    report({
      code: 'ECS_GROUP_WITHOUT_USER',
      severity: 'warning',
      message: `ECS sets a group only together with a user ("uid:gid"); runAsGroup ${ids.gid} of container ${c.name} is not carried to ECS.`,
      hint: 'set runAsUser too',
      path: s.runAsGroup !== undefined ? [...c.securityPath, 'runAsGroup'] : [...pod.path, 'runAsGroup'],
    });
  }
  if (requiresNonRoot(c, pod) && ids.uid === undefined && c.main) {
    report({
      code: 'ECS_RUN_AS_NON_ROOT',
      severity: 'warning',
      message: 'ECS has no runAsNonRoot check: without a uid the task runs as the image\'s user, which may be root.',
      hint: 'set security.runAsUser (or user) to a non-zero uid, which ECS writes as the container user',
      path: [...pod.path, 'runAsNonRoot'],
    });
  }
  if (s.privileged === true) {
    if (fargate) report({ code: 'ECS_FARGATE_PRIVILEGED', severity: 'error', message: `Fargate does not run privileged containers: container ${c.name} cannot be privileged on target ecs.`, hint: 'use targets.ecs.launchType: EC2, or drop privileged', path: [...c.securityPath, 'privileged'] });
    else def.privileged = true;
  } else if (s.privileged === false && !fargate) def.privileged = false;
  if (c.readOnlyRootFilesystem !== undefined) def.readonlyRootFilesystem = c.readOnlyRootFilesystem;
  if (s.capabilities) {
    const refused = fargate ? s.capabilities.add.filter((x) => !FARGATE_ADDABLE_CAPABILITIES.has(x)) : [];
    if (refused.length) {
      report({
        code: 'ECS_FARGATE_CAPABILITY',
        severity: 'error',
        message: `Fargate tasks can add only the SYS_PTRACE capability; container ${c.name} adds ${refused.join(', ')} (target ecs).`,
        hint: 'drop them from capabilities.add, or use targets.ecs.launchType: EC2',
        path: [...c.securityPath, 'capabilities', 'add'],
      });
    }
    const caps: JsonObject = {};
    if (s.capabilities.add.length) caps.add = s.capabilities.add;
    if (s.capabilities.drop.length) caps.drop = s.capabilities.drop;
    def.linuxParameters = { ...((def.linuxParameters as JsonObject | undefined) ?? {}), capabilities: caps };
  }
  if (s.allowPrivilegeEscalation === false) {
    if (fargate) {
      report({
        code: 'ECS_NO_NEW_PRIVILEGES',
        severity: 'warning',
        message: `Fargate has no form for allowPrivilegeEscalation false (dockerSecurityOptions is EC2 only); it is not carried for container ${c.name} (target ecs).`,
        path: [...c.securityPath, 'allowPrivilegeEscalation'],
      });
    } else def.dockerSecurityOptions = ['no-new-privileges'];
  }
}

/** Pod-level settings ECS has no field for: reported once per task. */
export function reportPodSecurity(m: ServiceModel, report: (d: DiagnosticInput) => void): void {
  const pod = m.podSecurity;
  if (pod.fsGroup !== undefined) {
    report({ code: 'ECS_FS_GROUP', severity: 'warning', message: 'ECS has no fsGroup: volume ownership is not changed (target ecs).', hint: 'give the files the right owner in the image, or run as their owner', path: [...pod.path, 'fsGroup'] });
  }
  const seccomp = pod.seccompProfile;
  if (seccomp && seccomp.type !== 'RuntimeDefault') {
    report({ code: 'ECS_SECCOMP', severity: 'warning', message: `ECS has no seccomp setting: containers run under the runtime's default profile, not ${seccomp.type} (target ecs).`, path: [...pod.path, 'seccompProfile'] });
  }
}
