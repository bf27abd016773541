/**
 * codegen's own CloudFormation logical ID for each resource role it writes, one table per
 * template. The schema describes `targets.<t>.logicalIds` from it, the emitters rename from it, and
 * the importers compare a template's IDs with it (only what differs becomes `logicalIds`).
 */

/** A CloudFormation logical ID: letters and digits, at most 255. */
export const LOGICAL_ID_PATTERN = '^[A-Za-z0-9]{1,255}$';

export interface LogicalIdRole {
  /** The logical ID codegen gives the resource. */
  id: string;
  /** What the resource is, as the schema's description names it. */
  what: string;
  /** The ID in the other shape of the template, when there is one (the blue target group of two). */
  alternate?: { id: string; when: string };
}

/** Roles of the ECS service template (src/emitters/ecs/service-cfn.ts). */
export const ECS_LOGICAL_IDS: Readonly<Record<string, LogicalIdRole>> = {
  service: { id: 'ECSService', what: 'the ECS service' },
  taskDefinition: { id: 'TaskDefinition', what: 'the task definition' },
  logGroup: { id: 'LogGroup', what: 'the log group' },
  executionRole: { id: 'ExecutionRole', what: 'the created task execution role' },
  taskRole: { id: 'TaskRole', what: 'the created task role' },
  targetGroup: { id: 'TargetGroup', what: 'the target group, or the blue one of two', alternate: { id: 'BlueTargetGroup', when: 'there are two target groups' } },
  alternateTargetGroup: { id: 'GreenTargetGroup', what: 'the green target group of a blue/green, canary or linear deployment' },
  listenerRule: { id: 'ListenerRule', what: 'the production listener rule' },
  testListenerRule: { id: 'TestListenerRule', what: 'the test listener rule' },
  prodListener: { id: 'ProdListener', what: 'the production listener the template creates (CloudFormation blue/green hook)' },
  testListener: { id: 'TestListener', what: 'the test listener the template creates (CloudFormation blue/green hook)' },
  loadBalancerRole: { id: 'LoadBalancerRole', what: 'the created role ECS uses to shift traffic' },
  scalableTarget: { id: 'ScalableTarget', what: 'the autoscaling scalable target' },
  cpuScalingPolicy: { id: 'CpuScalingPolicy', what: 'the CPU target-tracking policy' },
  memoryScalingPolicy: { id: 'MemoryScalingPolicy', what: 'the memory target-tracking policy' },
  codeDeployApplication: { id: 'CodeDeployApplication', what: 'the CodeDeploy application' },
  codeDeployDeploymentGroup: { id: 'CodeDeployDeploymentGroup', what: 'the CodeDeploy deployment group' },
  codeDeployRole: { id: 'CodeDeployRole', what: 'the created CodeDeploy service role' },
  codeDeployConfig: { id: 'DeploymentConfig', what: 'the custom CodeDeploy deployment configuration' },
};

/** Roles of the App Mesh template (src/emitters/appmesh/mesh-cfn.ts). */
export const APPMESH_LOGICAL_IDS: Readonly<Record<string, LogicalIdRole>> = {
  mesh: { id: 'Mesh', what: 'the mesh' },
  virtualNode: { id: 'VirtualNode', what: "the virtual node of this spec's tasks" },
  virtualRouter: { id: 'VirtualRouter', what: 'the virtual router' },
  route: { id: 'Route', what: 'the route' },
  virtualService: { id: 'VirtualService', what: 'the virtual service' },
  virtualGateway: { id: 'VirtualGateway', what: 'the virtual gateway' },
  gatewayRoute: { id: 'GatewayRoute', what: 'the gateway route' },
};

/** A CloudFormation logical ID (alphanumeric) from free text: `my-app.api` → `MyAppApi`. */
export function logicalId(text: string): string {
  // Each run of ASCII letters and digits, its first letter upper-cased (scanned: it runs for every
  // logical ID of every template).
  let out = '';
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0;
    const alnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (alnum && start < 0) start = i;
    else if (!alnum && start >= 0) {
      out += text.charAt(start).toUpperCase() + text.slice(start + 1, i);
      start = -1;
    }
  }
  return out;
}

/**
 * codegen's logical ID of the virtual node of a version other than `virtualNodeName`
 * (`payments-v2` → `VirtualNodePaymentsV2`), unless the version gives its own `logicalId`.
 */
export function versionNodeLogicalId(version: string): string {
  return `VirtualNode${logicalId(version)}`;
}

/**
 * codegen's logical IDs of a step scaling policy and its alarm (`cpu-burst` →
 * `StepCpuBurstPolicy`, `StepCpuBurstAlarm`), unless the step gives its own `logicalIds`.
 */
export function stepLogicalIds(step: string): { policy: string; alarm: string } {
  const base = `Step${logicalId(step)}`;
  return { policy: `${base}Policy`, alarm: `${base}Alarm` };
}

/** Role → codegen's logical ID. */
export function defaultLogicalIds(table: Readonly<Record<string, LogicalIdRole>>): Readonly<Record<string, string>> {
  return Object.fromEntries(Object.entries(table).map(([role, r]) => [role, r.id]));
}

/** Role → what the schema says of it: `the log group (default \`LogGroup\`)`. */
export function logicalIdDescriptions(table: Readonly<Record<string, LogicalIdRole>>): Readonly<Record<string, string>> {
  return Object.fromEntries(Object.entries(table).map(([role, r]) => [role, `${r.what} (default \`${r.id}\`${r.alternate ? `, \`${r.alternate.id}\`` : ''})`]));
}
