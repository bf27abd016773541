/**
 * `kubernetes:kustomization` — `kubernetes/kustomization.yaml` listing exactly the files the other
 * Kubernetes emitters write (they share `writesFile`), so `kubectl kustomize <service>/kubernetes`
 * or `kubectl apply -k` builds the set, and an `images:` entry per image so the tag can be set at
 * deploy time (`kustomize edit set image`). Plugin emitters' files are not listed.
 */
import type { JsonObject } from '../../core/serialize.js';
import type { ServiceModel } from '../../model/types.js';
import { K8S_FILES, k8sArtifact, k8sObjectFiles, writesFile } from './k8s.js';
import { defineEmitter } from '../types.js';

/**
 * An image reference split the way kustomize's `images` transformer matches it: the name (registry
 * and repository), the tag, the digest. The tag is after the last `/`, so `host:5000/repo` has none.
 */
export function splitImage(image: string): { name: string; tag?: string; digest?: string } {
  const at = image.indexOf('@');
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  const rest = at >= 0 ? image.slice(0, at) : image;
  const colon = rest.lastIndexOf(':');
  const hasTag = colon > rest.lastIndexOf('/');
  return { name: hasTag ? rest.slice(0, colon) : rest, ...(hasTag ? { tag: rest.slice(colon + 1) } : {}), ...(digest ? { digest } : {}) };
}

/**
 * `images:` entries, one per image name of the pod's containers, each stating the tag (or digest)
 * the manifests already use: building is unchanged, and `kustomize edit set image NAME=NAME:TAG`
 * (or an overlay's `images:`) changes exactly that entry. A name used with two different tags or
 * digests gets no entry, since one entry would rewrite both containers.
 */
export function kustomizeImages(images: readonly string[]): JsonObject[] {
  const byName = new Map<string, { tag?: string; digest?: string } | null>();
  for (const image of images) {
    const { name, ...version } = splitImage(image);
    const seen = byName.get(name);
    if (seen === undefined) byName.set(name, version);
    else if (seen !== null && (seen.tag !== version.tag || seen.digest !== version.digest)) byName.set(name, null);
  }
  return [...byName]
    .filter((e): e is [string, { tag?: string; digest?: string }] => e[1] !== null)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, v]) => ({ name, ...(v.tag !== undefined ? { newTag: v.tag } : {}), ...(v.digest !== undefined ? { digest: v.digest } : {}) }));
}

export function buildKustomization(m: ServiceModel): JsonObject {
  const images = kustomizeImages(m.containers.map((c) => c.image));
  return {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources: k8sObjectFiles(m).map((f) => K8S_FILES[f].slice(K8S_FILES[f].lastIndexOf('/') + 1)),
    ...(images.length ? { images } : {}),
  };
}

export default defineEmitter({
  name: 'kubernetes:kustomization',
  target: 'kubernetes',
  description: 'kustomization.yaml listing the generated Kubernetes files.',
  applies: (m) => writesFile(m, 'kustomization'),
  emit(model) {
    return [k8sArtifact('kustomization', 'kubernetes:kustomization', buildKustomization(model))];
  },
});
