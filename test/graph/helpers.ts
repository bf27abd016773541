/** The graph goldens: which fixtures have a picture, and how a case is drawn. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { graphSpec, linkPanels } from '../../src/graph/index.js';
import type { DeployGraph, ServiceGraph } from '../../src/graph/types.js';
import type { Diagnostic } from '../../src/core/diagnostics.js';
import { FIXTURES } from '../helpers/fixtures.js';

/**
 * Fixtures drawn in fixtures/<case>/graph/graph.{mmd,svg}: every target, blue/green on both
 * engines, Service Connect, Kubernetes with an autoscaler and a sidecar, Argo Rollouts, App Mesh
 * with a gateway, a platform drawn with the service that uses it, a Network Load Balancer listener
 * the template creates, step and scheduled scaling.
 */
export const GRAPH_CASES = ['seed', 'ecs-blue-green', 'ecs-codedeploy-custom', 'ecs-service-connect', 'k8s-hpa-irsa', 'k8s-rollout', 'appmesh-gateway', 'platform-ecs-service', 'nlb', 'step-scaling'];

/** The picture of a case: its platform spec first (when it has one), then its service spec, linked. */
export function drawCase(name: string): { graph: DeployGraph; panels: ServiceGraph[]; diagnostics: Diagnostic[] } {
  const dir = join(FIXTURES, name);
  const caseFile = join(dir, 'case.json');
  const options = existsSync(caseFile) ? (JSON.parse(readFileSync(caseFile, 'utf8')) as { env?: string; targets?: string[] }) : {};
  const panels: ServiceGraph[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of ['platform.yaml', 'service.yaml']) {
    if (!existsSync(join(dir, file))) continue;
    const r = graphSpec(readFileSync(join(dir, file)), { file, ...(options.env ? { env: options.env } : {}), ...(options.targets ? { targets: options.targets } : {}) });
    panels.push(...r.panels);
    diagnostics.push(...r.diagnostics);
  }
  return { graph: linkPanels(panels), panels, diagnostics };
}
