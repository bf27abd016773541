/**
 * The fast spec reader must read exactly what the yaml library reads — the same value, and the same
 * line:column start and end for every path a diagnostic can name — or leave the text to the library.
 * Checked on every YAML file in the repository, on generated documents in many layouts, and on
 * mutations of real specs (most of which are outside the subset or invalid: the reader must decline).
 */
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SpecPath } from '../../src/core/diagnostics.js';
import { locate, parseSource } from '../../src/core/source.js';
import { fastParse } from '../../src/core/yaml-fast.js';

/** Cases per property; a longer hunt: YAML_FAST_RUNS=100000 npx vitest run test/core/yaml-fast.test.ts */
const RUNS = Number(process.env.YAML_FAST_RUNS ?? 2500);

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yamlFiles(p, out);
    else if (/\.ya?ml$/.test(p)) out.push(p);
  }
  return out;
}

/** Every path into a value, plus a missing key and a missing index under each collection. */
function paths(v: unknown, at: SpecPath = [], out: SpecPath[] = []): SpecPath[] {
  out.push(at);
  if (Array.isArray(v)) {
    v.forEach((x, i) => paths(x, [...at, i], out));
    out.push([...at, v.length + 3]);
  } else if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out);
    out.push([...at, 'no-such-key'], [...at, 'no-such-key', 'deeper']);
  } else {
    out.push([...at, 'below-a-scalar']);
  }
  return out;
}

/** Same value: same JSON, same key order, and -0 kept apart from 0. */
function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' || typeof b === 'number') return Object.is(a, b);
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.join('\u0000') !== kb.join('\u0000')) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** 'fast' when the fast reader took the text (and agreed with the library), 'library' otherwise. */
function compare(text: string): 'fast' | 'library' {
  const fast = parseSource('spec.yaml', text);
  if (!fast.source.tree) return 'library';
  const slow = parseSource('spec.yaml', text, { fast: false });
  expect(slow.diagnostics, `the library found problems the fast reader accepted:\n${text}`).toEqual([]);
  expect(fast.diagnostics).toEqual([]);
  if (!sameValue(fast.value, slow.value)) {
    expect(fast.value, `values differ for:\n${text}`).toStrictEqual(slow.value);
    throw new Error(`values differ (-0?) for:\n${text}`);
  }
  for (const p of paths(fast.value)) {
    for (const preferKey of [false, true]) {
      expect(locate(fast.source, p, preferKey), `${JSON.stringify(p)} preferKey=${preferKey} in:\n${text}`).toEqual(locate(slow.source, p, preferKey));
    }
  }
  return 'fast';
}

/** A small deterministic random source, so a failing seed reproduces. */
function rng(seed: number): { int: (n: number) => number; pick: <T>(xs: readonly T[]) => T; chance: (p: number) => boolean } {
  let s = seed >>> 0 || 1;
  const next = (): number => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
  return { int: (n) => Math.floor(next() * n), pick: (xs) => xs[Math.floor(next() * xs.length)]!, chance: (p) => next() < p };
}

const KEYS = ['name', 'image', 'port', 'ENV', 'DB_PASSWORD', 'app.kubernetes.io/name', 'x-y', 'a_b', 'k8s', 'True', 'null', 'yes', 'on', 'No'];
const PLAIN = ['my-app', 'v1.0.0', '8080', '-1', '+3', '007', '1.5', '.5', '1e3', '1_000', '0x1F', '0o17', '.inf', '-.Inf', '.NaN', 'true', 'False', 'NULL', '~', 'null', 'yes', 'on',
  'arn:aws:iam::1:role/x', 'http://localhost:8080/health', 'a b  c', "it's", 'say "hi"', 'a#b', 'a-b', '-a', '?a', ':a', '2026-11-26', '1:30', '250m', '512Mi', 'é ü', 'a\\b', '/ecs/my-app', '---', 'a: b', 'a,b', '[x]', 'x]', '{y', '@z', '`q', '%p', '!t', '&a', '*a', 'a|b', '>x', '|'];
const QUOTABLE = ['', ' ', 'a: b', '# no comment', "it's", 'say "hi"', 'tab\there', 'line\nbreak', 'back\\slash', 'uni \u00e9', 'slash/', 'null', '123', 'x'];

