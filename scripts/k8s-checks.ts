/**
 * Compiles the vendored Kubernetes schemas (vendor/schemas/kubernetes, listed by its index.json)
 * into TypeScript: one function per distinct schema node, each doing exactly what the evaluator
 * (src/verify/json-schema.ts) does for that node under strict evaluation. The node's keywords are
 * read with the evaluator's own makePlan(), and every message is made here with the evaluator's
 * wording, so the two cannot read a keyword differently. Nodes with the same text share one
 * function (a Deployment's 1,481 schema nodes are 193 distinct ones; ObjectMeta is shared by
 * every kind).
 *
 * The Kubernetes schemas use a small set of keywords; any other keyword that would change a
 * result (`$ref`, `allOf`, `not`, `if`, `const`, tuple `items`, `uniqueItems`, `patternProperties`,
 * `propertyNames`, a `oneOf`/`anyOf` branch that checks more than a type, ...) stops the
 * generation with its place, rather than being compiled wrongly.
 *
 * Written by `npm run gen:k8s-checks` (scripts/gen-k8s-checks.ts) to K8S_CHECKS_FILE;
 * test/verify/k8s-checks.test.ts checks the file is what this makes of the vendored schemas, and
 * that each check reports what evaluate() reports.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { branchSummary } from '../src/verify/json-schema.js';
import { isObject } from '../src/verify/report.js';
import { makePlan, type Plan, type Schema } from '../src/verify/schema-plan.js';
import { compactSchema } from './verify-data.mjs';

export const K8S_CHECKS_FILE = 'src/verify/k8s-checks.generated.ts';

const q = (s: string): string => JSON.stringify(s);

class Compiler {
  /** Function name by node text; null for a node that checks nothing. */
  private readonly names = new Map<string, string | null>();
  /** Function name by body: nodes that differ only in what checks nothing (`format`, `x-` keys) share one. */
  private readonly bodies = new Map<string, string>();
  readonly functions: string[] = [];

  /** The schema file being compiled, for the message of a keyword that is not compiled. */
  where = '';

  /** The function checking `schema`, or null when it checks nothing (no violation can come of it). */
  check(schema: Schema, at: string): string | null {
    if (schema === true) return null;
    if (schema === false) return this.named('false', () => [`  fail(w, 'false schema', 'is not allowed here', {});`]);
    return this.named(JSON.stringify(schema), () => this.body(makePlan(schema, true), at));
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

  private unsupported(at: string, what: string): never {
    throw new Error(`${this.where}${at || '/'}: ${what} is not compiled (the evaluator must check this schema)`);
  }

  private body(p: Plan, at: string): string[] {
    const s = p.schema;
    for (const [bad, what] of [
      [p.ref !== undefined, '$ref'],
      [p.hasConst, 'const'],
      [p.uniqueItems || p.maxUniqueItems !== undefined || p.uniqueKeys !== undefined, 'uniqueItems'],
      [p.itemList !== undefined, 'tuple items'],
      [p.maxProperties !== undefined || p.propertyNames !== undefined || p.patterns.length > 0, 'maxProperties, propertyNames or patternProperties'],
      [p.requiredXor !== undefined || p.requiredOr !== undefined || p.dependentRequired !== undefined || p.dependentExcluded !== undefined, 'a cfn-lint keyword'],
      [p.allOf !== undefined || p.not !== undefined || p.if !== undefined, 'allOf, not or if'],
    ] as const) {
      if (bad) this.unsupported(at, what);
    }
    const out: string[] = [];
    if (p.types !== undefined) {
      // typeFail() writes the message from the type list: the same text as the plan's, checked here.
      if (p.typeMessage !== `must be ${p.typeParam.split(',').join(' or ')}`) this.unsupported(at, `the type list ${p.typeParam}`);
      out.push(`  if ((b & ${p.typeMask}) === 0) return typeFail(w, ${q(p.typeParam)});`);
    }
    if (p.enumKeys !== undefined) out.push(...this.enumCheck(s.enum as unknown[]));
    if (p.forString) out.push(...this.stringChecks(p));
    if (p.forNumber) out.push(...this.numberChecks(p));
    if (p.forArray) out.push(...this.arrayChecks(p, at));
    if (p.forObject) out.push(...this.objectChecks(p, at));
    for (const [kw, list] of p.branches) out.push(...this.branchCheck(kw, list, at));
    return out.length ? ['  const b = typeBit(v);', ...out] : [];
  }

  private enumCheck(values: unknown[]): string[] {
    return [`  if (!inEnum(v, b, ${JSON.stringify(values)})) enumFail(w, ${JSON.stringify(values)});`];
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
    const item = p.item === undefined ? null : this.check(p.item, `${at}/items`);
    if (item) out.push(`    for (let i = 0; i < a.length; i++) at(w, ${item}, a[i], i);`);
    return out.length ? ['  if (b === 2) {', '    const a = v as unknown[];', ...out, '  }'] : [];
  }

  private objectChecks(p: Plan, at: string): string[] {
    const out: string[] = [];
    for (const r of p.required ?? []) out.push(`    if (!(${q(r)} in o)) requiredFail(w, ${q(r)});`);
    // What a key that is not a declared property gets: nothing, an unknown-field error, or a check.
    const additional = p.additional === undefined ? undefined : p.additional === false ? false : this.check(p.additional, `${at}/additionalProperties`);
    const other =
      additional === false ? 'unknownFail(w, k);' : typeof additional === 'string' ? `at(w, ${additional}, o[k], k);` : undefined;
    const props = p.props ?? {};
    const names = Object.keys(props);
    // The declared names by the function that checks their values (names that check nothing together).
    const byCheck = new Map<string, string[]>();
    const quiet: string[] = [];
    for (const name of names) {
      const c = this.check(props[name]!, `${at}/properties/${name}`);
      if (c) byCheck.set(c, [...(byCheck.get(c) ?? []), `case ${q(name)}:`]);
      else quiet.push(`case ${q(name)}:`);
    }
    const cases = [...byCheck].map(([c, labels]) => `        ${labels.join(' ')} at(w, ${c}, o[k], k); break;`);
    if (names.length === 0 && other) out.push(`    for (const k of Object.keys(o)) ${other}`);
    else if (cases.length || other) {
      out.push('    for (const k of Object.keys(o)) {', '      switch (k) {', ...cases);
      if (quiet.length && other) out.push(`        ${quiet.join(' ')}`, '          break;');
      if (other) out.push(`        default: ${other}`);
      out.push('      }', '    }');
    }
    return out.length ? ['  if (b === 64) {', '    const o = v as Record<string, unknown>;', ...out, '  }'] : [];
  }

  /** A `oneOf`/`anyOf` whose branches each check at most the value's type (Kubernetes' int-or-string and the like). */
  private branchCheck(kw: 'oneOf' | 'anyOf', list: Schema[], at: string): string[] {
    const tests = list.map((branch, i): string => {
      if (branch === true) return '1';
      if (branch === false) return '0';
      const bp = makePlan(branch, true);
      const more = bp.ref !== undefined || bp.enumKeys !== undefined || bp.hasConst || bp.forString || bp.forNumber || bp.forArray || bp.forObject || bp.allOf !== undefined || bp.not !== undefined || bp.if !== undefined || bp.branches.length > 0;
      if (more) this.unsupported(`${at}/${kw}/${i}`, 'a branch that checks more than the type');
      return bp.types === undefined ? '1' : `((b & ${bp.typeMask}) !== 0 ? 1 : 0)`;
    });
    const out = [`  {`, `    const n = ${tests.join(' + ')};`, `    if (n === 0) fail(w, '${kw}', ${q(`does not match any allowed form (${branchSummary(list)})`)}, {});`];
    const typesOnly = list.every((b) => isObject(b) && Object.keys(b).every((k) => k === 'type'));
    if (kw === 'oneOf' && !typesOnly) out.push(`    else if (n > 1) fail(w, 'oneOf', ${q(`matches more than one of the exclusive forms (${branchSummary(list)})`)}, {});`);
    return [...out, '  }'];
  }
}

