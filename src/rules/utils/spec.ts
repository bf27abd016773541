/** Small readers over the validated spec shared by several rules (paths are spec paths). */
import type { SpecPath } from '../../core/diagnostics.js';
import type { TargetName } from '../../model/types.js';
import type { CodegenServiceSpecV1 as ServiceSpec, Port, Resources } from '../../schema/spec.generated.js';
import type { RuleContext } from '../types.js';

export interface SpecContainer {
  name: string;
  image: string;
  resources?: Resources;
  env?: ServiceSpec['env'];
  ports?: Port[];
  /** Path of the container's definition: [] for the main container, ['sidecars', name] otherwise. */
  path: SpecPath;
}

/** The main container, then sidecars in name order. */
export function containersOf(spec: ServiceSpec): SpecContainer[] {
  const main: SpecContainer = {
    name: spec.containerName ?? 'app',
    image: spec.image,
    ...(spec.resources ? { resources: spec.resources } : {}),
    ...(spec.env ? { env: spec.env } : {}),
    ...(spec.ports ? { ports: spec.ports } : {}),
    path: [],
  };
  const sidecars = Object.keys(spec.sidecars ?? {})
    .sort()
    .map((name): SpecContainer => {
      const s = spec.sidecars![name]!;
      return { name, image: s.image, ...(s.resources ? { resources: s.resources } : {}), ...(s.env ? { env: s.env } : {}), ...(s.ports ? { ports: s.ports } : {}), path: ['sidecars', name] };
    });
  return [main, ...sidecars];
}

/** Run `fn` for every selected target with the spec that target sees. */
export function forEachTarget(ctx: RuleContext<string, object>, fn: (spec: ServiceSpec, target: TargetName) => void): void {
  for (const t of ctx.targets) fn(ctx.view(t), t);
}

/**
 * The deepest existing prefix of `path` in `value`: a report about something missing points at its
 * parent, or at the whole spec (`[]`) when nothing of it exists.
 */
export function existingPath(value: unknown, path: SpecPath): SpecPath {
  let cur = value;
  const out: (string | number)[] = [];
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, seg)) break;
    cur = (cur as Record<string | number, unknown>)[seg];
    out.push(seg);
  }
  return out;
}
