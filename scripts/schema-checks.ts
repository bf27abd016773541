/**
 * Compiles vendored schemas into TypeScript: one function per distinct schema node, each doing
 * exactly what the evaluator (src/verify/json-schema.ts) does for that node. The node's keywords
 * are read with the evaluator's own makePlan(), and every message is the evaluator's wording, so
 * the two cannot read a keyword differently. Nodes with the same text share one function (a
 * Deployment's 1,481 schema nodes are 193 distinct ones, and ObjectMeta is shared by every kind);
 * a node holding a `$ref` only within its own schema file.
 *
 * - SCHEMA_CHECKS_FILE: the schemas every Kubernetes run is checked against — the eleven
 *   Kubernetes schemas (vendor/schemas/kubernetes, listed by its index.json; evaluated strictly)
 *   and kustomize's kustomization.json (as kustomize.ts adjusts it).
 * - CFN_CHECKS_FILE: the CloudFormation registry resource schemas, as cloudformation.ts evaluates
 *   resource properties (see the Compiler's `cfn` mode), and cfn-lint's four template section
 *   schemas, as it evaluates the sections.
 *
 * Compiled: type, enum, const, string length and pattern, number bounds, minItems/maxItems,
 * items (one schema), required, properties, patternProperties, additionalProperties, local
 * `$ref`, oneOf/anyOf; for CloudFormation also `uniqueItems`, cfn-lint's keywords, `not`,
 * `if`/`then`/`else`, `propertyNames` and `maxProperties` (the template section schemas use
 * them). Any other keyword that would change a result (`allOf`, tuple `items`, ...) stops the
 * generation with its place, rather than being compiled wrongly.
 *
 * Written by `npm run gen:schema-checks` (scripts/gen-schema-checks.ts); test/verify/schema-checks.test.ts
 * and test/verify/cfn-checks.test.ts check the files are what this makes of the vendored schemas,
 * and that each check reports what evaluate() reports.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { attributesOf, CFN_SECTIONS, readOnlyPathsOf, sectionAsChecked, sectionFile } from '../src/verify/cfn-resource-data.js';
import { branchSummary } from '../src/verify/json-schema.js';
import { withKustomizeFields } from '../src/verify/kustomize-schema.js';
import { isObject } from '../src/verify/report.js';
import { makePlan, type Plan, type Schema } from '../src/verify/schema-plan.js';
import { compactSchema } from './verify-data.mjs';

export const SCHEMA_CHECKS_FILE = 'src/verify/schema-checks.generated.ts';
export const CFN_CHECKS_FILE = 'src/verify/cfn-checks.generated.ts';

const q = (s: string): string => JSON.stringify(s);
/**
 * Checks `value` at `key` with the function `check`, the path stack kept in place rather than
 * through at(): each call site then calls one function, which V8 can inline, where a shared at()
 * calls hundreds (the first 300 in-process compiles: 1.04x the instructions through at()).
 */
const call = (check: string, value: string, key: string): string => `{ w.stack.push(${key}); ${check}(${value}, w); w.stack.pop(); }`;
/** The same, for a CloudFormation check: a value the walk's `opaque` names (an intrinsic function call) is not walked, outside a probe. */
const callCfn = (check: string, value: string, key: string): string => `{ const x = ${value}; if (!skip(w, x)) { w.stack.push(${key}); ${check}(x, w); w.stack.pop(); } }`;

class Compiler {
  /** Function name by node text (and strictness); null for a node that checks nothing. */
  private readonly names = new Map<string, string | null>();
  /** Function name by body: nodes that differ only in what checks nothing (`format`, `x-` keys) share one. */
  private readonly bodies = new Map<string, string>();
  /** Function name by `$ref` target, for the root being compiled (named before its body: a reference may be recursive). */
  private refs = new Map<string, string>();
  readonly functions: string[] = [];
  /** The schema file being compiled, for the message of a keyword that is not compiled. */
  private where = '';
  private root: Schema = true;
  private strict = false;
  /** How a check walks into a child value (see call and callCfn). */
  private readonly descend: typeof call;

