/**
 * Executable Markdown: recipes whose files, commands and outputs are read from the page and run
 * against the built `codegen` binary, so a page cannot promise what the product no longer does.
 *
 * A recipe is a `## ` section of a page. Its fenced blocks take part when their info string carries
 * one of these markers after the language (GitHub renders the language and ignores the rest):
 *
 * - `yaml file=PATH` (any language): write the block to PATH in the recipe's folder. The prose just
 *   before the block (or the block's first line) must name PATH, so a reader knows where it goes.
 * - `yaml merge=PATH`: edit the YAML file PATH the way overlays merge (RFC 7386: maps merge key by
 *   key, other values replace, `null` removes); comments and the rest of the file stay.
 * - `sh run`: run the commands, each in a fresh `bash` in the recipe's folder (one block is one
 *   shell: variables and `cd` last until the block ends). Every command must exit 0, or the code its
 *   trailing comment names (`codegen generate --check   # exit 1: …`). `npx codegen` runs the built
 *   binary; `aws` is a stand-in that deploys nothing: it fails when a file the command names
 *   (`file://…`, `--template-file`, `--template-body`) is missing, when a template with IAM
 *   resources is deployed without `--capabilities`, or when a template parameter without a default
 *   gets no value, and answers `cloudformation get-template` from the page's stacks (below); `kubectl apply -k DIR` builds DIR with `kubectl kustomize` instead
 *   of applying it. `requires=TOOL,…` skips the block (with a notice) when a tool is not installed.
 * - `text output`: lines the previous `run` block printed (standard output and error together), in
 *   order; `…` stands for any text within a line.
 * - `yaml output=PATH` (any language): lines of the file PATH after the previous block, in order,
 *   each exactly (trailing spaces aside); lines that are only `…` or `# …` are left out.
 *
 * `<!-- stack NAME: REPO/PATH -->` on a line of its own anywhere in a page makes REPO/PATH (relative to the repository)
 * the template that `aws cloudformation get-template --stack-name NAME` prints.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { isMap, parse, parseDocument, type Document } from 'yaml';
import { ROOT } from './fixtures.js';

export type BlockKind = 'file' | 'merge' | 'run' | 'output' | 'file-output';

export interface DocBlock {
  kind: BlockKind;
  lang: string;
  /** file, merge, file-output: the path in the recipe's folder. */
  path?: string;
  /** run: tools that must be installed. */
  requires: string[];
  text: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The page's text between the previous block (or heading) and this one. */
  before: string;
}

export interface Recipe {
  page: string;
  title: string;
  line: number;
  blocks: DocBlock[];
}

export interface DocPage {
  recipes: Recipe[];
  /** Stack name → repository path of its template. */
  stacks: Map<string, string>;
}

const FENCE = /^(\s*)(`{3,}|~{3,})([^\s`]*)\s*(.*)$/;

