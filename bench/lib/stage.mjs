/**
 * One step of compile() timed alone, to see a change to it through the noise of a whole run:
 *
 *   node bench/lib/stage.mjs verify [N]      verifyArtifacts() over the artifacts of N seed
 *                                            compiles (default 1,000), its first pass in this
 *                                            process: the compiles ran with verify: false
 *   node bench/lib/stage.mjs serialize [N]   serializeArtifact() over the same artifacts (warm:
 *                                            compile() serialized each of them once already)
 *
 * The specs are the seed under their own names, as `node bench/lib/inproc.mjs first N` makes them.
 * Prints one JSON line: the step, N, ms, and a count that must match between builds (diagnostics
 * for verify, bytes for serialize). Compare builds by running it from each checkout in turn.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedText } from './seed.mjs';

const [step, count] = process.argv.slice(2);
if (step !== 'verify' && step !== 'serialize') {
  console.error('usage: node bench/lib/stage.mjs verify|serialize [N]');
  process.exit(2);
}
const n = Number(count ?? 1000);
const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { compile, serializeArtifact, verifyArtifacts } = await import(join(root, 'dist/index.js'));

const sets = [];
for (let i = 0; i < n; i++) {
  const r = compile(seedText(i), { file: `svc-${i}.yaml`, verify: false });
  if (r.diagnostics.some((d) => d.severity === 'error')) throw new Error(`bench: svc-${i} did not compile`);
  sets.push(r.artifacts);
}
let total = 0;
const t0 = performance.now();
if (step === 'verify') for (const s of sets) total += verifyArtifacts(s).length;
else for (const s of sets) for (const a of s) total += serializeArtifact(a).length;
const ms = performance.now() - t0;
console.log(JSON.stringify({ step, n, ms: Math.round(ms * 10) / 10, count: total }));
