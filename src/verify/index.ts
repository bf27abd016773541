/**
 * `verifyArtifacts()`: checks generated artifacts against the targets' bundled official schemas
 * and models (vendor/schemas) and returns `VERIFY_*` diagnostics on the artifact files. Schemas
 * are read and compiled on first use and cached for the process. The verifier for a document is
 * chosen by the artifact's `kind`, or, when the kind is not one of ARTIFACT_KINDS, by the
 * document's shape.
 */
import { posix } from 'node:path';
import type { Diagnostic } from '../core/diagnostics.js';
import type { Artifact, JsonObject } from '../core/serialize.js';
import { verifyCloudFormation } from './cloudformation.js';
import { copilotWorkloadTypes, verifyCopilot } from './copilot.js';
import { verifyEcsTaskDefinition } from './ecs.js';
import { checkKubernetesReferences, type K8sDoc } from './k8s-references.js';
import { verifyKubernetes } from './kubernetes.js';
import { KUSTOMIZATION_FILES, verifyKustomization } from './kustomize.js';
import { isObject, Reporter } from './report.js';

/** The artifact kinds verification knows. */
export const ARTIFACT_KINDS = ['ecs-task-definition', 'kubernetes', 'cloudformation', 'copilot-manifest', 'kustomization'] as const;
export type VerifiedKind = (typeof ARTIFACT_KINDS)[number];

/** Which verifier a document gets: the artifact's kind when known, else its shape. */
export function detectKind(artifact: Pick<Artifact, 'path' | 'kind'>, doc: JsonObject): VerifiedKind | undefined {
  const base = posix.basename(artifact.path);
  const apiVersion = typeof doc.apiVersion === 'string' ? doc.apiVersion : '';
  if (KUSTOMIZATION_FILES.includes(base) || apiVersion.startsWith('kustomize.config.k8s.io/')) return 'kustomization';
  if ((ARTIFACT_KINDS as readonly string[]).includes(artifact.kind)) return artifact.kind as VerifiedKind;
  if ('containerDefinitions' in doc) return 'ecs-task-definition';
  if ('Resources' in doc || 'AWSTemplateFormatVersion' in doc) return 'cloudformation';
  if ('apiVersion' in doc && 'kind' in doc) return 'kubernetes';
  if (typeof doc.type === 'string' && copilotWorkloadTypes().includes(doc.type)) return 'copilot-manifest';
  return undefined;
}

/** Paths of strategic-merge patches named by a kustomization among the artifacts: partial objects. */
function patchFiles(artifacts: readonly Artifact[]): Set<string> {
  const out = new Set<string>();
  for (const a of artifacts) {
    if (!KUSTOMIZATION_FILES.includes(posix.basename(a.path))) continue;
    const doc = a.documents?.[0];
    if (!doc) continue;
    const dir = posix.dirname(a.path);
    const named: unknown[] = [
      ...(Array.isArray(doc.patchesStrategicMerge) ? doc.patchesStrategicMerge : []),
      ...[doc.patches, doc.patchesJson6902].flatMap((l) => (Array.isArray(l) ? l.map((p) => (isObject(p) ? p.path : undefined)) : [])),
    ];
    for (const n of named) if (typeof n === 'string' && !n.includes('\n')) out.add(posix.normalize(posix.join(dir, n)));
  }
  return out;
}

/** Check every YAML/JSON artifact; text artifacts are skipped. */
export function verifyArtifacts(artifacts: readonly Artifact[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const paths = new Set(artifacts.map((a) => a.path));
  const patches = patchFiles(artifacts);
  const k8s: K8sDoc[] = [];
  for (const a of artifacts) {
    if (a.format === 'text') continue;
    (a.documents ?? []).forEach((doc, i) => {
      const r = new Reporter(a, i, out);
      try {
        const kind = detectKind(a, doc);
        if (kind === 'ecs-task-definition') verifyEcsTaskDefinition(doc, r);
        else if (kind === 'cloudformation') verifyCloudFormation(doc, r);
        else if (kind === 'kubernetes') {
          verifyKubernetes(doc, r, { partial: patches.has(a.path) });
          if (!patches.has(a.path)) k8s.push({ doc, reporter: r });
        }
        else if (kind === 'copilot-manifest') verifyCopilot(doc, r);
        else if (kind === 'kustomization') verifyKustomization(doc, r, a.path, paths);
        else r.add('VERIFY_UNRECOGNIZED', [], `no verifier recognises the artifact kind "${a.kind}" or this document's shape, so it was not checked`, 'info');
      } catch (err) {
        r.add('VERIFY_FAILED', [], `verification could not run: ${err instanceof Error ? err.message : String(err)}`);
      }
    });
  }
  checkKubernetesReferences(k8s);
  return out;
}

export { setSchemasRoot } from './vendor.js';
