/** The `--cache` record for a run (loaded only when asked for: it needs node:crypto). */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pkg from '../../../package.json' with { type: 'json' };
import type { Diagnostic } from '../../core/diagnostics.js';
import type { SpecCache } from '../../project/cache.js';
import type { Project } from '../../project/config.js';
import type { Io } from '../io.js';

/** The run options the cache key depends on (a subset of the run command's options). */
type CacheOptions = { env?: string; 'all-envs'?: boolean; targets?: string[]; verify?: boolean; 'cache-location'?: string };

/**
 * The spec cache for this run, or undefined (with an info diagnostic) when it cannot be sound:
 * plugins and templates are code and files outside the key.
 */
export async function openCache(project: Project, opts: CacheOptions, io: Io, diagnostics: Diagnostic[]): Promise<SpecCache | undefined> {
  const co = project.compileOptions;
  const why = co.emitters?.length || co.rules?.length ? 'the config loads plugins or templates' : undefined;
  if (why) {
    diagnostics.push({ code: 'CACHE_NOT_USED', severity: 'info', message: `--cache is not used: ${why}.`, source: 'cli', path: [] });
    return undefined;
  }
  // The running code: a rebuilt codegen misses every entry even under the same version.
  let build = '';
  try {
    const st = statSync(typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url));
    build = `${st.size}:${st.mtimeMs}`;
  } catch {
    build = 'unknown';
  }
  // Loaded only with --cache: it needs node:crypto, which a plain run does not load.
  const { CACHE_FORMAT, SpecCache } = await import('../../project/cache.js');
  const fingerprint = JSON.stringify({
    format: CACHE_FORMAT,
    version: pkg.version,
    build,
    env: opts.env ?? null,
    allEnvironments: opts['all-envs'] === true,
    targets: opts.targets ?? null,
    verify: opts.verify !== false,
    ruleConfig: co.ruleConfig ?? null,
    acknowledgedDeprecations: co.acknowledgedDeprecations ?? null,
    patchFiles: co.patchFiles ?? null,
  });
  return new SpecCache(resolve(io.cwd, opts['cache-location'] ?? '.codegen-cache'), fingerprint);
}
