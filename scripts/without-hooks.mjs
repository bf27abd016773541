#!/usr/bin/env node
/**
 * Copies the given folders to DEST with the `Hooks` section taken out of every CloudFormation
 * template that declares the AWS::CodeDeployBlueGreen transform, so an artifact checker whose
 * template schema predates that section (the validator kit and cfn-lint 1.51 both reject `Hooks`
 * as an unknown top-level key) still checks everything else: resources, parameters and the other
 * files. Used by .ci/run for its optional check; prints each template it changed.
 *
 *   node scripts/without-hooks.mjs DEST DIR...
 */
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument } from 'yaml';

const [dest, ...dirs] = process.argv.slice(2);
if (!dest || dirs.length === 0) {
  process.stderr.write('usage: node scripts/without-hooks.mjs DEST DIR...\n');
  process.exit(2);
}

const files = (dir) => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));

const out = [];
for (const dir of dirs) {
  const target = join(dest, dir);
  cpSync(dir, target, { recursive: true });
  out.push(target);
  for (const file of files(target)) {
    if (!/\.cfn\.ya?ml$/.test(file)) continue;
    const doc = parseDocument(readFileSync(file, 'utf8'));
    const transform = doc.get('Transform');
    const names = typeof transform === 'string' ? [transform] : (transform?.toJSON?.() ?? []);
    if (!names.includes('AWS::CodeDeployBlueGreen') || !doc.has('Hooks')) continue;
    doc.delete('Hooks');
    writeFileSync(file, String(doc));
    process.stderr.write(`without-hooks: ${relative(dest, file)}: Hooks section left out for the check\n`);
  }
}
process.stdout.write(out.join('\n') + '\n');
