/**
 * The benchmark's services: copies of fixtures/seed/service.yaml (every target, per-target
 * overrides, an environment), the i-th with its own names (`svc-<i>`, container `api-<i>`), so no
 * two compile to the same files. Every script of bench/ makes its specs here.
 *
 *   node bench/lib/seed.mjs N DIR     writes the first N as DIR/svc-0000.yaml, ... (what
 *                                      `npm run bench` generates from), for the figures of
 *                                      docs/benchmarks.md measured outside it
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const seed = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/seed/service.yaml'), 'utf8');

/** The text of the i-th service. */
export const seedText = (i) => seed.replaceAll('my-app', `svc-${i}`).replace(/name: api$/m, `name: api-${i}`);

/** The first n services as [file name, bytes], as compile() is given them. */
export const seedSpecs = (n) => Array.from({ length: n }, (_, i) => [`svc-${i}.yaml`, Buffer.from(seedText(i))]);

/** The first n services written into `dir` (made if missing) as svc-0000.yaml, ...; their paths. */
export function writeSeedSpecs(dir, n) {
  mkdirSync(dir, { recursive: true });
  return Array.from({ length: n }, (_, i) => {
    const file = join(dir, `svc-${String(i).padStart(4, '0')}.yaml`);
    writeFileSync(file, seedText(i));
    return file;
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [n, dir] = process.argv.slice(2);
  if (!/^[0-9]+$/.test(n ?? '') || !dir) {
    console.error('usage: node bench/lib/seed.mjs N DIR');
    process.exit(2);
  }
  writeSeedSpecs(dir, Number(n));
}
