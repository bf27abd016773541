#!/usr/bin/env node
/**
 * Build step after tsup (`npm run build`, `prepare`): checks the CLI bundle and writes the
 * compatibility bin. No V8 code cache is built or shipped: a cache made by one Node release can be
 * accepted by another Node 20 patch release (they all report V8 11.3.244.8) and crash it. The bin
 * uses a cache written on the user's machine, keyed on the exact Node binary, on every Node release
 * (src/cli/bundle-loader.ts, src/cli/bin.ts).
 */
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');

// The bundle's only import() must be the banner's fallback: on Node 20 a script compiled from a code
// cache loses its import() hook, so every other import() goes through the loader's (tsup.config.ts).
const imports = readFileSync(join(dist, 'cli-main.cjs'), 'utf8').match(/\bimport\(/g)?.length ?? 0;
if (imports !== 1) {
  throw new Error(`check-bundle: dist/cli-main.cjs has ${imports - 1} import() calls besides the banner's; make them \`await import(\` of a computed specifier (see tsup.config.ts) or static.`);
}

// A cache file an earlier build shipped must not survive in dist/ (tsup's clean removes it too).
rmSync(join(dist, 'cli-main.cache'), { force: true });

// dist/cli.js: the bin's earlier name. Links made to it before the bin became dist/cli.cjs (npx's
// cache of a local package, older global installs) keep working through this one-line ES module.
const compat = join(dist, 'cli.js');
writeFileSync(compat, "#!/usr/bin/env node\n// The codegen bin is dist/cli.cjs; links made to its earlier name land here.\nimport './cli.cjs';\n");
chmodSync(compat, 0o755);
