/**
 * The benchmark's services: copies of fixtures/seed/service.yaml (every target, per-target
 * overrides, an environment), the i-th with its own names (`svc-<i>`, container `api-<i>`), so no
 * two compile to the same files. Every script of bench/ makes its specs here.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const seed = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/seed/service.yaml'), 'utf8');

/** The text of the i-th service. */
export const seedText = (i) => seed.replaceAll('my-app', `svc-${i}`).replace(/name: api$/m, `name: api-${i}`);

/** The first n services as [file name, bytes], as compile() is given them. */
export const seedSpecs = (n) => Array.from({ length: n }, (_, i) => [`svc-${i}.yaml`, Buffer.from(seedText(i))]);
