/**
 * `npm run fidelity`: how much of real public deployments codegen reproduces.
 *
 *   npm run fidelity [-- --import] [--case NAME]... [--dir DIR] [--json] [--markdown] [--write-docs] [--min PERCENT]
 *   npm run fidelity -- record FORMAT FILE... [--only ID,...]
 *
 * For every case folder under fixtures/realworld (or DIR): source.json (where the deployment comes
 * from), facts.json (the field values read from it), deliberate.json (differences kept on purpose,
 * each with the reason) and service.yaml (a spec written for it). The spec is compiled and every
 * fact is looked up in the output: matched, deliberate, different or missing. `--import` measures
 * the importers instead: the source is rebuilt from its facts, read by `codegen import`, and the
 * imported spec generated and compared the same way. `--write-docs` rewrites the generated blocks
 * of docs/fidelity.md (or docs/importers.md with --import). `record` prints the facts of a source
 * file (FORMAT: kubernetes, ecs-task-definition, copilot, cloudformation); `--only` keeps the
 * documents named. The exit code is 1 when a case cannot be read or (without --import) generated, a
 * deliberate entry is stale, or the share over the deployment kinds (Compose left out) is below --min.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '../src/compile/compile.js';
import { formatDiagnostic } from '../src/core/diagnostics.js';
import { importSpec } from '../src/import-exact/index.js';
import { compareComposeFacts } from './fidelity.compose.js';
import {
  addTally,
  compareFacts,
  documentsText,
  factsOf,
  generatedDocuments,
  percent,
  rebuild,
  sourceDocuments,
  staleDeliberate,
  tally,
  type Deliberate,
  type DocFormat,
  type Fact,
  type FactResult,
  type GeneratedArtifact,
  type Json,
  type JsonObject,
  type SourceInfo,
  type Tally,
} from './fidelity.lib.js';

const ROOT = new URL('../', import.meta.url).pathname;
export const CASES_DIR = join(ROOT, 'fixtures', 'realworld');
export const KINDS = ['kubernetes', 'ecs', 'copilot', 'appmesh', 'codedeploy', 'compose'] as const;
/**
 * The kinds that are deployments (issue 14's measure and the one `--min` applies to). A Compose
 * file is local-development wiring (build contexts, source bind mounts, container_name, restart),
 * measured for the importers and shown in the all-cases total, but not a deployment.
 */
export const DEPLOYMENT_KINDS: readonly string[] = ['kubernetes', 'ecs', 'copilot', 'appmesh', 'codedeploy'];
export const DEPLOYMENT_LABEL = 'deployment kinds (Compose left out)';

/** A rule of fixtures/realworld/gaps.json: which spec feature a fact that is not reproduced needs. */
export interface Gap {
  feature: string;
  /** Regular expressions over the fact's document id, its path and its value (as JSON). */
  document?: string;
  path?: string;
  value?: string;
}

export interface CaseReport {
  name: string;
  kind: string;
  source?: SourceInfo;
  results: FactResult[];
  tally: Tally;
  stale: Deliberate[];
  /** Why the case could not be measured (it then counts all its facts as missing). */
  errors: string[];
  /** --import: the importer's diagnostics (fields not carried, choices), as text. */
  notes: string[];
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

export function caseNames(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'facts.json')))
    .map((e) => e.name)
    .sort();
}

