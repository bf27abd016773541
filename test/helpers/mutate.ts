/** A random edit of a copy of a document, for the tests that compare a check with its reference implementation on many inputs. */
export type Container = Record<string, unknown> | unknown[];

export const isContainer = (v: unknown): v is Container => v !== null && typeof v === 'object';

/** Every object and array inside `v`, `v` itself first (MutateOptions.containers for plain JSON data). */
export function containers(v: unknown, out: Container[] = []): Container[] {
  if (!isContainer(v)) return out;
  out.push(v);
  for (const x of Object.values(v)) containers(x, out);
  return out;
}

export interface MutateOptions {
  /** Every container (object or array) inside a value, the value itself first. */
  containers: (v: unknown) => Container[];
  /** What a value may be replaced with (the old value and the generator given). */
  replacements: readonly ((old: unknown, rnd: () => number) => unknown)[];
  /** The name and value of a field added to an object (names drawn before values). */
  extra: (rnd: () => number) => [string, unknown];
  /** An edit below this draw (and above 0.15, the chance of adding a field) removes an entry. */
  removeBelow: number;
  /** A document with no container is replaced whole (without it, every document must hold one). */
  replaceScalars?: boolean;
}

/** One to three edits of a copy of `doc`: add a field, remove an entry, or replace a value. The same seed gives the same edits. */
export function mutate(doc: unknown, rnd: () => number, o: MutateOptions): unknown {
  const copy = structuredClone(doc);
  const edits = 1 + Math.floor(rnd() * 3);
  for (let e = 0; e < edits; e++) {
    const all = o.containers(copy);
    if (!all.length && o.replaceScalars) return o.replacements[Math.floor(rnd() * o.replacements.length)]!(copy, rnd);
    const c = all[Math.floor(rnd() * all.length)]!;
    const keys = Array.isArray(c) ? c.map((_, i) => i) : Object.keys(c);
    const op = rnd();
    if (!Array.isArray(c) && op < 0.15) {
      const [name, value] = o.extra(rnd);
      c[name] = value;
    } else if (keys.length && op < o.removeBelow) {
      const k = keys[Math.floor(rnd() * keys.length)]!;
      if (Array.isArray(c)) c.splice(k as number, 1);
      else delete c[k as string];
    } else if (keys.length) {
      const k = keys[Math.floor(rnd() * keys.length)]!;
      const r = o.replacements[Math.floor(rnd() * o.replacements.length)]!;
      (c as Record<string | number, unknown>)[k] = r((c as Record<string | number, unknown>)[k], rnd);
    }
  }
  return copy;
}

/** Replacement values of every JSON type, and strings a pattern or a length bound may refuse: the start of a test's MutateOptions.replacements. */
export const JSON_REPLACEMENTS: readonly ((old: unknown, rnd: () => number) => unknown)[] = [
  (old) => (typeof old === 'string' ? 42 : 'text'),
  () => 2.5,
  () => -1,
  () => true,
  () => null,
  () => '',
  () => 'x'.repeat(300),
  () => [],
  () => ({}),
];
