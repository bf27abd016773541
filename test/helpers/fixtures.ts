/** Fixture discovery and golden comparison shared by the golden tests. */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Artifact } from '../../src/core/serialize.js';
import { compile, type OutputFile } from '../../src/compile/compile.js';
import { compileEnvironments } from '../../src/compile/environments.js';
import { compareDiagnostics, formatDiagnostic, type Diagnostic } from '../../src/core/diagnostics.js';
import { compilePlatform } from '../../src/platform/compile.js';

export const ROOT = new URL('../../', import.meta.url).pathname;
export const FIXTURES = join(ROOT, 'fixtures');
export const UPDATE = process.env.CODEGEN_UPDATE_GOLDENS === '1';

export interface CaseOptions {
  description?: string;
  /** Pad the spec with a trailing comment to this many bytes (for size-limit cases). */
  padTo?: number;
  env?: string;
  /** Compile every environment side by side (`--all-envs`). */
  allEnvironments?: boolean;
  targets?: string[];
  /** fixtures/verify-broken: the `VERIFY_*` code the case must produce. */
  verifyCode?: string;
  /** fixtures/verify-broken: that diagnostic's severity (default `error`). */
  verifySeverity?: 'error' | 'warning';
}

export interface FixtureCase {
  name: string;
  dir: string;
  /** service.yaml, when the case has one. */
  spec?: string;
  /** platform.yaml (a `kind: Platform` spec), when the case has one. */
  platform?: string;
  options: CaseOptions;
}

/** What a case compiles to: the files and diagnostics of its platform and service specs together. */
export interface CaseResult {
  files: OutputFile[];
  artifacts: Artifact[];
  diagnostics: Diagnostic[];
}

/** Folders of cases that are not goldens: they have no expected/ output. */
const NOT_GOLDEN = new Set(['invalid', 'verify-broken', 'realworld']);

/** Valid cases: fixtures/<case>/service.yaml and/or platform.yaml (not fixtures/invalid or fixtures/verify-broken). */
export function validCases(): FixtureCase[] {
  return readdirSync(FIXTURES)
    .filter((n) => !NOT_GOLDEN.has(n) && (existsSync(join(FIXTURES, n, 'service.yaml')) || existsSync(join(FIXTURES, n, 'platform.yaml'))))
    .sort()
    .map((name) => loadCase(join(FIXTURES, name), name));
}

/** Invalid cases: fixtures/invalid/<case>/service.yaml with diagnostics.txt. */
export function invalidCases(): FixtureCase[] {
  return casesIn('invalid');
}

/** Valid specs whose patches break one artifact: fixtures/verify-broken/<case>/service.yaml with diagnostics.txt. */
export function verifyBrokenCases(): FixtureCase[] {
  return casesIn('verify-broken');
}

/** Public deployments measured by `npm run fidelity`: fixtures/realworld/<case>/service.yaml, goldens like the others. */
export function realworldCases(): FixtureCase[] {
  return casesIn('realworld');
}

function casesIn(folder: string): FixtureCase[] {
  const dir = join(FIXTURES, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => statSync(join(dir, n)).isDirectory())
    .sort()
    .map((name) => loadCase(join(dir, name), name));
}

function loadCase(dir: string, name: string): FixtureCase {
  const optionsFile = join(dir, 'case.json');
  const options = existsSync(optionsFile) ? (JSON.parse(readFileSync(optionsFile, 'utf8')) as CaseOptions) : {};
  const spec = join(dir, 'service.yaml');
  const platform = join(dir, 'platform.yaml');
  return { name, dir, ...(existsSync(spec) ? { spec } : {}), ...(existsSync(platform) ? { platform } : {}), options };
}

/** The spec's bytes as a user's file would hold them (padded when the case asks). */
export function caseBytes(c: FixtureCase): Buffer {
  const bytes = readFileSync(c.spec ?? c.platform!);
  if (!c.options.padTo || bytes.length >= c.options.padTo) return bytes;
  const pad = `# ${'x'.repeat(78)}\n`.repeat(Math.ceil((c.options.padTo - bytes.length) / 81));
  return Buffer.concat([bytes, Buffer.from(pad)]);
}

/** `verify: false` leaves the schema check out (tests that run verifyArtifacts() themselves). */
export function compileCase(c: FixtureCase, opts: { verify?: boolean } = {}): CaseResult {
  const out: CaseResult = { files: [], artifacts: [], diagnostics: [] };
  if (c.platform) {
    const p = compilePlatform(readFileSync(c.platform, 'utf8'), { file: 'platform.yaml', ...(opts.verify === false ? { verify: false } : {}) });
    out.files.push(...p.files);
    out.artifacts.push(...p.artifacts);
    out.diagnostics.push(...p.diagnostics);
  }
  if (c.spec) {
    const r = (c.options.allEnvironments ? compileEnvironments : compile)(caseBytes(c), {
      file: 'service.yaml',
      ...(opts.verify === false ? { verify: false } : {}),
      ...(c.options.env ? { env: c.options.env } : {}),
      ...(c.options.targets ? { targets: c.options.targets } : {}),
    });
    out.files.push(...r.files);
    out.artifacts.push(...r.artifacts);
    out.diagnostics.push(...r.diagnostics);
  }
  out.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  out.diagnostics.sort(compareDiagnostics);
  return out;
}

export function renderDiagnostics(r: CaseResult): string {
  return r.diagnostics.map((d) => `${formatDiagnostic(d)}\n`).join('');
}

export function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listFiles(join(dir, e.name), rel));
    else out.push(rel);
  }
  return out;
}

/** Every file under `dir` by its path below it (listFiles' order) → its text. */
export function readTree(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

/** Write goldens (only under CODEGEN_UPDATE_GOLDENS=1). */
export function writeGoldens(c: FixtureCase, r: CaseResult): void {
  const expected = join(c.dir, 'expected');
  rmSync(expected, { recursive: true, force: true });
  for (const f of r.files) {
    const p = join(expected, f.path);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, f.content);
  }
  writeFileSync(join(c.dir, 'diagnostics.txt'), renderDiagnostics(r));
}
