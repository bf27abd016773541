import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { compile } from 'json-schema-to-typescript';
import { specDocs } from './spec-docs.js';
import { buildPlatformSchema } from '../src/platform/schema.js';
import type { JsonSchema } from '../src/schema/dsl.js';
import { buildServiceSchema } from '../src/schema/service-schema.js';

/**
 * The generated validator leaves the *contents* of overlays (core fields repeated under
 * `targets.<t>` and everything under `environments.<e>`) to `compile()`, which validates every
 * merged view — each environment and each target, overrides applied — against the full schema and
 * maps errors back to where they were written. Keys are still checked at each overlay's top level.
 * The editor schema (schema/service.schema.json) keeps the full overlay definitions. This makes the
 * validator about a third of its size, which is most of the CLI's start-up.
 */
function overlaysUnchecked(schema: JsonSchema): JsonSchema {
  const defs = schema.$defs as Record<string, JsonSchema>;
  for (const k of Object.keys(defs)) if (k.startsWith('override_') || k.endsWith('Overlay')) defs[k] = {};
  return schema;
}

function withoutDocs(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutDocs);
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    // `properties` and `$defs` hold names, not keywords: a property may be called `description`.
    if ((k === 'description' || k === 'default' || k === 'title' || k === 'markdownDescription') && typeof x !== 'object') continue;
    if ((k === 'examples' || k === 'default') && Array.isArray(x)) continue; // editor hints (src/schema/editor-hints.ts)
    out[k] = withoutDocs(x);
  }
  return out;
}

/** The schema without what only editors read (`markdownDescription`, `examples`): the error texts need descriptions only. */
function withoutEditorHints(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutEditorHints);
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if ((k === 'markdownDescription' && typeof x === 'string') || (k === 'examples' && Array.isArray(x))) continue;
    out[k] = withoutEditorHints(x);
  }
  return out;
}

/** End (exclusive) of the JSON value that starts at `code[start]` (an object or array literal). */
function jsonEnd(code: string, start: number): number {
  let depth = 0;
  for (let i = start; i < code.length; i++) {
    const c = code[i];
    if (c === '"') {
      for (i++; code[i] !== '"'; i++) if (code[i] === '\\') i++;
    } else if (c === '{' || c === '[') depth++;
    else if ((c === '}' || c === ']') && --depth === 0) return i + 1;
  }
  throw new Error('standalone validator: unterminated schema literal');
}

/**
 * ajv's standalone code declares the schema objects it refers to (`const schema6 = {…}`, the whole
 * service schema among them) at the top of the module, so every start built about 200 KB of
 * objects, most of them never read. What the code reads of them is known when it is generated:
 * `funcN.call(schemaN.properties…, key)` (funcN is `Object.prototype.hasOwnProperty`: is this key a
 * declared property?) and the `enum` lists of error messages. Those become key objects (null prototype: `hasOwnProperty` answers the same)
 * and inline literals, and the schema objects go. Anything else read from a schema object stops
 * the build.
 */