/** Measure one case: its own spec, or (imported) the spec `codegen import` makes of its rebuilt source. */
export function measureCase(dir: string, name: string, imported = false, exact = false): CaseReport {
  const at = (f: string): string => join(dir, name, f);
  const errors: string[] = [];
  const notes: string[] = [];
  let source: SourceInfo | undefined;
  let facts: Fact[] = [];
  let deliberate: Deliberate[] = [];
  try {
    source = readJson<SourceInfo>(at('source.json'));
    facts = readJson<Fact[]>(at('facts.json'));
    if (existsSync(at('deliberate.json'))) deliberate = readJson<Deliberate[]>(at('deliberate.json'));
  } catch (e) {
    errors.push(`cannot read the case: ${(e as Error).message}`);
  }
  const artifacts: GeneratedArtifact[] = [];
  if (!errors.length && !imported) {
    const r = compile(readFileSync(at('service.yaml')), { file: 'service.yaml' });
    for (const d of r.diagnostics) if (d.severity === 'error') errors.push(formatDiagnostic(d));
    artifacts.push(...(r.artifacts as GeneratedArtifact[]));
  } else if (!errors.length && source) {
    if (!source.importer) errors.push(`no importer reads ${source.kind} sources yet`);
    else {
      const docs = rebuild(facts);
      const file = source.format === 'ecs-task-definition' ? 'task-definition.json' : source.format === 'compose' ? 'compose.yaml' : 'source.yaml';
      const res = importSpec(source.importer, [{ file, content: documentsText(source.format, docs) }], { ...(source.parameters ? { parameters: source.parameters } : {}), ...(exact ? { exact } : {}) });
      for (const d of res.diagnostics) (d.severity === 'error' ? errors : notes).push(formatDiagnostic(d));
      for (const spec of res.specs) {
        const r = compile(spec.text, { file: `${spec.name}.yaml` });
        for (const d of r.diagnostics) if (d.severity === 'error') errors.push(formatDiagnostic(d));
        artifacts.push(...(r.artifacts as GeneratedArtifact[]));
      }
    }
  }
  // A case that cannot be generated reproduces nothing: every fact counts as missing.
  // Compose facts compare through the Kubernetes fields that say the same (scripts/fidelity.compose.ts).
  const compare = (): FactResult[] => (source?.format === 'compose' ? compareComposeFacts(facts, generatedDocuments(artifacts), imported ? [] : deliberate) : compareFacts(facts, generatedDocuments(artifacts), imported ? [] : deliberate, source?.match));
  const results = errors.length ? facts.map((fact): FactResult => ({ fact, status: 'missing', absent: 'no output' })) : compare();
  const stale = errors.length || imported ? [] : staleDeliberate(results, deliberate);
  return { name, kind: source?.kind ?? '?', ...(source ? { source } : {}), results, tally: tally(results), stale, errors, notes };
}

export function classify(r: FactResult, gaps: readonly Gap[]): string {
  for (const g of gaps) {
    if (g.document && !new RegExp(g.document).test(r.fact.document)) continue;
    if (g.path && !new RegExp(g.path).test(r.fact.path)) continue;
    if (g.value && !new RegExp(g.value).test(JSON.stringify(r.fact.value))) continue;
    return g.feature;
  }
  return 'not classified';
}

const EMPTY: Tally = { facts: 0, matched: 0, deliberate: 0, different: 0, missing: 0 };
const short = (v: Json | undefined): string => {
  const s = JSON.stringify(v) ?? 'undefined';
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
};

export interface Summary {
  cases: CaseReport[];
  total: Tally;
  /** The total over the cases of DEPLOYMENT_KINDS (Compose left out), and how many cases. */
  deployments: Tally & { cases: number };
  byKind: Map<string, Tally & { cases: number }>;
  gaps: Map<string, { facts: number; cases: Set<string> }>;
}

export function summarize(cases: CaseReport[], gaps: readonly Gap[]): Summary {
  let total = EMPTY;
  let deployments = { ...EMPTY, cases: 0 };
  const byKind = new Map<string, Tally & { cases: number }>();
  const gapMap = new Map<string, { facts: number; cases: Set<string> }>();
  for (const c of cases) {
    total = addTally(total, c.tally);
    if (DEPLOYMENT_KINDS.includes(c.kind)) deployments = { ...addTally(deployments, c.tally), cases: deployments.cases + 1 };
    const k = byKind.get(c.kind) ?? { ...EMPTY, cases: 0 };
    byKind.set(c.kind, { ...addTally(k, c.tally), cases: k.cases + 1 });
    for (const r of c.results) {
      if (r.status !== 'different' && r.status !== 'missing') continue;
      const feature = c.errors.length ? 'case not generated' : classify(r, gaps);
      const g = gapMap.get(feature) ?? { facts: 0, cases: new Set<string>() };
      g.facts++;
      g.cases.add(c.name);
      gapMap.set(feature, g);
    }
  }
  const sortedKinds = new Map([...byKind].sort(([a], [b]) => (KINDS as readonly string[]).indexOf(a) - (KINDS as readonly string[]).indexOf(b)));
  return { cases, total, deployments, byKind: sortedKinds, gaps: new Map([...gapMap].sort((a, b) => b[1].facts - a[1].facts || (a[0] < b[0] ? -1 : 1))) };
}

const row = (cells: (string | number)[], widths: number[]): string => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]!) : String(c).padStart(widths[i]!))).join('  ');