function dq(s: string, r: ReturnType<typeof rng>): string {
  let out = '"';
  for (const ch of s) {
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += r.chance(0.5) ? '\\t' : '\\x09';
    else if (ch === '/' && r.chance(0.5)) out += '\\/';
    else if (ch === '\u00e9' && r.chance(0.5)) out += '\\u00e9';
    else out += ch;
  }
  return `${out}"`;
}

function scalarText(r: ReturnType<typeof rng>): string {
  const k = r.int(3);
  if (k === 0) return r.pick(PLAIN);
  const s = r.pick(QUOTABLE);
  return k === 1 ? dq(s, r) : `'${s.replace(/'/g, "''").replace(/\n/g, ' ')}'`;
}

function flowText(r: ReturnType<typeof rng>, depth: number): string {
  const sp = r.chance(0.5) ? ' ' : '';
  if (depth > 2 || r.chance(0.5)) return scalarText(r);
  if (r.chance(0.5)) {
    const n = r.int(4);
    return `[${sp}${Array.from({ length: n }, () => flowText(r, depth + 1)).join(r.chance(0.8) ? ', ' : ',')}${sp}]`;
  }
  const keys = [...new Set(Array.from({ length: r.int(4) }, () => r.pick(KEYS)))];
  return `{${sp}${keys.map((k) => `${k}: ${flowText(r, depth + 1)}`).join(', ')}${sp}}`;
}

function comment(r: ReturnType<typeof rng>): string {
  return r.pick([' # note', '   # note: with colon', ' #', '']);
}

/** A document in a random but mostly valid layout. */
function document(r: ReturnType<typeof rng>): string {
  const lines: string[] = [];
  const extra = (ind: number): void => {
    if (r.chance(0.15)) lines.push('');
    if (r.chance(0.15)) lines.push(`${' '.repeat(r.pick([0, ind, ind + 2, Math.max(0, ind - 2)]))}# a comment line`);
  };
  const map = (ind: number, depth: number, first?: string): void => {
    const keys = [...new Set(Array.from({ length: 1 + r.int(4) }, () => r.pick(KEYS)))];
    keys.forEach((k, i) => {
      const pad = i === 0 && first !== undefined ? first : ' '.repeat(ind);
      value(`${pad}${k}:`, ind, depth);
      extra(ind);
    });
  };
  const seq = (ind: number, depth: number): void => {
    const n = 1 + r.int(3);
    for (let i = 0; i < n; i++) {
      const pad = ' '.repeat(ind);
      if (depth < 4 && r.chance(0.35)) map(ind + 2, depth + 1, `${pad}- `);
      else lines.push(`${pad}- ${r.chance(0.7) ? scalarText(r) : flowText(r, 0)}${comment(r)}${r.chance(0.1) ? '  ' : ''}`);
      extra(ind);
    }
  };
  const value = (head: string, ind: number, depth: number): void => {
    const kind = depth >= 4 ? 0 : r.int(5);
    if (kind <= 1) lines.push(`${head} ${kind === 0 ? scalarText(r) : flowText(r, 0)}${comment(r)}${r.chance(0.1) ? ' ' : ''}`);
    else if (kind === 2) {
      lines.push(`${head}${r.chance(0.2) ? '  # about it' : ''}`);
      extra(ind + 2);
      map(ind + r.pick([2, 4]), depth + 1);
    } else {
      lines.push(head);
      seq(ind + r.pick([0, 2]), depth + 1);
    }
    if (r.chance(0.03)) lines.push(`${head}`); // an empty value (or a duplicate key)
  };
  if (r.chance(0.2)) lines.push('# header comment');
  map(0, 0);
  return lines.join('\n') + (r.chance(0.8) ? '\n' : '');
}

const MUTATIONS = [' ', '  ', '\n', '\r\n', '\r', '#', ':', ': ', '-', '- ', '[', ']', '{', '}', ',', '"', "'", 'a', '1', '.', '&a ', '*a', '!', '|', '>', '?', '~', '\t', '\\', '---\n'];

function mutate(text: string, r: ReturnType<typeof rng>): string {
  let t = text;
  for (let n = 1 + r.int(3); n > 0; n--) {
    const at = r.int(t.length + 1);
    const op = r.int(3);
    if (op === 0) t = t.slice(0, at) + r.pick(MUTATIONS) + t.slice(at);
    else if (op === 1) t = t.slice(0, at) + t.slice(at + 1 + r.int(3));
    else t = t.slice(0, at) + r.pick(MUTATIONS) + t.slice(at + 1);
  }
  return t;
}