/** The recipes of a Markdown page: every `## ` section with at least one marked block. */
export function readRecipes(text: string, page: string): DocPage {
  const lines = text.split('\n');
  const recipes: Recipe[] = [];
  const stacks = new Map<string, string>();
  for (const m of text.matchAll(/^<!--\s*stack\s+([\w-]+):\s*(\S+)\s*-->$/gm)) stacks.set(m[1]!, m[2]!);
  let current: Recipe | undefined;
  let prose: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = /^## (.+)$/.exec(line);
    if (heading) {
      current = { page, title: heading[1]!.trim(), line: i + 1, blocks: [] };
      recipes.push(current);
      prose = [];
      continue;
    }
    const fence = FENCE.exec(line);
    if (!fence) {
      prose.push(line);
      continue;
    }
    const [, indent, marker, lang, rest] = fence as unknown as [string, string, string, string, string];
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const l = lines[j]!;
      if (l.trim().startsWith(marker) && l.trim().replace(/[`~]/g, '') === '') break;
      body.push(l.startsWith(indent) ? l.slice(indent.length) : l.trimStart());
    }
    const block = parseInfo(lang, rest, body.join('\n') + '\n', i + 1, prose.join('\n'));
    if (block && current) current.blocks.push(block);
    if (block && !current) throw new Error(`${page}:${i + 1}: a marked block outside a "## " section`);
    prose = [];
    i = j;
  }
  return { recipes: recipes.filter((r) => r.blocks.length > 0), stacks };
}

function parseInfo(lang: string, rest: string, text: string, line: number, before: string): DocBlock | undefined {
  const attrs = new Map<string, string>();
  for (const word of rest.split(/\s+/).filter(Boolean)) {
    const eq = word.indexOf('=');
    attrs.set(eq < 0 ? word : word.slice(0, eq), eq < 0 ? '' : word.slice(eq + 1));
  }
  const requires = (attrs.get('requires') ?? '').split(',').filter(Boolean);
  const base = { lang, text, line, before, requires };
  if (attrs.has('run')) return { kind: 'run', ...base };
  if (attrs.has('file')) return { kind: 'file', path: attrs.get('file')!, ...base };
  if (attrs.has('merge')) return { kind: 'merge', path: attrs.get('merge')!, ...base };
  if (attrs.get('output')) return { kind: 'file-output', path: attrs.get('output')!, ...base };
  if (attrs.has('output')) return { kind: 'output', ...base };
  return undefined;
}

/** One command of a `run` block: its text (continuation lines joined) and the exit code it expects. */
export interface Command {
  text: string;
  line: number;
  exit: number;
}

export function commandsOf(block: DocBlock): Command[] {
  const out: Command[] = [];
  const lines = block.text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const first = i;
    let text = lines[i]!;
    while (text.endsWith('\\') && i + 1 < lines.length) text += '\n' + lines[++i]!;
    if (text.trim() === '' || text.trim().startsWith('#')) continue;
    if (/<<-?\s*['"]?\w+/.test(text.replace(/'[^']*'/g, ''))) throw new Error(`line ${block.line + 1 + first}: here-documents are not supported in a run block`);
    const m = /\s#\s*exit (\d+)\b[^\n]*$/.exec(text);
    out.push({ text, line: block.line + 1 + first, exit: m ? Number(m[1]) : 0 });
  }
  return out;
}

/** Whether a line matches an expected line; `…` stands for any text. Exact: the whole line. */
function lineMatches(want: string, have: string, exact: boolean): boolean {
  const parts = want.split('…');
  if (parts.length === 1) return exact ? have === want : have.includes(want.trim());
  let from = 0;
  for (const [k, raw] of parts.entries()) {
    const p = exact ? raw : raw.trim();
    if (p === '') continue;
    if (exact && k === 0) {
      if (!have.startsWith(p)) return false;
      from = p.length;
    } else if (exact && k === parts.length - 1) {
      return have.length - p.length >= from && have.endsWith(p);
    } else {
      const found = have.indexOf(p, from);
      if (found < 0) return false;
      from = found + p.length;
    }
  }
  return true;
}

/** The lines of `expected` not found in `actual` in order (lines that are only `…` or `# …` aside). */
export function missingLines(expected: string, actual: string, exact: boolean): string[] {
  const want = expected.split('\n').map((l) => l.trimEnd()).filter((l) => l.trim() !== '' && !/^\s*(#\s*)?…$/.test(l));
  const have = actual.split('\n').map((l) => l.trimEnd());
  const missing: string[] = [];
  let at = 0;
  for (const w of want) {
    let found = -1;
    for (let k = at; k < have.length; k++) {
      if (lineMatches(w, have[k]!, exact)) {
        found = k;
        break;
      }
    }
    if (found < 0) missing.push(w);
    else at = found + 1;
  }
  return missing;
}

/** RFC 7386 on a YAML document, keeping comments and the layout of what it does not touch. */
function mergeInto(doc: Document, path: unknown[], patch: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(patch)) {
    const at = [...path, key];
    if (value === null) doc.deleteIn(at);
    else if (value && typeof value === 'object' && !Array.isArray(value) && isMap(doc.getIn(at, true))) mergeInto(doc, at, value as Record<string, unknown>);
    else doc.setIn(at, value);
  }
}

export function have(tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0;
}

/**
 * The AWS CLI in executable docs (Node, CommonJS): deploys nothing. It fails as CloudFormation or
 * the CLI would when a file the command names is missing, when a template with IAM resources comes
 * without --capabilities, or when a parameter without a default gets no value; it answers
 * `cloudformation get-template` from the page's stacks.
 */
const AWS_STUB = `#!/usr/bin/env node
const fs = require('fs');
const yaml = require(process.env.COOKBOOK_YAML);
const args = process.argv.slice(2);
const fail = (m) => { process.stderr.write('aws (stand-in): ' + m + '\\n'); process.exit(254); };
const opt = (name) => { const i = args.indexOf(name); return i < 0 ? undefined : args[i + 1]; };
const values = (name) => { const i = args.indexOf(name); const out = []; if (i >= 0) for (let k = i + 1; k < args.length && !args[k].startsWith('--'); k++) out.push(args[k]); return out; };
for (const a of args) if (a.startsWith('file://') && !fs.existsSync(a.slice(7))) fail(a + ' does not exist');
const [service, op] = args;
if (service === 'cloudformation' && op === 'get-template') {
  const file = process.env.COOKBOOK_STACKS + '/' + opt('--stack-name');
  if (!fs.existsSync(file)) fail('no stack ' + opt('--stack-name'));
  process.stdout.write(fs.readFileSync(file, 'utf8'));
  process.exit(0);
}
let template = opt('--template-file');
if (template && !fs.existsSync(template)) fail('--template-file ' + template + ' does not exist');
if (opt('--template-body')) template = opt('--template-body').replace(/^file:\\/\\//, '');
if (service === 'cloudformation' && template && ['deploy', 'create-change-set', 'create-stack', 'update-stack'].includes(op)) {
  const text = fs.readFileSync(template, 'utf8');
  if (/AWS::IAM::/.test(text) && !args.includes('--capabilities')) fail(template + ' creates IAM resources: CloudFormation refuses it without --capabilities CAPABILITY_IAM');
  const given = new Set();
  for (const v of values('--parameter-overrides')) {
    if (!v.startsWith('file://')) { given.add(v.split('=')[0]); continue; }
    const j = JSON.parse(fs.readFileSync(v.slice(7), 'utf8'));
    if (Array.isArray(j)) for (const e of j) given.add(typeof e === 'string' ? e.split('=')[0] : e.ParameterKey);
    else for (const k of Object.keys(j.Parameters || {})) given.add(k);
  }
  for (const v of values('--parameters')) { const m = /ParameterKey=([^,]+)/.exec(v); if (m) given.add(m[1]); }
  const params = (yaml.parse(text, { logLevel: 'silent' }) || {}).Parameters || {};
  const missing = Object.keys(params).filter((k) => params[k].Default === undefined && !given.has(k));
  if (missing.length) fail('Parameters: [' + missing.join(', ') + '] must have values (' + template + ')');
}
process.exit(0);
`;

const KUBECTL_STUB = `#!/usr/bin/env bash
# kubectl in executable docs: apply builds or reads what it is given instead of applying it.
if [ "$1" = apply ]; then
  shift; while [ $# -gt 0 ]; do
    case "$1" in
      -k) [ -d "$2" ] || { echo "kubectl (stand-in): $2 is not a folder" >&2; exit 1; }
          if [ -n "$REAL_KUBECTL" ]; then "$REAL_KUBECTL" kustomize "$2" > /dev/null || exit 1; fi; shift;;
      -f) if [ "$2" = - ]; then [ -n "$(cat)" ] || { echo "kubectl (stand-in): nothing on stdin" >&2; exit 1; }
          else [ -e "$2" ] || { echo "kubectl (stand-in): $2 does not exist" >&2; exit 1; }; fi; shift;;
    esac; shift
  done; exit 0
fi
[ -n "$REAL_KUBECTL" ] || { echo "kubectl is not installed" >&2; exit 127; }
exec "$REAL_KUBECTL" "$@"
`;

const NPX_SHIM = `#!/usr/bin/env bash
# npx in executable docs: runs the command from node_modules/.bin (here: the built codegen).
while [ $# -gt 0 ]; do case "$1" in -p|--package) shift 2;; -y|--yes|--no) shift;; --package=*) shift;; *) break;; esac; done
exec "$@"
`;

export interface BlockResult {
  block: DocBlock;
  /** run: the combined output; skipped: the missing tools. */
  output?: string;
  skipped?: string[];
  problems: string[];
}

/** Run a recipe in a fresh folder; every problem is reported with the page line it comes from. */
export function runRecipe(recipe: Recipe, stacks: Map<string, string>): { dir: string; results: BlockResult[]; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'codegen-doc-'));
  const tools = mkdtempSync(join(tmpdir(), 'codegen-doc-bin-'));
  const bin = join(ROOT, 'dist/cli.cjs');
  if (!existsSync(bin)) throw new Error('dist/cli.cjs is missing: npm run build first');
  symlinkSync(bin, join(tools, 'codegen'));
  for (const [name, text] of [['aws', AWS_STUB], ['kubectl', KUBECTL_STUB], ['npx', NPX_SHIM]] as const) {
    writeFileSync(join(tools, name), text);
    chmodSync(join(tools, name), 0o755);
  }
  const stackDir = join(tools, 'stacks');
  mkdirSync(stackDir);
  for (const [name, path] of stacks) copyFileSync(join(ROOT, path), join(stackDir, name));
  const realKubectl = spawnSync('sh', ['-c', 'command -v kubectl'], { encoding: 'utf8' }).stdout.trim();
  const env = {
    PATH: `${tools}:${process.env.PATH}`,
    HOME: dir,
    LANG: 'C.UTF-8',
    COOKBOOK_STACKS: stackDir,
    COOKBOOK_YAML: join(ROOT, 'node_modules/yaml/dist/index.js'),
    REAL_KUBECTL: realKubectl,
    GITHUB_SHA: '3f9c2a17d04be8e1c6a5b2f0d9e8c7b6a5f4e3d2',
    GITHUB_WORKSPACE: dir,
    NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS ?? '',
  };

  const results: BlockResult[] = [];
  let last: BlockResult | undefined;
  const where = (b: DocBlock) => `${recipe.page}:${b.line}`;
  for (const block of recipe.blocks) {
    const result: BlockResult = { block, problems: [] };
    results.push(result);
    const target = block.path ? join(dir, block.path) : dir;
    if (block.path && relative(dir, target).startsWith('..')) {
      result.problems.push(`${where(block)}: ${block.path} is outside the recipe's folder`);
      continue;
    }
    if (block.kind === 'file') {
      const named = block.before.slice(-400).includes(block.path!) || block.text.split('\n', 1)[0]!.includes(block.path!);
      if (!named) result.problems.push(`${where(block)}: the text before the block does not name ${block.path}`);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, block.text);
    } else if (block.kind === 'merge') {
      if (!block.before.slice(-400).includes(block.path!)) result.problems.push(`${where(block)}: the text before the block does not name ${block.path}`);
      if (!existsSync(target)) {
        result.problems.push(`${where(block)}: ${block.path} does not exist`);
        continue;
      }
      const doc = parseDocument(readFileSync(target, 'utf8'));
      mergeInto(doc, [], parse(block.text) as Record<string, unknown>);
      writeFileSync(target, doc.toString());
    } else if (block.kind === 'run') {
      last = result;
      const missing = block.requires.filter((t) => !have(t));
      if (missing.length) {
        result.skipped = missing;
        continue;
      }
      const failFile = join(tools, 'failed');
      const script = ['set -o pipefail', 'exec 2>&1'];
      for (const c of commandsOf(block)) {
        script.push(c.text);
        script.push(`__rc=$?; if [ "$__rc" != ${c.exit} ]; then echo "${recipe.page}:${c.line}: exit $__rc, expected ${c.exit}" > '${failFile}'; exit 97; fi`);
      }
      const r = spawnSync('bash', ['--noprofile', '--norc', '-c', script.join('\n')], { cwd: dir, env, encoding: 'utf8', timeout: 120_000 });
      result.output = r.stdout;
      if (r.status !== 0) {
        const why = existsSync(failFile) ? readFileSync(failFile, 'utf8').trim() : `${where(block)}: bash exited ${r.status} ${r.signal ?? ''}`;
        result.problems.push(`${why}\n--- output ---\n${r.stdout}`);
        rmSync(failFile, { force: true });
      }
    } else if (block.kind === 'output') {
      if (!last) result.problems.push(`${where(block)}: an output block with no run block before it`);
      else if (last.skipped) result.skipped = last.skipped;
      else {
        const missing = missingLines(block.text, last.output ?? '', false);
        if (missing.length) result.problems.push(`${where(block)}: not in the output of ${where(last.block)}:\n  ${missing.join('\n  ')}\n--- output ---\n${last.output}`);
      }
    } else if (block.kind === 'file-output') {
      if (last?.skipped) result.skipped = last.skipped;
      else if (!existsSync(target)) result.problems.push(`${where(block)}: ${block.path} was not written`);
      else {
        const text = readFileSync(target, 'utf8');
        const missing = missingLines(block.text, text, true);
        if (missing.length) result.problems.push(`${where(block)}: not in ${block.path} (in this order):\n  ${missing.join('\n  ')}\n--- ${block.path} ---\n${text}`);
      }
    }
  }
  const cleanup = () => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(tools, { recursive: true, force: true });
  };
  return { dir, results, cleanup };
}
