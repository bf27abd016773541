/** Every golden fixture compiles to artifacts that verify clean, and --verify adds nothing to them. */
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/core/diagnostics.js';
import { verifyArtifacts } from '../../src/verify/index.js';
import { compileCase, validCases } from '../helpers/fixtures.js';

describe('golden fixtures verify clean', () => {
  it.each(validCases().map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const r = compileCase(c);
    expect(r.artifacts.length).toBeGreaterThan(0);
    const d = verifyArtifacts(r.artifacts).filter((x) => x.severity !== 'info');
    expect(d.map(formatDiagnostic)).toEqual([]);
  });
});
