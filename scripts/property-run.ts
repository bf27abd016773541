/**
 * The large property run: `npm run test:property -- [COUNT] [--validators DIR]`.
 * Compiles COUNT random valid specs (default 10000) and COUNT mutated ones; fails on any exception
 * or non-determinism. With --validators, writes the artifacts of (at most 300 of) the valid specs
 * to a temp folder and runs DIR/validate-outputs over them (the targets' own schemas). Every valid
 * spec that compiles without error is also checked with verifyArtifacts (`--verify`): a `VERIFY_*`
 * warning or error fails the run.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { compile } from '../src/compile/compile.js';
import { formatDiagnostic } from '../src/core/diagnostics.js';
import { verifyArtifacts } from '../src/verify/index.js';
import { mutate, mutation, validSpec } from '../test/property/arbitraries.js';

const args = process.argv.slice(2);
const count = Number(args.find((a) => /^[0-9]+$/.test(a)) ?? 10000);
const vIdx = args.indexOf('--validators');
const validators = vIdx >= 0 ? args[vIdx + 1] : undefined;
const out = mkdtempSync(join(tmpdir(), 'codegen-property-'));
let written = 0;
let withErrors = 0;
let verified = 0;
const started = Date.now();
fc.assert(
  fc.property(validSpec, (spec) => {
    const a = compile(spec);
    const b = compile(structuredClone(spec));
    if (JSON.stringify(a.files) !== JSON.stringify(b.files)) throw new Error('non-deterministic output');
    if (a.diagnostics.some((d) => d.severity === 'error')) {
      withErrors++;
      return;
    }
    const problems = verifyArtifacts(a.artifacts).filter((d) => d.severity !== 'info');
    if (problems.length) throw new Error(`--verify: ${problems.map(formatDiagnostic).join('; ')}`);
    verified++;
    if (validators && written < 300) {
      for (const f of a.files) {
        const p = join(out, String(written), f.path);
        mkdirSync(dirname(p), { recursive: true });
        writeFileSync(p, f.content);
      }
      written++;
    }
  }),
  { numRuns: count },
);
fc.assert(fc.property(validSpec, mutation, (spec, m) => void compile(mutate(spec, m) as object)), { numRuns: count });
console.log(`property run: ${count} valid specs (${withErrors} with error diagnostics; the artifacts of the other ${verified} pass --verify) and ${count} mutated specs compiled without an exception in ${Date.now() - started} ms`);
if (validators) {
  try {
    const res = execFileSync(join(validators, 'validate-outputs'), ['--allow-unknown', out], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    console.log(res.trim().split('\n').pop());
  } catch (err) {
    const stdout = String((err as { stdout?: unknown }).stdout ?? '');
    console.error(stdout.split('\n').filter((l) => !l.startsWith('OK ')).join('\n'));
    process.exit(1);
  }
}
