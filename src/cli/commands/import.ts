/**
 * `codegen import <kind> FILE|DIR... [--out PATH] [--force] [--exact]`: read what a team runs today and
 * write codegen specs. Every source field that is not carried is a diagnostic at its file:line:column;
 * with --exact what the spec cannot say is kept as spec patches, and reported as such.
 * Without --out the specs go to stdout; with --out they are written atomically (a temporary file
 * renamed into place) and an existing file is never replaced without --force. Nothing is written
 * while an error remains.
 */
import { linkSync, mkdirSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { readAtMost } from '../../core/read-file.js';
import { hasErrors, type Diagnostic } from '../../core/diagnostics.js';
import { importSpec } from '../../import-exact/index.js';
import { IMPORT_KINDS, MAX_IMPORT_BYTES, type ImportInput } from '../../importers/index.js';
import { formatDiagnostics, type ReportFormat } from '../reporters.js';
import { plural, UsageError, type Io } from '../io.js';
import { randomTag } from '../../project/output-fs.js';
import { STDIN_NAME } from './run.js';

export interface ImportCommandOptions {
  out?: string;
  force?: boolean;
  format: ReportFormat;
  quiet?: boolean;
  verbose?: boolean;
  name?: string;
  /** `--parameter KEY=VALUE`: CloudFormation parameter values (over their Default). */
  parameter?: string[];
  /** `--exact`: keep what the spec cannot say as spec patches (docs/importers.md). */
  exact?: boolean;
}

const INPUT_FILE = /\.(ya?ml|json)$/i;

/** `-` among the inputs: standard input (`kubectl get deploy,svc -o yaml | codegen import kubernetes -`). */
const STDIN = '-';

/** Files named on the command line; a folder contributes its YAML and JSON files (sorted, recursively); `-` stays `-`. */
function collect(paths: string[], cwd: string): string[] {
  const out: string[] = [];
  const walk = (abs: string, depth: number): void => {
    const st = statSync(abs);
    if (st.isDirectory()) {
      if (depth > 8) return;
      for (const e of readdirSync(abs).sort()) if (!e.startsWith('.')) walk(join(abs, e), depth + 1);
    } else if (depth === 0 || (INPUT_FILE.test(abs) && st.isFile())) out.push(abs); // a FIFO in a folder would block the read
  };
  for (const p of paths) {
    if (p === '-') {
      out.push(STDIN);
      continue;
    }
    try {
      walk(resolve(cwd, p), 0);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new UsageError(code === 'ENOENT' ? `No such file: ${p}` : `Cannot read ${p}: ${code ?? String(err)}`);
    }
  }
  return out;
}

/** Write `text` at `dest` atomically; without `force` an existing file is left alone (link fails). */
function writeAtomic(dest: string, text: string, force: boolean): void {
  mkdirSync(dirname(dest), { recursive: true });
  // A random name: a leftover of a killed run (same PID, as PID 1 in a container) never blocks the next.
  const tmp = join(dirname(dest), `.${basename(dest)}.${randomTag()}.tmp`);
  writeFileSync(tmp, text, { flag: 'wx' });
  try {
    if (force) renameSync(tmp, dest);
    else linkSync(tmp, dest);
  } finally {
    if (!force) unlinkSync(tmp);
  }
}

function exists(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}

export async function runImport(args: string[], opts: ImportCommandOptions, io: Io): Promise<number> {
  const [kind, ...paths] = args;
  if (!kind) throw new UsageError(`import needs a kind: ${IMPORT_KINDS.join(', ')}.`);
  if (!(IMPORT_KINDS as readonly string[]).includes(kind)) throw new UsageError(`import takes ${IMPORT_KINDS.join(', ')}, not "${kind}".`);
  if (!paths.length) throw new UsageError(`import ${kind} needs at least one FILE or folder.`);
  const files = collect(paths, io.cwd);
  if (files.filter((f) => f === STDIN).length > 1) throw new UsageError('- (standard input) can be read only once.');
  if (files.includes(STDIN) && !io.stdin) throw new UsageError('- reads from standard input, which this run does not have.');
  const inputs: ImportInput[] = [];
  const sources = new Map<string, string>();
  let total = 0;
  for (const abs of files) {
    // At most what is left of the limit, and one byte more to know it was exceeded: a pipe or a
    // device named on the command line (`<(kubectl get ...)`) has no size to check beforehand.
    const left = MAX_IMPORT_BYTES - total + 1;
    const content = abs === STDIN ? Buffer.from(await io.stdin!(left)) : readAtMost(abs, left);
    const file = abs === STDIN ? STDIN_NAME : relative(io.cwd, abs) || abs;
    total += content.length;
    if (total > MAX_IMPORT_BYTES) {
      const d: Diagnostic = { code: 'IMPORT_TOO_LARGE', severity: 'error', message: `The inputs are larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB; import one application's files at a time.`, source: 'import', path: [], file };
      return report([d], opts, io, sources, 0);
    }
    inputs.push({ file, content });
    sources.set(file, content.toString('utf8'));
  }
  const parameters: Record<string, string> = {};
  for (const p of opts.parameter ?? []) {
    const m = /^([A-Za-z0-9]+)=(.*)$/s.exec(p);
    if (!m) throw new UsageError(`--parameter takes KEY=VALUE (a CloudFormation parameter name), not "${p}".`);
    parameters[m[1]!] = m[2]!;
  }
  const result = importSpec(kind, inputs, { ...(opts.name ? { name: opts.name } : {}), ...(Object.keys(parameters).length ? { parameters } : {}), ...(opts.exact ? { exact: true } : {}) });
  const diagnostics = [...result.diagnostics];
  if (hasErrors(diagnostics) || !result.specs.length) return report(diagnostics, opts, io, sources, 0);
  if (opts.out === undefined) {
    io.stdout(result.specs.map((s) => s.text).join('---\n'));
    return report(diagnostics, opts, io, sources, result.specs.length);
  }
  const out = resolve(io.cwd, opts.out);
  const toFolder = result.specs.length > 1 || opts.out.endsWith('/') || (exists(out) && statSync(out).isDirectory());
  const targets = result.specs.map((s) => ({ spec: s, dest: toFolder ? join(out, `${s.name}.yaml`) : out }));
  const taken = opts.force ? [] : targets.filter((t) => exists(t.dest));
  if (taken.length) {
    for (const t of taken) {
      diagnostics.push({ code: 'OUTPUT_EXISTS', severity: 'error', message: `${relative(io.cwd, t.dest)} exists; nothing was written.`, hint: 'pass --force to replace it', source: 'io', path: [], file: relative(io.cwd, t.dest) });
    }
    return report(diagnostics, opts, io, sources, 0);
  }
  try {
    for (const t of targets) writeAtomic(t.dest, t.spec.text, opts.force === true);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    diagnostics.push({ code: 'OUTPUT_WRITE_FAILED', severity: 'error', message: `Could not write the spec (${code ?? String(err)}).`, source: 'io', path: [], file: opts.out });
    return report(diagnostics, opts, io, sources, 0);
  }
  if (!opts.quiet && opts.format === 'text') for (const t of targets) io.stderr(`codegen: wrote ${relative(io.cwd, t.dest)}\n`);
  return report(diagnostics, opts, io, sources, targets.length);
}

function report(diagnostics: Diagnostic[], opts: ImportCommandOptions, io: Io, sources: Map<string, string>, written: number): number {
  const shown = diagnostics.filter((d) => d.severity === 'error' || (!opts.quiet && (d.severity === 'warning' || opts.verbose || opts.format !== 'text')));
  const failed = hasErrors(diagnostics);
  if (opts.format === 'text') {
    if (shown.length) io.stderr(formatDiagnostics('text', shown, { sources }));
    if (!opts.quiet) {
      const patched = diagnostics.filter((d) => d.severity === 'warning' && d.code === 'IMPORT_CARRIED_AS_PATCH').length;
      const carried = diagnostics.filter((d) => d.severity === 'warning' && d.code !== 'IMPORT_CARRIED_AS_PATCH').length;
      const kept = opts.exact ? `, ${plural(patched, 'field')} kept as spec patches` : '';
      io.stderr(`codegen: import: ${plural(written, 'spec')}${failed ? ' (nothing written: fix the errors above)' : ''}, ${plural(carried, 'field')} not carried as written${kept}\n`);
    }
  } else io[opts.format === 'json' && opts.out === undefined ? 'stderr' : 'stdout'](formatDiagnostics(opts.format, shown));
  return failed ? 1 : 0;
}
