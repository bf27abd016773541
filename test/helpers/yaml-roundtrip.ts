/**
 * The writer's differential harness: generated strings are written by serializeArtifact (as
 * values, as keys, in lists) and read back by the `yaml` library as YAML 1.2 and as YAML 1.1, by
 * PyYAML (one python3 process per batch, over stdin) and checked against go-yaml v3's resolver
 * rules (encoded below from go-yaml's documented behaviour: which plain scalars it reads as
 * something other than a string). Every reader must give back the identical strings.
 * Used by test/core/yaml-roundtrip.test.ts (bounded) and scripts/property-run.ts (long).
 */
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { isScalar, parseAllDocuments, parseDocument, visit, Scalar } from 'yaml';
import { serializeArtifact, type JsonObject } from '../../src/core/serialize.js';

const sign = fc.constantFrom('', '+', '-');
const digits = fc.string({ unit: fc.constantFrom(...'0123456789_'), minLength: 1, maxLength: 6 });
const hexDigits = fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF_'), minLength: 1, maxLength: 5 });
const anyCase = (words: readonly string[]) =>
  fc.tuple(fc.constantFrom(...words), fc.array(fc.boolean(), { minLength: 8, maxLength: 8 })).map(([w, up]) => [...w].map((c, i) => (up[i % 8] ? c.toUpperCase() : c.toLowerCase())).join(''));

/** Numbers in every base, sign, exponent and separator form any reader knows (and near misses). */
const numberLike = fc.oneof(
  fc.tuple(sign, digits).map(([s, d]) => s + d),
  fc.tuple(sign, fc.constantFrom('0b', '0B', '0o', '0O', '0x', '0X', '0', '00'), hexDigits).map(([s, p, d]) => s + p + d),
  fc.tuple(sign, fc.option(digits, { nil: '' }), fc.constantFrom('.', ''), fc.option(digits, { nil: '' }), fc.constantFrom('', 'e', 'E', 'e+', 'e-', 'E-'), fc.option(digits, { nil: '' })).map((p) => p.join('')),
  fc.tuple(sign, digits, fc.array(fc.integer({ min: 0, max: 99 }), { minLength: 1, maxLength: 3 }), fc.constantFrom('', '.', '.5')).map(([s, d, parts, f]) => `${s}${d}${parts.map((p) => `:${p}`).join('')}${f}`),
  fc.tuple(sign, anyCase(['.inf', '.nan', 'inf', 'nan', 'infinity'])).map(([s, w]) => s + w),
);
/** Booleans and nulls of YAML 1.1 and 1.2, in any letter case. */
const boolNull = anyCase(['y', 'n', 'yes', 'no', 'on', 'off', 'true', 'false', 'null', '~', 'nil', 'none']);
/** Timestamps and near misses. */
const timestamp = fc
  .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 19 }), fc.integer({ min: 0, max: 39 }), fc.constantFrom('', 'T', 't', ' ', '  ', '\t'), fc.constantFrom('', '1:2:3', '12:34:56', '12:34:56.789', '1:2'), fc.constantFrom('', 'Z', ' Z', '+01', '-05:00', '+1:30'))
  .map(([y, m, d, sep, time, zone]) => `${String(y).padStart(4, '0')}-${m}-${d}${time ? sep + time + zone : ''}`);
const special = fc.constantFrom(
  '', ' ', '<<', '=', '!', '&', '*', '?', '-', ':', '---', '...', '--- a', '... a', '%YAML', '#', '@', '`', '|', '>', "'", '"', '[', ']', '{', '}', ',', '\\',
  'a: b', 'a:', 'a :', 'a #b', 'a#b', ' #', '- a', '? a', ': a', '-a', '?a', ':a', 'a\tb', '\t', 'a\n', '\na', 'a\n\nb', 'a \nb', ' a', 'a ', '\r\n', '\r',
  '\u2028', '\u2029', '\u0085', '\u00a0', '\ufeff', '\u0000', '\u0007', '\u001b', '\u007f', '\u009f', '\ufffe', '\uffff', 'é', '日本', '😀', '\u200b', '\u202e',
);
/** Any code point but lone surrogates (which no UTF-8 file holds). */
const unicode = fc.string({ unit: 'binary', maxLength: 8 });
const ascii = fc.string({ unit: 'binary-ascii', maxLength: 8 });
const fragment = fc.oneof(numberLike, boolNull, timestamp, special, unicode, ascii);

/** The generated strings: one to three fragments joined, sometimes with a space or `: ` / ` #` between. */
export const trickyString: fc.Arbitrary<string> = fc
  .tuple(fc.array(fragment, { minLength: 1, maxLength: 3 }), fc.constantFrom('', ' ', ': ', ' #', '\n', '\t'))
  .map(([parts, glue]) => parts.join(glue))
  .filter((s) => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s));

/** The document a string is written in: as a value, a list item, a key, and a nested key's value. */
export function docFor(s: string): JsonObject {
  return { value: s, list: [s, 'x'], keys: { [s]: s, k: [s] } };
}

/** A reader's view of a value, in a form that keeps types (a key `true` is not the key "true"). */
export type Shape = string | { t: string; r?: string } | Shape[] | { map: [Shape, Shape][] };

