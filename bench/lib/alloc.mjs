/**
 * What one compile() allocates, by function: a figure that does not depend on the machine's load.
 *
 *   node bench/lib/alloc.mjs [N] [TOP]   N compiles of the seed (default 300, after 50 untimed ones),
 *                                        under V8's sampling heap profiler with the objects that the
 *                                        young and the old generation's collections freed counted too
 *
 * Prints the kilobytes allocated per compile in all, then the TOP functions (default 25) by the
 * bytes they allocate themselves. The profiler samples about every 4 KiB allocated, so figures
 * under a kilobyte per compile are noise; the total varies by about 1% between runs of one build.
 * The specs are the seed under their own names, as `node bench/lib/inproc.mjs first N` makes them.
 */
import { Session } from 'node:inspector/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedText } from './seed.mjs';

const n = Number(process.argv[2] ?? 300);
const top = Number(process.argv[3] ?? 25);
const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const spec = (i) => Buffer.from(seedText(i));
const specs = Array.from({ length: n + 50 }, (_, i) => spec(i));

const { compile } = await import(join(root, 'dist/index.js'));
const run = (i) => {
  const r = compile(specs[i], { file: `svc-${i}.yaml` });
  if (r.diagnostics.some((d) => d.severity === 'error')) throw new Error(`bench: svc-${i}.yaml did not compile`);
};
for (let i = 0; i < 50; i++) run(i);

const session = new Session();
session.connect();
await session.post('HeapProfiler.enable');
await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
for (let i = 50; i < n + 50; i++) run(i);
const { profile } = await session.post('HeapProfiler.stopSampling');
session.disconnect();

const self = new Map();
let total = 0;
const visit = (node) => {
  const f = node.callFrame;
  const key = `${f.functionName || '(anonymous)'} ${f.url ? `${f.url.split('/').pop()}:${f.lineNumber + 1}` : '(native)'}`;
  self.set(key, (self.get(key) ?? 0) + node.selfSize);
  total += node.selfSize;
  for (const c of node.children) visit(c);
};
visit(profile.head);
const kb = (bytes) => (bytes / n / 1024).toFixed(1).padStart(8);
console.log(`${kb(total)} KB allocated per compile (${n} compiles of the seed)`);
for (const [key, bytes] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${kb(bytes)} KB  ${key}`);
