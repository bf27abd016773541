import { defineConfig } from 'tsup';

// Two builds: the library (ESM + CJS + types) and the CLI (one self-contained ESM file,
// so a cold `codegen` start loads as few modules as possible).
export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    target: 'node20',
    platform: 'node',
    clean: true,
    sourcemap: false,
    splitting: false,
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    sourcemap: false,
    // Chunks for dynamic imports, so Handlebars and plugin support load only when a config uses them.
    splitting: true,
    // Minified: V8 compiles half the bytes at every cold start (measured in docs/benchmarks.md).
    // Nothing user-facing depends on names: errors are diagnostics, never stack traces.
    minify: true,
    noExternal: [/.*/],
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  },
]);