export function shapeOf(v: unknown): Shape {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(shapeOf);
  if (v instanceof Map) return { map: [...v.entries()].map(([k, x]) => [shapeOf(k), shapeOf(x)]) };
  if (v && typeof v === 'object') return { map: Object.entries(v).map(([k, x]) => [k, shapeOf(x)]) };
  return { t: typeof v, r: String(v) };
}

export interface Failure {
  input: string;
  reader: string;
  text: string;
  got: string;
}

/**
 * go-yaml v3's resolver for a plain scalar, from its documented rules: only scalars starting with
 * a sign, a digit, `.`, `~` or one of y Y n N t T f F o O can be other than strings; among those,
 * its table of words (true/false/null/~ in three cases, .nan/.inf with signs, `<<`), then for a
 * sign or digit first: a `YYYY-` timestamp, or (after removing every `_`) a Go base-0 integer
 * (0b/0o/0x in either case, a leading 0 for octal) or a YAML-style float; for `.` first, a float.
 */
export function goYamlReadsAsString(s: string): boolean {
  if (s === '') return false;
  const words = ['true', 'True', 'TRUE', 'false', 'False', 'FALSE', '~', 'null', 'Null', 'NULL', '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF', '<<'];
  if (words.includes(s)) return false;
  const c = s[0]!;
  if (c === '.') return !/^\.[0-9]+(?:[eE][-+]?[0-9]+)?$/.test(s);
  if (!/[-+0-9]/.test(c)) return true;
  if (/^[0-9]{4}-/.test(s)) return false; // possibly a timestamp: quoting is the safe side
  const p = s.replace(/_/g, '');
  if (/^[-+]?(?:0[bB][01]+|0[oO]?[0-7]*|0[xX][0-9a-fA-F]+|[1-9][0-9]*)$/.test(p)) return false;
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(p)) return false;
  return true;
}

const PYTHON = `
import json, sys, yaml
def shape(v):
    if isinstance(v, str): return v
    if isinstance(v, list): return [shape(x) for x in v]
    if isinstance(v, dict): return {"map": [[shape(k), shape(x)] for k, x in v.items()]}
    return {"t": type(v).__name__, "r": repr(v)}
out = []
for text in json.loads(sys.stdin.buffer.read().decode("utf-8")):
    try:
        out.append({"ok": shape(yaml.safe_load(text))})
    except Exception as e:
        out.append({"error": str(e).split("\\n")[0]})
sys.stdout.write(json.dumps(out))
`;

/** Whether python3 with PyYAML can be run here. */
export function pyYamlAvailable(): boolean {
  const r = spawnSync('python3', ['-c', 'import yaml'], { encoding: 'utf8' });
  return r.status === 0;
}

/** The texts as PyYAML reads them (one process for the whole batch). */
function pyYamlRead(texts: readonly string[]): ({ ok: Shape } | { error: string })[] {
  const r = spawnSync('python3', ['-c', PYTHON], { input: JSON.stringify(texts), encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`python3: ${r.stderr}`);
  return JSON.parse(r.stdout) as ({ ok: Shape } | { error: string })[];
}

/** Write each string, read it back with every reader, and list every disagreement. */
export function roundTrip(strings: readonly string[], options: { pyyaml: boolean }): Failure[] {
  const failures: Failure[] = [];
  const texts = strings.map((s) => serializeArtifact({ path: 'x.yaml', format: 'yaml', kind: 'test', emitter: 'test', documents: [docFor(s)] }));
  const expected = strings.map((s) => JSON.stringify(shapeOf(docFor(s))));
  const fail = (i: number, reader: string, got: string) => failures.push({ input: strings[i]!, reader, text: texts[i]!, got });
  texts.forEach((text, i) => {
    for (const version of ['1.1', '1.2'] as const) {
      const docs = parseAllDocuments(text, { version, uniqueKeys: true, strict: true });
      const doc = Array.isArray(docs) ? docs[0] : undefined;
      if (!doc || doc.errors.length || (docs as unknown[]).length !== 1) {
        fail(i, `yaml ${version}`, doc?.errors[0]?.message ?? 'no document');
        continue;
      }
      let got: string;
      try {
        got = JSON.stringify(shapeOf(doc.toJS({ mapAsMap: true })));
      } catch (err) {
        got = `throws: ${(err as Error).message}`;
      }
      if (got !== expected[i]) fail(i, `yaml ${version}`, got);
    }
    // go-yaml: every plain scalar of the text must be one it reads as a string.
    const doc = parseDocument(text, { version: '1.2' });
    visit(doc, {
      Scalar(_, node: Scalar) {
        if (isScalar(node) && node.type === Scalar.PLAIN && typeof node.value === 'string' && !goYamlReadsAsString(node.value)) fail(i, 'go-yaml v3 rules', String(node.value));
      },
    });
  });
  if (options.pyyaml && texts.length) {
    pyYamlRead(texts).forEach((r, i) => {
      if ('error' in r) fail(i, 'PyYAML', r.error);
      else if (JSON.stringify(r.ok) !== expected[i]) fail(i, 'PyYAML', JSON.stringify(r.ok));
    });
  }
  return failures;
}