  /**
   * `cfn`: checks for CloudFormation, as cloudformation.ts evaluates its schemas: cfn-lint's
   * keywords and `uniqueItems` are compiled, a child value the walk's `opaque` names is skipped
   * outside a probe, and a `oneOf`/`anyOf` no branch accepts is explained by walking each branch
   * again as the walk itself walks (evaluate() does the same).
   */
  constructor(private readonly cfn = false) {
    this.descend = cfn ? callCfn : call;
  }

  /** The function checking `root` (a whole schema file), or null when it checks nothing. */
  compile(root: Schema, where: string, strict: boolean): string | null {
    this.root = root;
    this.where = where;
    this.strict = strict;
    this.refs = new Map();
    return this.check(root, '');
  }

  /** The function checking `schema`, or null when it checks nothing (no violation can come of it). */
  private check(schema: Schema, at: string): string | null {
    if (schema === true) return null;
    if (schema === false) return this.named('false', () => [`  fail(w, 'false schema', 'is not allowed here', {});`]);
    const text = JSON.stringify(schema);
    // A node holding a `$ref` means what its root's definitions say: it is shared within its root only.
    return this.named(`${this.strict ? 'strict ' : ''}${text.includes('"$ref"') ? `${this.where} ` : ''}${text}`, () => this.body(makePlan(schema, this.strict), at));
  }

  private named(key: string, make: () => string[]): string | null {
    const known = this.names.get(key);
    if (known !== undefined) return known;
    const body = make().join('\n');
    let name = body === '' ? null : (this.bodies.get(body) ?? null);
    if (body !== '' && name === null) {
      name = `c${this.functions.length}`;
      this.functions.push(`function ${name}(v: unknown, w: Walk): void {\n${body}\n}`);
      this.bodies.set(body, name);
    }
    this.names.set(key, name);
    return name;
  }