/** The generated module's text, from the schemas under `vendorDir` (vendor/schemas). */
export function k8sChecksModule(vendorDir: string): string {
  const index = JSON.parse(readFileSync(join(vendorDir, 'kubernetes/index.json'), 'utf8')) as Record<string, string>;
  const roots: string[] = [];
  const compiler = new Compiler();
  for (const [key, file] of Object.entries(index)) {
    const schema = compactSchema(JSON.parse(readFileSync(join(vendorDir, file), 'utf8'))) as Schema;
    compiler.where = `${file}#`;
    roots.push(`  ${q(key)}: [${q(file)}, ${compiler.check(schema, '') ?? 'pass'}],`);
  }
  const code = compiler.functions.join('\n');
  const helpers = ['at', 'codePoints', 'enumFail', 'fail', 'inEnum', 'regexp', 'requiredFail', 'typeBit', 'typeFail', 'unknownFail'].filter((h) => code.includes(`${h}(`));
  return [
    '// Generated by `npm run gen:k8s-checks` (scripts/k8s-checks.ts) from vendor/schemas/kubernetes: do not edit.',
    '// Each function checks one distinct schema node as evaluate(schema, doc, { strict: true }) does.',
    `import { ${[...helpers, 'type Check', 'type Walk'].join(', ')} } from './k8s-compiled.js';`,
    '',
    '/** A schema that checks nothing. */',
    'const pass: Check = () => {};',
    '',
    ...compiler.functions.map((f) => `${f}\n`),
    '/** "apiVersion kind" → [schema file under vendor/schemas, root check]: the same map as kubernetes/index.json. */',
    'export const K8S_CHECKS: Readonly<Record<string, readonly [string, Check]>> = {',
    ...roots,
    '};',
    '',
  ].join('\n');
}
