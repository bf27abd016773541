/**
 * The built-in emitters, sorted by name. A new emitter touches its file, this list, a fixture and
 * its test — nothing else.
 */
import appmeshCfn from './appmesh/mesh-cfn.js';
import appmeshKubernetes from './appmesh/kubernetes-controller.js';
import copilotManifest from './copilot/manifest.js';
import ecsService from './ecs/service-cfn.js';
import ecsTaskDefinition from './ecs/task-definition.js';
import kubernetesDeployment from './kubernetes/deployment.js';
import kubernetesHpa from './kubernetes/hpa.js';
import kubernetesHttpRoute from './kubernetes/httproute.js';
import kubernetesIngress from './kubernetes/ingress.js';
import kubernetesKustomization from './kubernetes/kustomization.js';
import kubernetesNamespace from './kubernetes/namespace.js';
import kubernetesPdb from './kubernetes/pdb.js';
import kubernetesRollout from './kubernetes/rollout.js';
import kubernetesService from './kubernetes/service.js';
import kubernetesServiceAccount from './kubernetes/serviceaccount.js';
import type { Emitter } from './types.js';

export const builtinEmitters: readonly Emitter[] = [
  appmeshCfn,
  appmeshKubernetes,
  copilotManifest,
  ecsService,
  ecsTaskDefinition,
  kubernetesDeployment,
  kubernetesHpa,
  kubernetesHttpRoute,
  kubernetesIngress,
  kubernetesKustomization,
  kubernetesNamespace,
  kubernetesPdb,
  kubernetesRollout,
  kubernetesService,
  kubernetesServiceAccount,
].sort((a, b) => (a.name < b.name ? -1 : 1));

export { defineEmitter } from './types.js';
export type { EmitContext, Emitter } from './types.js';