export function textReport(s: Summary, imported: boolean): string {
  const out: string[] = [];
  const deploymentsRow = `total, deployment kinds (${s.deployments.cases} cases)`;
  const w = [Math.max(22, deploymentsRow.length, ...s.cases.map((c) => c.name.length)), 10, 6, 8, 10, 9, 8, 7];
  out.push(imported ? 'generate(import(source)) against the recorded facts' : 'codegen output against the recorded facts');
  out.push(row(['case', 'kind', 'facts', 'matched', 'deliberate', 'different', 'missing', 'share'], w));
  const line = (name: string, kind: string, t: Tally): string => row([name, kind, t.facts, t.matched, t.deliberate, t.different, t.missing, percent(t.matched, t.facts)], w);
  for (const c of s.cases) out.push(line(c.name, c.kind, c.tally));
  for (const [kind, t] of s.byKind) out.push(line(`kind ${kind} (${t.cases})`, kind, t));
  out.push(line(`total (${s.cases.length} cases)`, '', s.total));
  out.push(line(deploymentsRow, '', s.deployments));
  const shares = (t: Tally): string => `${percent(t.matched, t.facts)} matched, ${percent(t.matched + t.deliberate, t.facts)} matched or deliberate`;
  out.push(`all cases: ${shares(s.total)}`);
  out.push(`${DEPLOYMENT_LABEL}: ${shares(s.deployments)} (--min applies to this one)`);
  for (const c of s.cases) {
    const lines: string[] = [];
    for (const e of c.errors) lines.push(`  ! ${e}`);
    for (const d of c.stale) lines.push(`  ! stale deliberate entry (the fact matches or does not exist): ${d.document} ${d.path}`);
    const missingDocs = new Map<string, number>();
    for (const r of c.results) if (r.status === 'missing' && r.absent === r.fact.document) missingDocs.set(r.fact.document, (missingDocs.get(r.fact.document) ?? 0) + 1);
    for (const [doc, n] of missingDocs) lines.push(`  - ${doc}: no such document is generated (${n} facts)`);
    for (const r of c.results) {
      if (r.status === 'different') lines.push(`  ~ ${r.fact.document} ${r.fact.path}: expected ${short(r.fact.value)}, got ${short(r.got)}`);
      else if (r.status === 'missing' && r.absent !== r.fact.document && !c.errors.length) lines.push(`  - ${r.fact.document} ${r.fact.path}: expected ${short(r.fact.value)}, missing`);
      else if (r.status === 'deliberate') lines.push(`  = ${r.fact.document} ${r.fact.path}: expected ${short(r.fact.value)}, got ${short(r.got)} (deliberate: ${r.reason})`);
    }
    if (imported && c.notes.length) lines.push(`  import: ${c.notes.length} diagnostics (fields not carried, choices)`);
    if (lines.length) out.push('', `${c.name}`, ...lines);
  }
  if (s.gaps.size) {
    out.push('', 'not reproduced, by the spec feature it needs (facts, cases)');
    for (const [feature, g] of s.gaps) out.push(`  ${String(g.facts).padStart(5)}  ${feature} (${[...g.cases].join(', ')})`);
  }
  return `${out.join('\n')}\n`;
}