describe('fast spec reader', () => {
  const files = [...yamlFiles('fixtures'), ...yamlFiles('examples')];
  const specs = files.filter((f) => /service\.yaml$|platform\.yaml$/.test(f) && !f.includes('/expected/'));

  it('reads every YAML file in the repository as the yaml library does, and most of them itself', () => {
    expect(files.length).toBeGreaterThan(100);
    let fast = 0;
    let fastCrlf = 0;
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      if (compare(text) === 'fast') fast++;
      if (compare(text.replace(/\n/g, '\r\n')) === 'fast') fastCrlf++; // the same file with Windows line breaks
    }
    expect(fastCrlf).toBe(fast);
    // Golden outputs and fixtures are mostly in the subset (hostile-input cases are not).
    expect(fast).toBeGreaterThan(files.length * 0.6);
  });

  it('reads the seed spec itself (the common path stays the fast one), with either line break', () => {
    expect(fastParse(readFileSync('fixtures/seed/service.yaml', 'utf8'))).toBeDefined();
    expect(fastParse(readFileSync('fixtures/seed/service.yaml', 'utf8').replace(/\n/g, '\r\n'))).toBeDefined();
    expect(fastParse(readFileSync('examples/my-app/service.yaml', 'utf8'))).toBeDefined();
  });

  it('agrees with the library or declines on generated documents', () => {
    let fast = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.boolean(), (seed, crlf) => {
        const text = document(rng(seed));
        if (compare(crlf ? text.replace(/\n/g, '\r\n') : text) === 'fast') fast++;
      }),
      { numRuns: RUNS },
    );
    // The generator is meant to exercise the subset, not only the fallback.
    expect(fast).toBeGreaterThan(300);
  });

  it('agrees with the library or declines on mutated specs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: specs.length - 1 }), fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.boolean(), (i, seed, crlf) => {
        const text = readFileSync(specs[i]!, 'utf8');
        compare(mutate(crlf ? text.replace(/\n/g, '\r\n') : text, rng(seed)));
      }),
      { numRuns: RUNS },
    );
  });

  it('declines what it does not read: anchors, tags, block scalars, multi-line scalars, empty values, duplicates, tabs, lone CRs', () => {
    for (const text of [
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      'a: |\n  text\n',
      'a: >\n  text\n',
      'a: one\n  two\n',
      'a:\nb: 1\n',
      'a: 1\na: 2\n',
      'a:\tb\n',
      'a: 1\rb: 2\n', // a lone CR
      '__proto__: 1\n',
      'a: 0x1F\n',
      'a: "multi\n  line"\n',
      '- a\n- b\n',
      '---\na: 1\n',
      'a: [1,\n  2]\n',
      '"quoted key": 1\n',
    ]) {
      expect(fastParse(text), JSON.stringify(text)).toBeUndefined();
      compare(text);
    }
  });
});

describe('plain scalars', () => {
  it('reads every short number-like plain scalar as the yaml library does, or gives up', async () => {
    const { parse } = await import('yaml');
    const { resolvePlain, GIVE_UP } = await import('../../src/core/yaml-fast-scalars.js');
    const chars = [...'019+-.eExXoOinfaNIF_'];
    let level = [''];
    const bad: string[] = [];
    let read = 0;
    for (let len = 1; len <= 4; len++) {
      const next: string[] = [];
      for (const p of level) for (const c of chars) next.push(p + c);
      level = next;
      for (const s of next) {
        const c = s.charCodeAt(0);
        // Only what reaches number resolution: not a sequence dash, not a document marker (the reader's lines handle those).
        if (!((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46) || s === '-' || s === '---' || s === '...') continue;
        let got: unknown;
        try {
          got = resolvePlain(s);
        } catch (err) {
          if (err !== GIVE_UP) throw err;
          // Giving up is right only for the core schema's other numbers (or a string starting 0o / 0x).
          if (typeof parse(s) !== 'number' && !/^0[ox]/.test(s)) bad.push(`${s}: gave up`);
          continue;
        }
        read++;
        if (!Object.is(got, parse(s))) bad.push(`${s}: ${String(got)} / ${String(parse(s))}`);
      }
    }
    expect(bad.slice(0, 10)).toEqual([]);
    expect(read).toBeGreaterThan(40_000); // 49,676 strings reach resolvePlain without giving up
  });
});