  /** The function a `$ref` calls: the target's checks (evaluate() resolves a local reference against the root). */
  private ref(ref: string, at: string): string | null {
    const known = this.refs.get(ref);
    if (known !== undefined) return known;
    let target: unknown = this.root;
    for (const seg of ref.replace(/^#\/?/, '').split('/').filter(Boolean)) target = isObject(target) ? target[seg.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    if (!isObject(target) && typeof target !== 'boolean') return null; // evaluate() takes an unresolved reference for `true`
    if (target === true) return null;
    const name = `r${this.functions.length}`;
    this.refs.set(ref, name);
    this.functions.push(''); // the place, kept while the body (which may reach this reference again) is made
    const index = this.functions.length - 1;
    const body = target === false ? [`  fail(w, 'false schema', 'is not allowed here', {});`] : this.body(makePlan(target as Record<string, unknown>, this.strict), `${at}→${ref}`);
    this.functions[index] = `function ${name}(v: unknown, w: Walk): void {\n${body.join('\n')}\n}`;
    return name;
  }

  private unsupported(at: string, what: string): never {
    throw new Error(`${this.where}${at || '/'}: ${what} is not compiled (the evaluator must check this schema)`);
  }

  private body(p: Plan, at: string): string[] {
    for (const [bad, what] of [
      [!this.cfn && (p.uniqueItems || p.maxUniqueItems !== undefined || p.uniqueKeys !== undefined), 'uniqueItems'],
      [p.itemList !== undefined, 'tuple items'],
      [!this.cfn && (p.requiredXor !== undefined || p.requiredOr !== undefined || p.dependentRequired !== undefined || p.dependentExcluded !== undefined), 'a cfn-lint keyword'],
      [p.allOf !== undefined, 'allOf'],
      // Compiled and held to the evaluator for CloudFormation (test/verify/cfn-checks.test.ts); no Kubernetes schema uses them.
      [!this.cfn && (p.not !== undefined || p.if !== undefined || p.propertyNames !== undefined || p.maxProperties !== undefined), 'not, if, propertyNames or maxProperties'],
    ] as const) {
      if (bad) this.unsupported(at, what);
    }
    const out: string[] = [];
    // evaluate() follows a reference first, then checks the node's own keywords.
    const ref = p.ref === undefined ? null : this.ref(p.ref, at);
    if (ref) out.push(`  ${ref}(v, w);`);
    if (p.types !== undefined) {
      // typeFail() writes the message from the type list: the same text as the plan's, checked here.
      if (p.typeMessage !== `must be ${p.typeParam.split(',').join(' or ')}`) this.unsupported(at, `the type list ${p.typeParam}`);
      out.push(`  if ((b & ${p.typeMask}) === 0) return typeFail(w, ${q(p.typeParam)});`);
    }
    if (p.enumKeys !== undefined) out.push(`  if (!inEnum(v, b, ${JSON.stringify(p.schema.enum)})) enumFail(w, ${JSON.stringify(p.schema.enum)});`);
    if (p.hasConst) out.push(`  if (canonical(v) !== ${q(p.constKey)}) constFail(w, ${JSON.stringify(p.schema.const)});`);
    if (p.forString) out.push(...this.stringChecks(p));
    if (p.forNumber) out.push(...this.numberChecks(p));
    if (p.forArray) out.push(...this.arrayChecks(p, at));
    if (p.forObject) out.push(...this.objectChecks(p, at));
    out.push(...this.notCheck(p, at), ...this.ifCheck(p, at));
    p.branches.forEach(([kw, list]) => out.push(...this.branchCheck(kw, list, `${at}/${kw}`)));
    const own = out.length > (ref ? 1 : 0);
    return own ? [...(ref ? out.slice(0, 1) : []), '  const b = typeBit(v);', ...out.slice(ref ? 1 : 0)] : out;
  }

  private stringChecks(p: Plan): string[] {
    const out = ['  if (b === 16) {', '    const s = v as string;'];
    if (p.minLength !== undefined) out.push(`    if (codePoints(s) < ${p.minLength}) fail(w, 'minLength', ${q(`must be at least ${p.minLength} character(s) long`)}, {});`);
    if (p.maxLength !== undefined) out.push(`    if (s.length > ${p.maxLength} && codePoints(s) > ${p.maxLength}) fail(w, 'maxLength', ${q(`must be at most ${p.maxLength} characters long`)}, {});`);
    const pattern = p.schema.pattern;
    if (typeof pattern === 'string') out.push(`    if (!regexp(${q(pattern)}).test(s)) fail(w, 'pattern', ${q(`must match the pattern ${JSON.stringify(pattern)}`)}, {});`);
    return [...out, '  }'];
  }

  private numberChecks(p: Plan): string[] {
    const out = ['  if ((b & 12) !== 0) {', '    const n = v as number;'];
    if (p.minimum !== undefined) out.push(`    if (n < ${p.minimum}) fail(w, 'minimum', ${q(`must be at least ${p.minimum}`)}, {});`);
    if (p.maximum !== undefined) out.push(`    if (n > ${p.maximum}) fail(w, 'maximum', ${q(`must be at most ${p.maximum}`)}, {});`);
    if (p.multipleOf !== undefined) out.push(`    if (Math.abs(n / ${p.multipleOf} - Math.round(n / ${p.multipleOf})) > 1e-9) fail(w, 'multipleOf', ${q(`must be a multiple of ${p.multipleOf}`)}, {});`);
    return [...out, '  }'];
  }

  private arrayChecks(p: Plan, at: string): string[] {
    const out: string[] = [];
    if (p.minItems !== undefined) out.push(`    if (a.length < ${p.minItems}) fail(w, 'minItems', ${q(`needs at least ${p.minItems} item(s)`)}, {});`);
    if (p.maxItems !== undefined) out.push(`    if (a.length > ${p.maxItems}) fail(w, 'maxItems', ${q(`holds at most ${p.maxItems} item(s)`)}, {});`);
    if (p.uniqueItems) out.push(`    if (a.length > 1 && repeats(a)) fail(w, 'uniqueItems', 'must not repeat an item', {});`);
    if (p.maxUniqueItems !== undefined) out.push(`    if (tooManyDistinct(a, ${p.maxUniqueItems})) fail(w, 'maxUniqueItems', ${q(`holds at most ${p.maxUniqueItems} distinct item(s)`)}, {});`);
    if (p.uniqueKeys !== undefined) out.push(`    uniqueKeysFail(w, a, ${JSON.stringify(p.uniqueKeys)});`);
    const item = p.item === undefined ? null : this.check(p.item, `${at}/items`);
    if (item) out.push(`    for (let i = 0; i < a.length; i++) ${this.descend(item, 'a[i]', 'i')}`);
    return out.length ? ['  if (b === 2) {', '    const a = v as unknown[];', ...out, '  }'] : [];
  }

  private objectChecks(p: Plan, at: string): string[] {
    const out: string[] = [];
    for (const r of p.required ?? []) out.push(`    if (!(${q(r)} in o)) requiredFail(w, ${q(r)});`);
    if (p.maxProperties !== undefined) out.push(`    if (Object.keys(o).length > ${p.maxProperties}) fail(w, 'maxProperties', ${q(`holds at most ${p.maxProperties} entries`)}, {});`);
    // Each key's name is checked first, as evaluate() does, before its value.
    const names = p.propertyNames === undefined ? null : this.check(p.propertyNames, `${at}/propertyNames`);
    const name = names ? [`      nameFail(w, ${names}, k);`] : [];
    // What a key that no property or pattern declares gets: nothing, an unknown-field error, or a check.
    const additional = p.additional === undefined ? undefined : p.additional === false ? false : this.check(p.additional, `${at}/additionalProperties`);
    const other = additional === false ? 'unknownFail(w, k);' : typeof additional === 'string' ? this.descend(additional, 'o[k]', 'k') : undefined;
    const props = p.props ?? {};
    // The declared names by the function that checks their values (names that check nothing together).
    const byCheck = new Map<string, string[]>();
    const quiet: string[] = [];
    for (const name of Object.keys(props)) {
      const c = this.check(props[name]!, `${at}/properties/${name}`);
      if (c) byCheck.set(c, [...(byCheck.get(c) ?? []), `case ${q(name)}:`]);
      else quiet.push(`case ${q(name)}:`);
    }
    // p.patterns is Object.entries(patternProperties) with each key made a RegExp: the keys, in that order.
    const patternKeys = Object.keys((p.schema.patternProperties ?? {}) as object);
    const patterns = p.patterns.map(([, s], i) => [patternKeys[i]!, this.check(s, `${at}/patternProperties/${patternKeys[i]}`)] as const);
    if (patterns.length) {
      // Every declared name and every matching pattern checks the value; a key none of them matches is `other`.
      out.push('    for (const k of Object.keys(o)) {', ...name, '      let m = false;');
      if (byCheck.size || quiet.length) {
        out.push('      switch (k) {', ...[...byCheck].map(([c, labels]) => `        ${labels.join(' ')} m = true; ${this.descend(c, 'o[k]', 'k')} break;`));
        if (quiet.length) out.push(`        ${quiet.join(' ')}`, '          m = true;');
        out.push('      }');
      }
      for (const [pattern, c] of patterns) out.push(`      if (regexp(${q(pattern)}).test(k)) {`, '        m = true;', ...(c ? [`        ${this.descend(c, 'o[k]', 'k')}`] : []), '      }');
      if (other) out.push(`      if (!m) ${other}`);
      out.push('    }');
    } else if (Object.keys(props).length === 0 && other) {
      out.push(...(name.length ? ['    for (const k of Object.keys(o)) {', ...name, `      ${other}`, '    }'] : [`    for (const k of Object.keys(o)) ${other}`]));
    } else if (byCheck.size || other) {
      out.push('    for (const k of Object.keys(o)) {', ...name, '      switch (k) {', ...[...byCheck].map(([c, labels]) => `        ${labels.join(' ')} ${this.descend(c, 'o[k]', 'k')} break;`));
      if (quiet.length && other) out.push(`        ${quiet.join(' ')}`, '          break;');
      if (other) out.push(`        default: ${other}`);
      out.push('      }', '    }');
    } else if (name.length) out.push('    for (const k of Object.keys(o)) {', ...name, '    }');
    if (p.requiredXor !== undefined || p.requiredOr !== undefined || p.dependentRequired !== undefined || p.dependentExcluded !== undefined) {
      const keywords = { requiredXor: p.requiredXor, requiredOr: p.requiredOr, dependentRequired: p.dependentRequired, dependentExcluded: p.dependentExcluded };
      out.push(`    cfnObject(w, o, ${JSON.stringify(keywords)});`);
    }
    return out.length ? ['  if (b === 64) {', '    const o = v as Record<string, unknown>;', ...out, '  }'] : [];
  }

  /** A `not`: a value its schema accepts fails (a schema that accepts everything refuses every value). */
  private notCheck(p: Plan, at: string): string[] {
    if (p.not === undefined) return [];
    const c = this.check(p.not, `${at}/not`);
    const failing = "fail(w, 'not', 'matches a form that is not allowed', {});";
    return [c ? `  if (probe(w, ${c}, v).length === 0) ${failing}` : `  ${failing}`];
  }

  /** An `if`: the value is checked against `then` when it passes the `if` schema (tried on its own), else against `else`. */
  private ifCheck(p: Plan, at: string): string[] {
    if (p.if === undefined) return [];
    const c = this.check(p.if, `${at}/if`);
    const then = p.then === undefined ? null : this.check(p.then, `${at}/then`);
    const otherwise = p.else === undefined ? null : this.check(p.else, `${at}/else`);
    if (c === null) return then ? [`  ${then}(v, w);`] : [];
    if (then && otherwise) return [`  if (probe(w, ${c}, v).length === 0) ${then}(v, w);`, `  else ${otherwise}(v, w);`];
    if (then) return [`  if (probe(w, ${c}, v).length === 0) ${then}(v, w);`];
    return otherwise ? [`  if (probe(w, ${c}, v).length !== 0) ${otherwise}(v, w);`] : [];
  }

  /**
   * A `oneOf`/`anyOf`. Branches that check at most the value's type (Kubernetes' int-or-string)
   * are tested in place; others are run on their own (probe()), and a value no branch accepts is
   * explained from those runs as evaluate() explains it (explain()).
   */
  private branchCheck(kw: 'oneOf' | 'anyOf', list: Schema[], at: string): string[] {
    const summary = branchSummary(list);
    const typesOnly = list.every((b) => isObject(b) && Object.keys(b).every((k) => k === 'type'));
    const more = kw === 'oneOf' && !typesOnly ? [`    else if (n > 1) fail(w, 'oneOf', ${q(`matches more than one of the exclusive forms (${summary})`)}, {});`] : [];
    const simple = list.every((b) => typeof b === 'boolean' || typeOnly(makePlan(b, this.strict)));
    if (simple) {
      const tests = list.map((b) => (b === true ? '1' : b === false ? '0' : ((bp) => (bp.types === undefined ? '1' : `((b & ${bp.typeMask}) !== 0 ? 1 : 0)`))(makePlan(b, this.strict))));
      return [`  {`, `    const n = ${tests.join(' + ')};`, `    if (n === 0) fail(w, '${kw}', ${q(`does not match any allowed form (${summary})`)}, {});`, ...more, '  }'];
    }
    const checks = list.map((b, i) => this.check(b, `${at}/${i}`) ?? 'pass');
    return [
      '  {',
      `    const found = [${checks.map((c) => `probe(w, ${c}, v)`).join(', ')}];`,
      '    const n = found.filter((f) => f.length === 0).length;',
      this.cfn
        ? `    if (n === 0) explain(w, w.probing > 0 ? found : [${checks.map((c) => `rewalk(w, ${c}, v)`).join(', ')}], '${kw}', ${q(summary)});`
        : `    if (n === 0) explain(w, found, '${kw}', ${q(summary)});`,
      ...more,
      '  }',
    ];
  }
}

/** A branch plan that can only fail on the value's type. */
function typeOnly(p: Plan): boolean {
  return !(p.ref !== undefined || p.enumKeys !== undefined || p.hasConst || p.forString || p.forNumber || p.forArray || p.forObject || p.allOf !== undefined || p.not !== undefined || p.if !== undefined || p.branches.length > 0);
}

/**
 * A generated module: its functions and tables inside `make()`, which runs on the first call of
 * the exported getter. A function declared at a module's top level is created whenever the module
 * loads, and V8's start-up cache holds every one of them: a run that checks no document of these
 * schemas (a Kubernetes-only run and the CloudFormation checks, an ECS-only run and the
 * Kubernetes ones) would make hundreds of functions it never calls.
 *
 * Inside make(), the functions are made in groups (groupsOf): a root's check is a call of its
 * group, which makes that group and the groups it calls into on first use. A run that checks a
 * Deployment and a Service makes their functions, not the other kinds' (each function made costs
 * about 100 bytes of the start-up cache V8 reads in every run, made or called).
 */
function lazyModule(o: { about: string[]; imports: string[]; type: string; getter: string; returns: string; getterDoc: string; functions: string[]; roots: readonly (readonly [label: string, name: string | null])[]; value: (ref: (name: string | null) => string) => string[] }): string {
  const indent = (text: string, by = '  ') => text.split('\n').map((l) => (l === '' ? l : `${by}${l}`)).join('\n');
  const groups = groupsOf(o.functions, o.roots);
  const groupOf = new Map<string, number>();
  groups.forEach((g, i) => g.names.forEach((n) => groupOf.set(n, i)));
  const ref = (name: string | null): string => {
    if (name === null) return 'pass';
    if (!groupOf.has(name)) throw new Error(`schema checks: the root ${name} is in no group`);
    return `(v, w) => g${groupOf.get(name)}().${name}(v, w)`;
  };
  const body = groups.flatMap((g, i) => [
    `  // ${g.names.length} function${g.names.length === 1 ? '' : 's'}, for ${g.label}`,
    `  const g${i} = lazyGroup(() => {`,
    ...g.imports.map(([from, names]) => `    const { ${names.join(', ')} } = g${from}();`),
    ...g.functions.map((f) => `${indent(f, '    ')}\n`),
    `    return { ${g.exports.join(', ')} };`,
    '  });',
    '',
  ]);
  return [
    '// Generated by `npm run gen:schema-checks` (scripts/schema-checks.ts) from vendor/schemas: do not edit.',
    ...o.about.map((l) => `// ${l}`),
    ...o.imports,
    '',
    o.type,
    '',
    `let made: ${o.returns} | undefined;`,
    '',
    `/** ${o.getterDoc} */`,
    `export function ${o.getter}(): ${o.returns} {`,
    '  return (made ??= make());',
    '}',
    '',
    `function make(): ${o.returns} {`,
    '  /** A schema that checks nothing. */',
    '  const pass: Check = () => {};',
    '',
    ...body,
    ...o.value(ref).map((l) => `  ${l}`),
    '}',
    '',
  ].join('\n');
}

/** One group of a generated module's functions: those the same roots reach. */
interface Group {
  /** The roots that reach it, for a comment. */
  label: string;
  names: string[];
  functions: string[];
  /** Functions of other groups it calls: [group index, names]. */
  imports: [number, string[]][];
  /** Its functions that roots or other groups call. */
  exports: string[];
}

/**
 * The functions grouped by the set of roots that reach them. A function reached by a set of roots
 * calls only functions that those roots (at least) reach too, so a group calls into groups of larger
 * sets only: the groups come out with those first, and making one never needs itself.
 */
function groupsOf(functions: readonly string[], roots: readonly (readonly [string, string | null])[]): Group[] {
  const texts = new Map<string, string>();
  for (const f of functions) {
    if (f === '') continue;
    const name = /^function ([cr]\d+)\(/.exec(f)?.[1];
    if (name === undefined) throw new Error(`schema checks: a generated function without a name: ${f.slice(0, 80)}`);
    texts.set(name, f);
  }
  const code = (f: string) => f.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
  const calls = new Map([...texts].map(([name, f]) => [name, [...new Set(code(f).match(/\b[cr]\d+\b/g) ?? [])].filter((n) => n !== name && texts.has(n))]));
  const reachedBy = new Map<string, Set<number>>();
  roots.forEach(([, root], i) => {
    const stack = root === null ? [] : [root];
    while (stack.length) {
      const n = stack.pop()!;
      const set = reachedBy.get(n) ?? new Set<number>();
      if (set.has(i)) continue;
      set.add(i);
      reachedBy.set(n, set);
      const callees = calls.get(n);
      if (callees === undefined) throw new Error(`schema checks: ${n} is called but not generated`);
      stack.push(...callees);
    }
  });
  const unreached = [...texts.keys()].filter((n) => !reachedBy.has(n));
  if (unreached.length) throw new Error(`schema checks: no root reaches ${unreached.slice(0, 5).join(', ')}`);
  const byKey = new Map<string, string[]>();
  for (const name of texts.keys()) {
    const key = [...reachedBy.get(name)!].sort((a, b) => a - b).join(',');
    byKey.set(key, [...(byKey.get(key) ?? []), name]);
  }
  // Larger root sets first; then in the order of their first function.
  const keys = [...byKey.keys()].sort((a, b) => b.split(',').length - a.split(',').length || functions.indexOf(texts.get(byKey.get(a)![0]!)!) - functions.indexOf(texts.get(byKey.get(b)![0]!)!));
  const index = new Map<string, number>();
  keys.forEach((k, i) => byKey.get(k)!.forEach((n) => index.set(n, i)));
  const rootNames = new Set(roots.map(([, r]) => r));
  const exported = new Set<string>([...rootNames].filter((r): r is string => r !== null));
  for (const [name, callees] of calls) for (const c of callees) if (index.get(c) !== index.get(name)) exported.add(c);
  return keys.map((key, i) => {
    const names = byKey.get(key)!;
    const imports = new Map<number, Set<string>>();
    for (const n of names) {
      for (const c of calls.get(n)!) {
        const g = index.get(c)!;
        if (g === i) continue;
        if (g > i) throw new Error(`schema checks: group ${i} calls into group ${g}, made after it`);
        imports.set(g, (imports.get(g) ?? new Set()).add(c));
      }
    }
    const reached = key.split(',').map(Number).map((r) => roots[r]![0]);
    return {
      label: reached.length <= 3 ? reached.join(', ') : `${reached.slice(0, 3).join(', ')} and ${reached.length - 3} more`,
      names,
      functions: names.map((n) => texts.get(n)!),
      imports: [...imports].sort((a, b) => a[0] - b[0]).map(([g, set]) => [g, [...set].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))]),
      exports: names.filter((n) => exported.has(n)),
    };
  });
}

/** The generated module's text, from the schemas under `vendorDir` (vendor/schemas). */
export function schemaChecksModule(vendorDir: string): string {
  const read = (file: string): Schema => compactSchema(JSON.parse(readFileSync(join(vendorDir, file), 'utf8'))) as Schema;
  const index = JSON.parse(readFileSync(join(vendorDir, 'kubernetes/index.json'), 'utf8')) as Record<string, string>;
  const compiler = new Compiler();
  const kinds = Object.entries(index).map(([key, file]) => [key, file, compiler.compile(read(file), `${file}#`, true)] as const);
  const kustomization = compiler.compile(withKustomizeFields(read('kustomize/kustomization.json') as Record<string, unknown>), 'kustomize/kustomization.json#', false);
  return lazyModule({
    about: ['Each function checks one distinct schema node as evaluate() does (the Kubernetes schemas strictly).'],
    imports: [`import { ${[...helpersUsed(compiler.functions.join('\n')), 'lazyGroup', 'type Check', 'type Walk'].join(', ')} } from './compiled-check.js';`],
    type: [
      'export interface K8sChecks {',
      '  /** "apiVersion kind" → [schema file under vendor/schemas, root check, evaluated strictly]: the same map as kubernetes/index.json. */',
      '  kinds: Readonly<Record<string, readonly [string, Check]>>;',
      '  /** kustomize/kustomization.json with the fields kustomize.ts adds (withKustomizeFields), as written (not strict). */',
      '  kustomization: Check;',
      '}',
    ].join('\n'),
    getter: 'k8sChecks',
    returns: 'K8sChecks',
    getterDoc: 'The compiled Kubernetes and kustomization checks, made on first use.',
    functions: compiler.functions,
    roots: [...kinds.map(([key, , check]) => [key, check] as const), ['kustomization', kustomization]],
    value: (ref) => ['return {', '  kinds: {', ...kinds.map(([key, file, check]) => `    ${q(key)}: [${q(file)}, ${ref(check)}],`), '  },', `  kustomization: ${ref(kustomization)},`, '};'],
  });
}

/** The helpers a generated module's functions call, for its import line. */
function helpersUsed(code: string): string[] {
  const all = ['canonical', 'cfnObject', 'codePoints', 'constFail', 'enumFail', 'explain', 'fail', 'inEnum', 'nameFail', 'probe', 'regexp', 'repeats', 'requiredFail', 'rewalk', 'skip', 'tooManyDistinct', 'typeBit', 'typeFail', 'uniqueKeysFail', 'unknownFail'];
  return all.filter((h) => code.includes(`${h}(`));
}

/**
 * The generated CloudFormation module's text: a check of the Properties of each resource type with
 * a schema under `vendorDir`/cloudformation/resources, with its read-only property paths, as
 * cloudformation.ts evaluates them: not strictly, with `opaque` and `maybeUnset` given at run time
 * (runCheck's options); and a check of each of cfn-lint's template section schemas
 * (cloudformation/template), as cloudformation.ts evaluates a template's sections (no options).
 */
export function cfnChecksModule(vendorDir: string): string {
  const read = (file: string): Record<string, unknown> => compactSchema(JSON.parse(readFileSync(join(vendorDir, file), 'utf8'))) as Record<string, unknown>;
  const compiler = new Compiler(true);
  const resources = readdirSync(join(vendorDir, 'cloudformation/resources'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const file = `cloudformation/resources/${f}`;
      const schema = read(file);
      const type = f.replace(/\.json$/, '').replace(/_/g, '::');
      return [type, file, compiler.compile(schema, `${file}#`, false), `${JSON.stringify(readOnlyPathsOf(schema))}, ${JSON.stringify(attributesOf(schema))}`] as const;
    });
  const sections = CFN_SECTIONS.map((name) => [name, compiler.compile(sectionAsChecked(name, read(sectionFile(name))), `${sectionFile(name)}#`, false)] as const);
  return lazyModule({
    about: ["Each function checks one distinct schema node as evaluate() does with cloudformation.ts's options."],
    imports: [
      `import { ${[...helpersUsed(compiler.functions.join('\n')), 'lazyGroup', 'type Check', 'type Walk'].join(', ')} } from './compiled-check.js';`,
      "import type { CfnAttributes, CfnSection } from './cfn-resource-data.js';",
    ],
    type: [
      'export interface CfnChecks {',
      '  /** Resource type → [schema file under vendor/schemas, check of its Properties, read-only property paths (readOnlyPathsOf), attributes (attributesOf)]. */',
      '  resources: Readonly<Record<string, readonly [string, Check, readonly (readonly string[])[], CfnAttributes]>>;',
      "  /** cfn-lint's template section schemas (sectionFile), as the verifier checks them (sectionAsChecked). */",
      '  sections: Readonly<Record<CfnSection, Check>>;',
      '}',
    ].join('\n'),
    getter: 'cfnChecks',
    returns: 'CfnChecks',
    getterDoc: 'The compiled CloudFormation checks, made on first use.',
    functions: compiler.functions,
    roots: [...resources.map(([type, , check]) => [type, check] as const), ...sections.map(([name, check]) => [`${name} section`, check] as const)],
    value: (ref) => [
      'return {',
      '  resources: {',
      ...resources.map(([type, file, check, data]) => `    ${q(type)}: [${q(file)}, ${ref(check)}, ${data}],`),
      '  },',
      '  sections: {',
      ...sections.map(([name, check]) => `    ${name}: ${ref(check)},`),
      '  },',
      '};',
    ],
  });
}