function withoutSchemaLiterals(code: string): string {
  const schemas = new Map<string, unknown>();
  const decl = /const (schema\d+) = (?=[[{])/g;
  const cuts: [number, number][] = [];
  for (let m = decl.exec(code); m; m = decl.exec(code)) {
    const end = jsonEnd(code, m.index + m[0].length);
    schemas.set(m[1]!, JSON.parse(code.slice(m.index + m[0].length, end)));
    cuts.push([m.index, code[end] === ';' ? end + 1 : end]);
  }
  let out = '';
  let at = 0;
  for (const [from, to] of cuts) {
    out += code.slice(at, from);
    at = to;
  }
  out += code.slice(at);
  const own = /const (func\d+) = Object\.prototype\.hasOwnProperty;/.exec(code)?.[1];
  const keySets = new Map<string, string>();
  const keysDecls: string[] = [];
  const keysOf = (value: unknown): string => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('standalone validator: hasOwnProperty on a value that is not an object');
    const names = Object.keys(value);
    if (names.includes('__proto__')) throw new Error('standalone validator: a property named __proto__');
    const literal = `{__proto__: null${names.map((k) => `, ${JSON.stringify(k)}: true`).join('')}}`;
    let name = keySets.get(literal);
    if (!name) {
      name = `keys${keySets.size}`;
      keySets.set(literal, name);
      keysDecls.push(`const ${name} = ${literal};`);
    }
    return name;
  };
  const access = /\b(schema\d+)((?:\.[A-Za-z_$][\w$]*|\[\d+\]|\["[^"]*"\])*)/g;
  out = out.replace(access, (whole, name: string, chain: string, offset: number, all: string) => {
    if (!schemas.has(name)) return whole;
    let value: unknown = schemas.get(name);
    for (const step of chain.match(/\.[A-Za-z_$][\w$]*|\[\d+\]|\["[^"]*"\]/g) ?? []) {
      const key = step.startsWith('.') ? step.slice(1) : (JSON.parse(step.slice(1, -1)) as string | number);
      value = (value as Record<string | number, unknown>)[key];
      if (value === undefined) throw new Error(`standalone validator: ${whole} is not in the schema`);
    }
    if (own && all.slice(Math.max(0, offset - own.length - 6), offset) === `${own}.call(`) return keysOf(value);
    if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) return JSON.stringify(value);
    throw new Error(`standalone validator: ${whole} is read in a way this build does not inline`);
  });
  if (/\bschema\d+\b/.test(out.replace(/"[^"]*"/g, '""'))) throw new Error('standalone validator: a schema object is still referred to');
  return keysDecls.join('') + out;
}

/**
 * ajv's standalone code makes every `pattern` of the schema at load (`const pattern0 = new
 * RegExp(…, "u")`): V8 parses each one then, about seventy of them, though a spec meets a few.
 * Each becomes an object whose test() makes its RegExp on first use. The validator only ever calls
 * `patternN.test(…)`; anything else stops the build.
 */
function lazyPatterns(code: string): string {
  const decl = /const (pattern\d+) = new RegExp\(("(?:[^"\\]|\\.)*"), "u"\);/g;
  const out = code.replace(decl, (_, name: string, source: string) => `let ${name}_re; const ${name} = { test: (s) => (${name}_re ??= new RegExp(${source}, "u")).test(s) };`);
  const other = out.replace(/\bpattern\d+\.test\(/g, '').replace(/let pattern\d+_re; const pattern\d+ = \{ test: \(s\) => \(pattern\d+_re \?\?=/g, '');
  if (/\bpattern\d+\b/.test(other)) throw new Error('standalone validator: a pattern is used other than by test(), or made another way');
  return out;
}

/** The variables an expression of ajv's code reads: names outside strings, not property names or keys. */
function namesRead(expression: string): string[] {
  // ajv escapes a key for a JSON pointer with two regular expressions, /~/g and /\//g: the only ones allowed.
  const bare = expression.replace(/"(?:[^"\\]|\\.)*"/g, '""').replaceAll('/~/g', '0').replaceAll('/\\//g', '0');
  if (/[?`'/]|\.\.\./.test(bare)) throw new Error(`standalone validator: an error object this build does not move: ${expression.slice(0, 200)}`);
  const names = new Set<string>();
  for (const m of bare.matchAll(/(?<![\w$.])([A-Za-z_$][\w$]*)(?![\w$])(?!\s*:)/g)) {
    const name = m[1]!;
    if (name === 'this' || name === 'arguments') throw new Error(`standalone validator: an error object reads ${name}`);
    if (!['true', 'false', 'null', 'undefined'].includes(name)) names.add(name);
  }
  return [...names];
}

/** Error sites per group function: V8 compiles a group whole when one of its errors is made. */
const ERROR_GROUP = 16;

/**
 * ajv's code builds each error object where its check fails: an object literal with the schema path,
 * keyword, parameters and message (1,534 of them in the service validator, two thirds of its text).
 * V8 compiles them with the validate function that holds them, and the CLI's start-up cache carries
 * them, although a valid spec runs almost none (a valid spec fails branches of its oneOf and anyOf:
 * 22 sites for the seed). Each literal becomes an arrow function of the variables it reads, the
 * arrows in groups of ERROR_GROUP, each group a function called on the first error of one of its
 * sites; the check keeps a call. The objects, and the order they are pushed in, are unchanged
 * (test/schema-validator.test.ts compares the validators with ajv's own on thousands of specs).
 */
function errorsOutOfLine(code: string): string {
  const site = /const (err\d+) = \{/g;
  const arrows: string[] = [];
  let out = '';
  let at = 0;
  for (let m = site.exec(code); m; m = site.exec(code)) {
    const start = m.index + m[0].length - 1;
    const end = jsonEnd(code, start);
    const literal = code.slice(start, end);
    const tail = `;if(vErrors === null){vErrors = [${m[1]}];}else {vErrors.push(${m[1]});}errors++;`;
    if (!code.startsWith(tail, end)) throw new Error(`standalone validator: ${m[1]} is used other than by the push after it`);
    const names = namesRead(literal).join(', ');
    arrows.push(`(${names}) => (${literal})`);
    out += `${code.slice(at, m.index)}vErrors = __pushError(vErrors, __errorSite(${arrows.length - 1})(${names}));errors++;`;
    at = end + tail.length;
    site.lastIndex = at;
  }
  out += code.slice(at);
  if (/\berr\d+\b/.test(out.replace(/"(?:[^"\\]|\\.)*"/g, '""'))) throw new Error('standalone validator: an error object is still referred to');
  const groups: string[] = [];
  for (let i = 0; i < arrows.length; i += ERROR_GROUP) groups.push(`function __errorGroup${groups.length}() { return [\n${arrows.slice(i, i + ERROR_GROUP).join(',\n')}\n]; }`);
  const table = `const __errorGroups = [${groups.map((_, i) => `__errorGroup${i}`).join(', ')}];const __errorSites = [];function __errorSite(n) { return (__errorSites[n >> ${Math.log2(ERROR_GROUP)}] ??= __errorGroups[n >> ${Math.log2(ERROR_GROUP)}]())[n & ${ERROR_GROUP - 1}]; }function __pushError(list, e) { if (list === null) return [e]; list.push(e); return list; }`;
  return `${table}\n${groups.join('\n')}\n${out}`;
}

/** ajv's options for the standalone validators. */
export const AJV_OPTIONS = { allErrors: true, inlineRefs: false, strict: true, strictRequired: false, code: { source: true, esm: true }, allowUnionTypes: true } as const;

/**
 * The schema a validator is made from. The validator checks; it does not need the documentation.
 * Without descriptions and defaults the schema literals ajv embeds in the generated code are several
 * times smaller.
 */
function validatorSchema(schema: JsonSchema, forValidator: (s: JsonSchema) => JsonSchema = (s) => s): object {
  return withoutDocs(forValidator(structuredClone(schema))) as object;
}

/** The schemas the service and platform validators are made from, for a test to compile with ajv itself. */
export function validatorSchemas(): { service: object; platform: object } {
  return { service: validatorSchema(buildServiceSchema(), overlaysUnchecked), platform: validatorSchema(buildPlatformSchema()) };
}

/** The JSON text, the TypeScript types and the ajv standalone validator of one schema. */
async function artifactsFor(schema: JsonSchema, typeName: string, schemaFile: string, forValidator: (s: JsonSchema) => JsonSchema = (s) => s): Promise<[json: string, ts: string, js: string]> {
  const json = `${JSON.stringify(schema, null, 2)}\n`;
  const ts = await compile(structuredClone(schema) as never, typeName, {
    bannerComment: `/* Generated from ${schemaFile} by \`npm run gen:schema\`. Do not edit. */`,
    additionalProperties: false,
    unreachableDefinitions: false,
    // Arrays stay arrays: minItems/maxItems as tuples would repeat an item type once per allowed length.
    ignoreMinAndMaxItems: true,
    strictIndexSignatures: false,
    format: true,
    style: { singleQuote: true, printWidth: 120 },
  });
  const ajv = new Ajv(AJV_OPTIONS);
  const validate = ajv.compile(validatorSchema(schema, forValidator));
  let code = standaloneCode(ajv, validate);
  // ajv's standalone ESM still calls require() for its runtime helpers. Inline the one we use
  // (module interop differs between Node and bundlers); fail loudly if the schema needs another.
  const UCS2 = 'require("ajv/dist/runtime/ucs2length").default';
  code = code.split(UCS2).join('__ucs2length');
  const left = [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
  if (left.length) throw new Error(`standalone validator needs runtime helpers not inlined: ${left.join(', ')}`);
  code = errorsOutOfLine(lazyPatterns(withoutSchemaLiterals(code)));
  const imports = 'function __ucs2length(str) { let n = 0; for (const _ of str) n++; return n; }';
  const js = `/* eslint-disable */\n// Generated by \`npm run gen:schema\` (ajv standalone). Do not edit.\n${imports}\n${code}\n`;
  return [json, ts, js];
}

/**
 * A schema as text, for wording errors only. The literal sits inside a function that only an
 * invalid spec calls: a string at a module's top level is part of the code V8 compiles at load, so
 * the CLI's start-up cache carried the 366 kB of the service schema in every run (2.37 against
 * 1.63 MB), while a function never called is neither compiled nor cached.
 */
function schemaTextModule(file: string, name: string, text: string): string {
  return `// Generated by \`npm run gen:schema\`: ${file} as a string, parsed only to word errors.\nexport function ${name}() {\n  return ${JSON.stringify(text)};\n}\n`;
}

export async function generatedArtifacts(): Promise<Record<string, string>> {
  const [json, ts, js] = await artifactsFor(buildServiceSchema(), 'ServiceSpec', 'schema/service.schema.json', overlaysUnchecked);
  const [pJson, pTs, pJs] = await artifactsFor(buildPlatformSchema(), 'PlatformSpec', 'schema/platform.schema.json');
  return {
    'schema/service.schema.json': json,
    'src/schema/spec.generated.ts': ts,
    'src/schema/validate.generated.js': js,
    'src/schema/schema-text.generated.js': schemaTextModule('schema/service.schema.json', 'serviceSchemaText', JSON.stringify(withoutEditorHints(JSON.parse(json)))),
    'schema/platform.schema.json': pJson,
    'src/platform/spec.generated.ts': pTs,
    'src/platform/validate.generated.js': pJs,
    'src/platform/schema-text.generated.js': schemaTextModule('schema/platform.schema.json', 'platformSchemaText', JSON.stringify(JSON.parse(pJson))),
    'docs/spec.md': specDocs(JSON.parse(json) as Record<string, unknown>),
  };
}