export function markdownReport(s: Summary, imported: boolean): string {
  const out: string[] = [];
  const cells = (t: Tally): string => `${t.facts} | ${t.matched} | ${t.deliberate} | ${t.different} | ${t.missing} | ${percent(t.matched, t.facts)}`;
  out.push(`| case | kind | source | facts | matched | deliberate | different | missing | share |`, '|---|---|---|---:|---:|---:|---:|---:|---:|');
  for (const c of s.cases) {
    const url = c.source ? [c.source.url].flat()[0] : undefined;
    const src = c.source && url ? `[${c.source.repository}](${url})` : '';
    out.push(`| ${c.name} | ${c.kind} | ${src} | ${cells(c.tally)} |`);
  }
  out.push('', '| kind | cases | facts | matched | deliberate | different | missing | share |', '|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const [kind, t] of s.byKind) out.push(`| ${kind} | ${t.cases} | ${cells(t)} |`);
  out.push(`| **total** | ${s.cases.length} | ${cells(s.total)} |`);
  out.push(`| **total, ${DEPLOYMENT_LABEL}** | ${s.deployments.cases} | ${cells(s.deployments)} |`);
  if (!imported && s.gaps.size) {
    out.push('', '| spec feature the remaining facts need | facts | cases |', '|---|---:|---|');
    for (const [feature, g] of s.gaps) out.push(`| ${feature} | ${g.facts} | ${[...g.cases].join(', ')} |`);
  }
  return `${out.join('\n')}\n`;
}

/** Replace the block between `<!-- NAME:begin -->` and `<!-- NAME:end -->` in a Markdown file. */
export function replaceBlock(file: string, name: string, body: string): void {
  const text = readFileSync(file, 'utf8');
  const begin = `<!-- ${name}:begin -->`;
  const end = `<!-- ${name}:end -->`;
  const i = text.indexOf(begin);
  const j = text.indexOf(end);
  if (i < 0 || j < i) throw new Error(`${file} has no ${begin} ... ${end} block`);
  writeFileSync(file, `${text.slice(0, i + begin.length)}\n${body}${text.slice(j)}`);
}

function record(args: string[]): number {
  const onlyAt = args.indexOf('--only');
  const [format, ...files] = onlyAt >= 0 ? args.slice(0, onlyAt) : args;
  const formats: DocFormat[] = ['kubernetes', 'ecs-task-definition', 'copilot', 'cloudformation', 'compose'];
  if (!format || !files.length || !formats.includes(format as DocFormat)) {
    process.stderr.write(`usage: npm run fidelity -- record ${formats.join('|')} FILE... [--only ID,...]\n`);
    return 2;
  }
  const only = onlyAt >= 0 ? args[onlyAt + 1]!.split(',') : undefined;
  // Several files of one deployment (nested stacks): a document they share (a parameter every
  // template declares) must say the same in each.
  const docs = new Map<string, Json>();
  for (const file of files) {
    for (const [id, doc] of sourceDocuments(format as DocFormat, readFileSync(file, 'utf8'))) {
      if (only && !only.includes(id)) continue;
      if (docs.has(id) && JSON.stringify(docs.get(id)) !== JSON.stringify(doc)) throw new Error(`${id} differs between the files`);
      docs.set(id, doc);
    }
  }
  const facts = factsOf(docs as Map<string, JsonObject>);
  // The facts must give the documents back exactly (the importers' measure rebuilds them).
  const again = factsOf(rebuild(facts));
  if (JSON.stringify(again) !== JSON.stringify(facts)) throw new Error('the recorded facts do not rebuild the documents');
  process.stdout.write(`[\n${facts.map((f) => `  ${JSON.stringify(f)}`).join(',\n')}\n]\n`);
  return 0;
}

export function main(argv: string[]): number {
  if (argv[0] === 'record') return record(argv.slice(1));
  const flag = (f: string): boolean => argv.includes(f);
  const values = (f: string): string[] => argv.flatMap((a, i) => (argv[i - 1] === f ? [a] : []));
  const dir = values('--dir')[0] ?? CASES_DIR;
  const imported = flag('--import');
  const wanted = values('--case');
  const names = caseNames(dir).filter((n) => !wanted.length || wanted.includes(n));
  if (!names.length) {
    process.stderr.write(`fidelity: no case found in ${dir}\n`);
    return 1;
  }
  const gapsFile = join(dir, 'gaps.json');
  const gaps = existsSync(gapsFile) ? readJson<Gap[]>(gapsFile) : [];
  // --exact (with --import): the import keeps what the spec cannot say as spec patches.
  const reports = names.map((n) => measureCase(dir, n, imported, imported && flag('--exact')));
  // Import: a case without an importer is listed, not counted in the share.
  const counted = imported ? reports.filter((r) => r.source?.importer) : reports;
  const summary = summarize(counted, gaps);
  if (flag('--json')) process.stdout.write(`${JSON.stringify({ cases: reports.map((r) => ({ name: r.name, kind: r.kind, tally: r.tally, errors: r.errors, stale: r.stale, results: r.results.filter((x) => x.status !== 'matched') })), total: summary.total, deployments: summary.deployments }, null, 2)}\n`);
  else if (flag('--markdown')) process.stdout.write(markdownReport(summary, imported));
  else process.stdout.write(textReport(summary, imported));
  if (imported) for (const r of reports) if (!r.source?.importer) process.stdout.write(`${r.name}: not measured (${r.errors[0] ?? 'no importer'})\n`);
  if (flag('--write-docs')) {
    if (imported) replaceBlock(join(ROOT, 'docs', 'importers.md'), 'fidelity-import', markdownReport(summary, true));
    else replaceBlock(join(ROOT, 'docs', 'fidelity.md'), 'fidelity', markdownReport(summary, false));
  }
  // With --import, an import or generation that fails is part of the measure (its facts count as
  // missing); a case that cannot be read, or a stale deliberate entry, is a failure either way.
  const unreadable = reports.some((r) => r.errors.some((e) => e.startsWith('cannot read the case')));
  const failed = unreadable || (!imported && counted.some((r) => r.errors.length)) || reports.some((r) => r.stale.length);
  const min = values('--min')[0];
  // --min holds the deployment kinds' total (Compose left out); the all-cases total stays printed.
  const measured = summary.deployments;
  const below = min !== undefined && (100 * measured.matched) / Math.max(1, measured.facts) < Number(min);
  if (below) process.stderr.write(`fidelity: ${percent(measured.matched, measured.facts)} matched over the ${DEPLOYMENT_LABEL}, below --min ${min}%\n`);
  return failed || below ? 1 : 0;
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) process.exitCode = main(process.argv.slice(2));
