/**
 * The public API: the runtime export names of `src/index.ts` (and of the built bundles when they
 * exist) are exactly the names `src/index.ts` exported before the source moved into its current
 * layout (39 names, read from that file's `export { … }` lines, type-only exports left out), plus
 * `importSpec` and `IMPORT_KINDS` (codegen import), and `graph`, `graphSpec`, `linkPanels`,
 * `renderGraph` and `GRAPH_FORMATS` (codegen graph).
 * A name added, renamed or dropped here is an API change and needs a changelog entry.
 */
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

const PUBLIC_EXPORTS = [
  'ARTIFACT_KINDS', 'CONFIG_SCHEMA', 'DiagnosticError', 'FORMATS', 'GRAPH_FORMATS', 'IMPORT_KINDS', 'OutputError', 'PLATFORM_EXPORTS', 'TARGETS',
  'applyPatches', 'builtinEmitters', 'builtinRules', 'checkOutputs', 'compile', 'compileEnvironments', 'compilePlatform', 'createRule',
  'createRunbookEmitter', 'createTemplateEmitter', 'defineEmitter', 'defineRule', 'detectKind', 'expandGlobs',
  'findConfig', 'formatDiagnostic', 'formatDiagnostics', 'formatPath', 'graph', 'graphSpec', 'hasErrors', 'importSpec', 'isSafeRelativePath', 'linkPanels',
  'loadConfig', 'loadHandlebars', 'loadPlugins', 'loadTemplateEmitters', 'plainModel', 'platformExportName',
  'platformImport', 'platformImportList', 'readPatchFile', 'renderGraph', 'resolveProject', 'serializeArtifact', 'verifyArtifacts',
  'writeOutputs',
];

const names = (mod: object) => Object.keys(mod).filter((k) => k !== 'default' && k !== '__esModule').sort();

describe('public API', () => {
  it('lists 47 distinct names (the list itself is well formed)', () => {
    expect(new Set(PUBLIC_EXPORTS).size).toBe(47);
  });

  it('src/index.ts exports exactly the public names', async () => {
    expect(names(await import('../src/index.js'))).toEqual([...PUBLIC_EXPORTS].sort());
  });

  const esm = join(ROOT, 'dist/index.js');
  it.skipIf(!existsSync(esm))('dist/index.js (ES module build) exports exactly the public names', async () => {
    expect(names(await import(pathToFileURL(esm).href))).toEqual([...PUBLIC_EXPORTS].sort());
  });

  const cjs = join(ROOT, 'dist/index.cjs');
  it.skipIf(!existsSync(cjs))('dist/index.cjs (CommonJS build) exports exactly the public names', () => {
    expect(names(createRequire(import.meta.url)(cjs) as object)).toEqual([...PUBLIC_EXPORTS].sort());
  });

  it('every public name is defined (no export of an undefined binding)', async () => {
    const mod = (await import('../src/index.js')) as Record<string, unknown>;
    for (const n of PUBLIC_EXPORTS) expect(mod[n], n).toBeDefined();
  });
});
