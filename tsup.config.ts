import { readFile } from 'node:fs/promises';
import { defineConfig, type Options } from 'tsup';

type Plugin = NonNullable<Options['esbuildPlugins']>[number];

/**
 * In the CLI bundle, `await import(<not a literal>)` (a user's plugin or config module) becomes
 * `await __codegenImport(...)`: V8 code-cached scripts lose their import() hook on Node 20, so the
 * bin hands the bundle an import function of its own (src/cli/bundle-loader.ts). The banner below
 * opens the bundle's wrapper function and defines __codegenImport, falling back to import() when
 * the wrapper is given no import function (the wrapper's body starts with 'use strict' because
 * esbuild's own directive comes after the banner and would not count).
 * scripts/check-bundle.mjs fails the build if any other import() is left in the bundle.
 */
const hostImport: Plugin = {
  name: 'codegen-host-import',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      const contents = text.replace(/\bawait import\((?!\s*['"`])/g, 'await __codegenImport(');
      return contents === text ? undefined : { contents, loader: 'ts' };
    });
  },
};

/** Every build: Node 20, one file per entry, no source maps. */
const node20 = { target: 'node20', platform: 'node', sourcemap: false, splitting: false } as const;
/** CommonJS files get .cjs (the package is `"type": "module"`). */
const cjs = { format: ['cjs'] as Options['format'], outExtension: () => ({ js: '.cjs' }) };

// The library (ESM + CJS + types), the CLI bundle, and the small `codegen` bin that runs it.
export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    // The `yaml` library is loaded on first use with require() (src/core/lazy-yaml.ts): an ES
    // module has no require of its own, so the ESM build makes one for the package's dependencies.
    banner: ({ format }) => (format === 'esm' ? { js: "import { createRequire as __codegenCreateRequire } from 'node:module'; const require = __codegenCreateRequire(import.meta.url);" } : {}),
    // dist/ is emptied before tsup starts (scripts/clean-dist.mjs): a `clean` here would run while
    // the other builds of this array write their files, which it could remove.
    ...node20,
  },
  {
    // The CLI as one CommonJS script, so the bin can compile it with a code cache: vm.Script with a
    // cache written on the user's machine, on every Node release (no cache ships; src/cli/bin.ts).
    // Bundled dynamic imports (Handlebars, verify, plugin support) become lazily-run wrappers: they
    // still load only when used. import() of a user's plugin or config file stays a real import()
    // (made by the bin: see hostImport above).
    entry: { 'cli-main': 'src/cli/main.ts' },
    ...cjs,
    ...node20,
    // Minified: V8 compiles half the bytes at every cold start (measured in an early round: the git
    // history of docs/benchmarks.md).
    // Nothing user-facing depends on names: errors are diagnostics, never stack traces.
    minify: true,
    noExternal: [/.*/],
    shims: true,
    esbuildPlugins: [hostImport],
    // The bundle carries the CommonJS wrapper the bin runs it in (BUNDLE_HEAD and BUNDLE_TAIL of
    // src/cli/bundle-loader.ts, checked there): V8 then compiles the file's text as read, instead of
    // a copy of its 2 MB joined to the wrapper (≈1 ms of every start, docs/benchmarks-rounds.md).
    banner: { js: "(function (exports, require, module, __filename, __dirname, __codegenHostImport) {'use strict'; var __codegenImport = typeof __codegenHostImport === 'function' ? __codegenHostImport : (s) => import(s);" },
    footer: { js: '\n})' },
  },
  {
    // dist/cli.cjs is the bin: CommonJS, so a cold start skips Node's ES module loader (≈13 ms here,
    // an early round: the git history of docs/benchmarks.md). Its import() of a user's module stays
    // a real import().
    entry: { cli: 'src/cli/bin.ts' },
    ...cjs,
    ...node20,
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    // dist/cli-loader.js: the same loader, for the tests.
    entry: { 'cli-loader': 'src/cli/bundle-loader.ts' },
    format: ['esm'],
    ...node20,
  },
]);
