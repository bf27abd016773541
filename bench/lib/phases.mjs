/**
 * Where compile()'s time goes, step by step, from V8's sampling CPU profiler:
 *
 *   node bench/lib/phases.mjs first [N]    the first N compile() calls of this fresh process
 *                                          (default 1,000; nothing compiled before)
 *   node bench/lib/phases.mjs steady [N]   N calls after BENCH_STEADY_WARM (default 5,000) compiles
 *   add --json for one JSON line instead of the table
 *
 * The specs are the seed under their own names, as `node bench/lib/inproc.mjs first N` makes them.
 * Each sample taken inside compile() counts for the step of compile() it was taken in: the
 * function compile() called that is on the sample's stack (verifyArtifacts: the checks of the
 * artifacts, and so on), or compile() itself. Samples outside compile() are counted apart: the
 * garbage collector (V8 reports its samples outside any function) and the rest (the loop).
 * The library build (dist/index.js) is not minified, so these are the source's names; a callee
 * this file does not know is listed under its own name. Samples every 0.2 ms: a step under 1% of
 * the run moves by about as much between runs.
 */
import { Session } from 'node:inspector/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { seedSpecs } from './seed.mjs';

/**
 * compile()'s callees (as esbuild names them in dist/index.js), by the step they make. Where V8
 * has inlined a callee into compile(), the profiler names the function below it instead (emit for
 * runEmitter, serializeArtifact for serializeAll, ...): those are listed with their step too.
 */
const STEPS = [
  [/^readSpecInput$/, 'read the spec (YAML parse)'],
  [/^(validateSpec|validateViews|revalidate)$/, 'validate the spec (schema, views)'],
  [/^(applyEnvironment|selectTargets|resolveTarget|enabledTargets)$/, 'environment and targets'],
  [/^modelFor$/, 'normalize (a model per target)'],
  [/^(runRules|applySuppressions)$/, 'rules'],
  [/^(runEmitter|emit)$/, 'emitters'],
  [/^(verifyArtifacts|verifyCloudFormation|verifyKubernetes|checkKubernetesReferences|patchFiles)$/, 'check the artifacts (verify)'],
  [/^(serializeAll|serializeArtifact|canonicalize)$/, 'write the text (serialize)'],
  [/^(finish\d*|attachPositions|dedupe|redactDiagnostics|capDiagnostics|compareDiagnostics|dropAcknowledged)$/, 'diagnostics: positions, order, redaction'],
  [/^(hasErrors|appendDiagnostics)$/, 'compile() itself'],
];

/** The step a callee of compile() makes: its label, or the function's own name. */
export function stepOf(functionName) {
  for (const [re, label] of STEPS) if (re.test(functionName)) return label;
  return functionName === '' ? '(anonymous)' : functionName;
}

/**
 * A V8 CPU profile (Profiler.stop's `profile`) split by step: microseconds per step inside the
 * function `isCompile` recognises, and outside it ('(garbage collector)' and 'outside compile()').
 * A sample lasts until the next one (timeDeltas[i + 1]); the last sample has no length.
 */
export function attribute(profile, isCompile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  /** The step of a node, found once per node: the child of the outermost compile() on its path. */
  const memo = new Map();
  const stepOfNode = (id) => {
    if (memo.has(id)) return memo.get(id);
    const path = [];
    for (let x = id; x !== undefined; x = parent.get(x)) path.push(byId.get(x));
    let step;
    for (let i = path.length - 1; i >= 0; i--) {
      if (!isCompile(path[i].callFrame)) continue;
      step = i === 0 ? 'compile() itself' : stepOf(path[i - 1].callFrame.functionName);
      break;
    }
    if (step === undefined) step = byId.get(id).callFrame.functionName === '(garbage collector)' ? '(garbage collector)' : 'outside compile()';
    memo.set(id, step);
    return step;
  };
  const steps = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const us = profile.timeDeltas[i + 1] ?? 0;
    const step = stepOfNode(profile.samples[i]);
    steps.set(step, (steps.get(step) ?? 0) + us);
  }
  return steps;
}

const OUTSIDE = new Set(['(garbage collector)', 'outside compile()']);

/**
 * The table: ms per 1,000 compiles and the share of compile() of each step, largest first; callees
 * under 0.5% of compile() that are no known step (helpers of a step V8 inlined) in one row.
 */
export function table(steps, n) {
  const inside = [...steps].filter(([k]) => !OUTSIDE.has(k));
  const total = inside.reduce((a, [, us]) => a + us, 0);
  const known = new Set([...STEPS.map(([, label]) => label), 'compile() itself']);
  const small = inside.filter(([k, us]) => !known.has(k) && us < total * 0.005);
  const shown = inside.filter((e) => !small.includes(e));
  if (small.length) shown.push([`other callees (${small.length}: ${small.map(([k]) => k).sort().join(', ')})`, small.reduce((a, [, us]) => a + us, 0)]);
  const per1000 = (us) => ((us / 1000) * 1000) / n;
  const rows = shown.sort((a, b) => b[1] - a[1]).map(([k, us]) => [k, per1000(us).toFixed(0), `${((100 * us) / total).toFixed(1)}%`]);
  rows.push(['compile() in all', per1000(total).toFixed(0), '100%']);
  for (const k of OUTSIDE) rows.push([k, per1000(steps.get(k) ?? 0).toFixed(0), '']);
  const w = Math.max(...rows.map((r) => r[0].length));
  return [`${'step'.padEnd(w)}  ms/1,000  share`, ...rows.map(([k, ms, share]) => `${k.padEnd(w)}  ${ms.padStart(8)}  ${share.padStart(5)}`)].join('\n');
}

async function main() {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const [mode, count] = args.filter((a) => a !== '--json');
  if (mode !== 'first' && mode !== 'steady') {
    console.error('usage: node bench/lib/phases.mjs first|steady [N] [--json]');
    process.exit(2);
  }
  const n = Number(count ?? 1000);
  const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
  const index = join(root, 'dist/index.js');
  const specs = seedSpecs(n);
  const { compile } = await import(index);
  const pass = () => {
    for (const [file, bytes] of specs) {
      const r = compile(bytes, { file });
      if (r.diagnostics.some((d) => d.severity === 'error')) throw new Error(`bench: ${file} did not compile`);
    }
  };
  let before = 0;
  if (mode === 'steady') for (const warm = Number(process.env.BENCH_STEADY_WARM ?? 5000); before < warm; before += n) pass();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  const t0 = performance.now();
  pass();
  const ms = performance.now() - t0;
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  const url = pathToFileURL(index).href;
  const steps = attribute(profile, (f) => f.functionName === 'compile' && f.url === url);
  if (json) console.log(JSON.stringify({ mode, n, before, ms: Math.round(ms), steps: Object.fromEntries([...steps].map(([k, us]) => [k, Math.round(us / 1000)])) }));
  else console.log(`${mode === 'first' ? `the first ${n} compile() calls of a fresh process` : `${n} compile() calls after ${before}`}: ${ms.toFixed(0)} ms (Node ${process.versions.node}, the profiler on)\n${table(steps, n)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
