/**
 * The YAML reader and writer of compile() timed alone, from the source tree (run from each
 * checkout in turn to compare builds; `tsx` transpiles src/ as it loads):
 *
 *   node --import tsx bench/lib/yaml-stage.mjs read [N]    readSpecInput() of N seed copies (bytes, as
 *                                                          the CLI reads them) and attachPositions()
 *                                                          of the seed's 10 diagnostic paths on each
 *   node --import tsx bench/lib/yaml-stage.mjs write [N]   fastYaml() over the YAML documents of N seed
 *                                                          compiles, made by a child process and read
 *                                                          back (new, unhashed strings, as an emitter
 *                                                          hands them over; the writer not yet run)
 *
 * Both time the first pass in this process (N = 0: loading alone, to subtract under
 * `valgrind --tool=callgrind node --single-threaded --import tsx ...`). The specs are the seed under
 * their own names, as `node bench/lib/inproc.mjs first N` makes them. Prints one JSON line: the
 * step, N, ms, and a count that must match between builds.
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { seedText } from './seed.mjs';

const [step, count] = process.argv.slice(2);
if (step !== 'read' && step !== 'write' && step !== 'docs') {
  console.error('usage: node --import tsx bench/lib/yaml-stage.mjs read|write [N]');
  process.exit(2);
}
const n = Number(count ?? 300);
const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const src = (p) => import(pathToFileURL(join(root, 'src', p)).href);
const spec = seedText;

let total = 0;
let ms = 0;
if (step === 'read') {
  const { attachPositions, readSpecInput } = await src('core/source.ts');
  const specs = Array.from({ length: n }, (_, i) => [`svc-${i}.yaml`, Buffer.from(spec(i))]);
  // The paths of the seed's own diagnostics (warnings and infos of a valid compile).
  const paths = [[], ['resources', 'limits'], ['expose'], ['deployment', 'strategy'], ['logging'], ['logging', 'group'], ['targets', 'ecs', 'image'], ['targets', 'appmesh'], ['targets', 'appmesh', 'versions'], ['targets', 'copilot']];
  const t0 = performance.now();
  for (const [file, bytes] of specs) {
    const diagnostics = [];
    const read = readSpecInput(file, bytes, diagnostics);
    const found = paths.map((path) => ({ code: 'BENCH', severity: 'warning', message: 'bench', source: 'rule', path }));
    attachPositions(read.source, found, new Set());
    for (const d of found) total += d.line + d.column + (d.endLine ?? 0) + (d.endColumn ?? 0);
    total += diagnostics.length;
  }
  ms = performance.now() - t0;
} else if (step === 'docs') {
  // The documents, made in a process of their own: compile() runs the writer, which would warm it.
  const { compile } = await src('compile/compile.ts');
  const docs = [];
  for (let i = 0; i < n; i++) {
    const r = compile(spec(i), { file: `svc-${i}.yaml`, verify: false });
    for (const a of r.artifacts) if (a.format === 'yaml') docs.push(...(a.documents ?? []));
  }
  process.stdout.write(JSON.stringify(docs));
} else {
  const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), 'docs', String(n)], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const fresh = JSON.parse(out);
  const { fastYaml } = await src('core/yaml-emit.ts');
  const t0 = performance.now();
  for (const d of fresh) {
    const text = fastYaml(d);
    if (text === undefined) throw new Error('bench: a seed document left the direct writer');
    text.charCodeAt(text.length >> 1); // flat, as serializeArtifact() leaves it
    total += text.length;
  }
  ms = performance.now() - t0;
}
if (step !== 'docs') console.log(JSON.stringify({ step, n, ms: Math.round(ms * 10) / 10, count: total }));
