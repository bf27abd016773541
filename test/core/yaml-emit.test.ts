/**
 * The direct YAML writer must produce byte for byte what the `yaml` library writes (or decline):
 * checked on every golden YAML artifact and on random JSON data with YAML-sensitive strings. It
 * also writes and declines exactly what the writer it replaced did (yaml-emit-reference.ts), on
 * random data that holds what is not plain JSON too.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Document, parse } from 'yaml';
import { libraryYaml, type JsonObject } from '../../src/core/serialize.js';
import { fastYaml, YAML11_NON_STRING } from '../../src/core/yaml-emit.js';
import { fastYaml as referenceYaml } from './yaml-emit-reference.js';

function yamlGoldens(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yamlGoldens(p, out);
    else if (p.includes('/expected/') && /\.ya?ml$/.test(p)) out.push(p);
  }
  return out;
}

// Strings a YAML writer must be careful with (1.1 booleans, numbers, timestamps, indicators).
const tricky = fc.constantFrom(
  '', ' ', 'on', 'off', 'yes', 'No', 'y', 'N', 'true', 'null', '~', 'Null', '0', '-0', '017', '0o17', '0x1F', '0b11', '1_000',
  '+1', '.5', '1e3', '1.10', '.inf', '-.Inf', '.NaN', '2012-10-17', '2001-12-14t21:59:43.10-05:00', '1:30', '190:20:30',
  'a: b', 'a:b', 'a:', 'a #b', 'a#b', '#a', '- a', '-', '?', '? a', '?a', ':', '@a', '`a', '*a', '&a', '!a', '|', '>', "'",
  '"', 'a\\b', '[a]', '{a}', 'a,b', '%a', '---', '...', '--- a', '<<', '=', 'a ', ' a', 'http://x:80/y', 'é', 'a\nb', 'a\tb',
);
const key = fc.oneof(tricky, fc.string({ maxLength: 6 }));
const scalar = fc.oneof(tricky, fc.string({ maxLength: 8 }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('tree'), { maxLength: 4 }), fc.dictionary(key, tie('tree'), { maxKeys: 4 })),
}));

describe('direct YAML writer', () => {
  const goldens = yamlGoldens('fixtures');

  it('writes every golden YAML document exactly as the yaml library does', () => {
    expect(goldens.length).toBeGreaterThan(20);
    let fast = 0;
    for (const file of goldens) {
      for (const text of readFileSync(file, 'utf8').split(/^---\n/m)) {
        const doc = parse(text, { version: '1.1' }) as JsonObject;
        const direct = fastYaml(doc);
        if (direct !== undefined) fast++;
        expect(direct ?? libraryYaml(doc), file).toBe(libraryYaml(doc));
      }
    }
    // The direct writer is the common path, not the exception.
    expect(fast).toBeGreaterThan(goldens.length * 0.9);
  });

  it('agrees with the yaml library or declines, on random data', () => {
    fc.assert(
      fc.property(fc.dictionary(key, tree, { maxKeys: 6 }), (doc) => {
        const direct = fastYaml(doc as JsonObject);
        if (direct !== undefined) expect(direct).toBe(libraryYaml(doc as JsonObject));
      }),
      { numRuns: 3000 },
    );
  });

  it('writes the same text as the writer it replaced, and declines the same documents', () => {
    class Box {
      constructor(readonly v: number) {}
    }
    // What a buggy emitter could hand over: each must be declined as before (the library path then reports it).
    const odd = fc.constantFrom<unknown>(undefined, Number.NaN, Infinity, -0, () => 1, new Box(1), new Date(0), Object.create(null), Object.assign(Object.create(null), { a: 1 }), Symbol('s'), 10n, [[]], [{}], { a: {} });
    const anyTree = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, scalar, odd, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(key, tie('node'), { maxKeys: 4 })),
    })).node;
    const check = (doc: unknown): void => {
      const before = referenceYaml(doc as JsonObject);
      expect(fastYaml(doc as JsonObject)).toBe(before);
    };
    fc.assert(fc.property(fc.oneof(fc.dictionary(key, anyTree, { maxKeys: 6 }), fc.array(anyTree, { maxLength: 5 }), anyTree), check), { numRuns: 20000, seed: 19 });
    for (const file of goldens) for (const text of readFileSync(file, 'utf8').split(/^---\n/m)) check(parse(text, { version: '1.1' }));
    for (const doc of [{}, [], { a: [] }, { a: {} }, [[], {}, [[]]], { a: [{}] }, null, 'x', 1]) check(doc);
  });

  it("holds the yaml library's own YAML 1.1 type tests", () => {
    const schema = new Document(null, { version: '1.1' }).schema;
    const library = [...schema.tags, ...(schema.compat ?? [])].filter((t) => t.default && t.tag !== 'tag:yaml.org,2002:str' && t.test).map((t) => String(t.test));
    expect(YAML11_NON_STRING.map(String)).toEqual(library);
  });

  it('agrees with the yaml library on name-like strings (the unquoted fast path)', () => {
    // Letters that start YAML 1.1 bools/nulls/exponent floats, digits, signs and dots, mixed.
    const nameChar = fc.constantFrom(...'aeEyYnNtTfFoOxzAZ_/.-0159'.split(''));
    fc.assert(
      fc.property(fc.array(fc.string({ unit: nameChar, maxLength: 7 }), { minLength: 1, maxLength: 6 }), (names) => {
        const doc = Object.fromEntries(names.map((n, i) => [`k${i}${n}`, n])) as JsonObject;
        doc[names[0]! || 'x'] = names;
        expect(fastYaml(doc) ?? libraryYaml(doc)).toBe(libraryYaml(doc));
      }),
      { numRuns: 3000 },
    );
    expect(fastYaml({ a: 'e5', b: 'yes', c: 'Off', d: 'my-app', e: '/ecs/my-app' })).toBe('a: "e5"\nb: "yes"\nc: "Off"\nd: my-app\ne: /ecs/my-app\n');
  });

  it('quotes what YAML 1.1 would read as another type, and declines what it cannot decide', () => {
    expect(fastYaml({ a: 'on', b: '1.10', c: '2012-10-17', d: 'x: y', e: 'plain', f: 0, g: [], h: {} })).toBe(
      'a: "on"\nb: "1.10"\nc: "2012-10-17"\nd: "x: y"\ne: plain\nf: 0\ng: []\nh: {}\n',
    );
    expect(fastYaml({ a: 'line\nbreak' })).toBeUndefined();
    expect(fastYaml({ a: 'café' })).toBeUndefined();
    // `<<` is a merge key to YAML 1.1 readers, `=` PyYAML's unconstructable `value` tag, `0o17` and
    // `0X1F` integers to YAML 1.2 and go-yaml: all quoted, as values and as keys.
    expect(fastYaml({ a: '<<', '<<': '=', '=': '0o17', '0X1F': 'x' })).toBe('a: "<<"\n"<<": "="\n"=": "0o17"\n"0X1F": x\n');
    expect(libraryYaml({ a: '<<', '<<': '=', '=': '0o17', '0X1F': 'x' })).toBe('a: "<<"\n"<<": "="\n"=": "0o17"\n"0X1F": x\n');
  });
});
