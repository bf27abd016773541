/**
 * Reading a source document field by field. Every field an importer reads (or deliberately skips)
 * is marked; at the end `leftovers()` reports each field nobody marked, at its own line:column, so
 * no source field is dropped without a diagnostic.
 */
import type { Diagnostic, Severity, SpecPath } from '../core/diagnostics.js';
import { locate } from '../core/source.js';
import type { InputDocument } from './read.js';

/** Why a field is not carried. */
export type DropReason = 'no-form' | 'ambiguous' | 'changed';

const CODES: Record<DropReason, string> = { 'no-form': 'IMPORT_NOT_CARRIED', ambiguous: 'IMPORT_AMBIGUOUS', changed: 'IMPORT_VALUE_CHANGED' };

const key = (path: SpecPath) => JSON.stringify(path);

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Marks per document; shared by every `Field` of it. */
export class Tracker {
  private readonly used = new Set<string>();
  private readonly touched = new Set<string>();
  constructor(
    readonly doc: InputDocument,
    readonly diagnostics: Diagnostic[],
  ) {}

  root(rename?: Field['rename']): Field {
    return new Field(this, [], this.doc.value, rename);
  }

  /** Whether the field (or a parent) was marked. */
  isUsed(path: SpecPath): boolean {
    for (let i = path.length; i >= 0; i--) if (this.used.has(key(path.slice(0, i)))) return true;
    return false;
  }

  mark(path: SpecPath): void {
    this.used.add(key(path));
    for (let i = 0; i <= path.length; i++) this.touched.add(key(path.slice(0, i)));
  }

  /** A diagnostic at `path` of this document. */
  report(path: SpecPath, code: string, severity: Severity, message: string, hint?: string): Diagnostic {
    const d: Diagnostic = { code, severity, message, source: 'import', path, file: this.doc.source.file };
    const pos = locate(this.doc.source, path, true);
    if (pos) {
      d.line = pos.line;
      d.column = pos.column;
    }
    if (hint) d.hint = hint;
    this.diagnostics.push(d);
    return d;
  }

  /** Report every field nobody marked: whole subtrees when nothing inside them was read. */
  leftovers(what: string): void {
    const walk = (v: unknown, path: SpecPath): void => {
      const k = key(path);
      if (this.used.has(k)) return;
      if (path.length && !this.touched.has(k)) {
        this.report(path, 'IMPORT_NOT_CARRIED', 'warning', `${what}: ${describe(path)} has no form in the spec, so it is not carried.`);
        return;
      }
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
      else if (isObject(v)) for (const [k2, x] of Object.entries(v)) walk(x, [...path, k2]);
      else if (path.length) this.report(path, 'IMPORT_NOT_CARRIED', 'warning', `${what}: ${describe(path)} has no form in the spec, so it is not carried.`);
    };
    walk(this.doc.value, []);
  }
}

function describe(path: SpecPath): string {
  const last = path[path.length - 1];
  return typeof last === 'number' ? `item ${last} of ${String(path[path.length - 2] ?? 'the list')}` : `"${String(last)}"`;
}

/** One field of a source document (possibly absent). Reading it marks it carried. */
export class Field {
  constructor(
    readonly tracker: Tracker,
    readonly path: SpecPath,
    readonly value: unknown,
    /** Maps the key an importer asks for to the key the source spells (CloudFormation casing). */
    readonly rename?: (key: string, parent: string | number | undefined) => string,
  ) {}

  get exists(): boolean {
    return this.value !== undefined;
  }

  get(...keys: (string | number)[]): Field {
    let f: Field = this;
    for (const k of keys) {
      const v = f.value;
      const name = typeof k === 'string' && this.rename ? this.rename(k, f.path[f.path.length - 1]) : k;
      const next = Array.isArray(v) && typeof name === 'number' ? v[name] : isObject(v) ? v[String(name)] : undefined;
      f = new Field(this.tracker, [...f.path, name], next, this.rename);
    }
    return f;
  }

  /** Mark this field (and everything under it) carried. */
  use(): this {
    if (this.exists) this.tracker.mark(this.path);
    return this;
  }

  /** The value, marked carried. */
  take(): unknown {
    this.use();
    return this.value;
  }

  str(): string | undefined {
    if (typeof this.value === 'string') return this.use(), this.value;
    if (typeof this.value === 'number' || typeof this.value === 'boolean') return this.use(), String(this.value);
    return undefined;
  }

  num(): number | undefined {
    if (typeof this.value === 'number' && Number.isFinite(this.value)) return this.use(), this.value;
    if (typeof this.value === 'string' && /^-?[0-9]+(\.[0-9]+)?$/.test(this.value)) return this.use(), Number(this.value);
    return undefined;
  }

  bool(): boolean | undefined {
    if (typeof this.value === 'boolean') return this.use(), this.value;
    if (this.value === 'true' || this.value === 'false') return this.use(), this.value === 'true';
    return undefined;
  }

  /** Items of a list (none when it is not a list). */
  items(): Field[] {
    return Array.isArray(this.value) ? this.value.map((_, i) => new Field(this.tracker, [...this.path, i], (this.value as unknown[])[i], this.rename)) : [];
  }

  /** Entries of a map (none when it is not a map). */
  entries(): [string, Field][] {
    const v = this.value;
    return isObject(v) ? Object.keys(v).map((k) => [k, new Field(this.tracker, [...this.path, k], v[k], this.rename)]) : [];
  }

  isMap(): boolean {
    return isObject(this.value);
  }

  /** Mark the field handled and say why it is not carried (or what codegen does instead). */
  drop(reason: DropReason, message: string, hint?: string): void {
    if (!this.exists) return;
    this.use();
    this.tracker.report(this.path, CODES[reason], 'warning', message, hint);
  }

  /** An info diagnostic: a choice the importer made (documented rule), at this field. */
  note(message: string, code = 'IMPORT_CHOICE'): void {
    this.tracker.report(this.path, code, 'info', message);
  }

  /** Mark carried when equal to `expected` (a value codegen derives); otherwise report it would change. */
  expect(expected: unknown, what: string): boolean {
    if (!this.exists) return true;
    if (JSON.stringify(this.value) === JSON.stringify(expected)) {
      this.use();
      return true;
    }
    this.drop('changed', `${what} is ${JSON.stringify(this.value)} here; codegen writes ${JSON.stringify(expected)}.`);
    return false;
  }
}

/** A command or entrypoint: a list of strings, or one string split on spaces (noted: quoting is lost). */
export function words(f: Field): string[] | undefined {
  if (Array.isArray(f.value) && f.value.every((x) => typeof x === 'string')) return f.take() as string[];
  if (typeof f.value === 'string') {
    f.note('A command given as one string is split on spaces (write a list to keep quoting).');
    return f.str()!.split(/\s+/).filter(Boolean);
  }
  return undefined;
}
