/**
 * The large property run: `npm run test:property -- [COUNT] [--validators DIR]`.
 * Compiles COUNT random valid specs (default 10000) and COUNT mutated ones; fails on any exception
 * or non-determinism. With --validators, writes the artifacts of (at most 300 of) the valid specs
 * to a temp folder and runs DIR/validate-outputs over them (the targets' own schemas). Every valid
 * spec that compiles without error is also checked with verifyArtifacts (`--verify`): a `VERIFY_*`
 * warning or error fails the run.
 *
 * Then the YAML writer's round trip: STRINGS generated strings (`--strings N`, default ten times
 * COUNT) written by the serializer and read back by the `yaml` library (1.1 and 1.2), PyYAML (in
 * batches of 5000, one python3 process each; skipped with a notice when it is missing) and
 * go-yaml v3's resolver rules, all of which must give the identical string; and the work bounds:
 * HOSTILE specs (`--hostile N`, default COUNT / 20) built from fragments repeated up to 200k times,
 * each of which must end in at most 1001 diagnostics without an exception (the slowest is printed).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { compile } from '../src/compile/compile.js';
import { formatDiagnostic } from '../src/core/diagnostics.js';
import { verifyArtifacts } from '../src/verify/index.js';
import { MAX_DIAGNOSTICS } from '../src/core/diagnostics.js';
import { mutate, mutation, validSpec } from '../test/property/arbitraries.js';
import { hostileSpec } from '../test/helpers/hostile.js';
import { pyYamlAvailable, roundTrip, trickyString } from '../test/helpers/yaml-roundtrip.js';

const args = process.argv.slice(2);
const count = Number(args.find((a, i) => /^[0-9]+$/.test(a) && !/^--/.test(args[i - 1] ?? '')) ?? 10000);
const vIdx = args.indexOf('--validators');
const validators = vIdx >= 0 ? args[vIdx + 1] : undefined;
const flag = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const stringCount = flag('--strings', count * 10);
const hostileCount = flag('--hostile', Math.ceil(count / 20));
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
{
  const t0 = Date.now();
  const pyyaml = pyYamlAvailable();
  if (!pyyaml) console.log('round trip: python3 with PyYAML not found; the PyYAML reader is skipped');
  let done = 0;
  for (let batch = 0; done < stringCount; batch++) {
    const n = Math.min(5000, stringCount - done);
    const strings = fc.sample(trickyString, { numRuns: n, seed: 1000 + batch });
    const failures = roundTrip(strings, { pyyaml });
    if (failures.length) {
      for (const f of failures.slice(0, 10)) console.error(`${f.reader}: ${JSON.stringify(f.input)} written as ${JSON.stringify(f.text)} read as ${f.got}`);
      process.exit(1);
    }
    done += n;
  }
  console.log(`round trip: ${done} generated strings written as values and keys read back identical in yaml 1.1, yaml 1.2${pyyaml ? ', PyYAML' : ''} and the go-yaml v3 rules in ${Date.now() - t0} ms`);
}
{
  const t0 = Date.now();
  let slowest = { ms: 0, kind: '', count: 0 };
  for (const h of fc.sample(hostileSpec(200000), { numRuns: hostileCount, seed: 6 })) {
    const t = Date.now();
    const r = compile(h.text);
    const ms = Date.now() - t;
    if (ms > slowest.ms) slowest = { ms, kind: h.kind, count: h.count };
    if (r.diagnostics.length > MAX_DIAGNOSTICS + 1) throw new Error(`${h.kind} x${h.count}: ${r.diagnostics.length} diagnostics`);
    if (r.diagnostics.some((d) => /call stack/.test(d.message))) throw new Error(`${h.kind} x${h.count}: a stack overflow reported`);
  }
  console.log(`work bounds: ${hostileCount} hostile specs compiled to bounded diagnostics in ${Date.now() - t0} ms (slowest ${slowest.ms} ms: ${slowest.kind} x${slowest.count})`);
}
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
