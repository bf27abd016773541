/** Diagnostic formats: text with code frames, JSON, GitHub workflow commands, SARIF 2.1.0 (schema-validated). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { compile } from '../src/compile/compile.js';
import type { Diagnostic } from '../src/core/diagnostics.js';
import { formatDiagnostics, formatGithub, formatText, toSarif } from '../src/cli/reporters.js';
import { builtinRules } from '../src/rules/index.js';
import { ROOT } from './helpers/fixtures.js';

const SEED = readFileSync(join(ROOT, 'fixtures/seed/service.yaml'), 'utf8');
const seed = compile(SEED, { file: 'fixtures/seed/service.yaml' });

/** The SARIF 2.1.0 schema is draft-04; ajv 8 reads it once `id` is `$id` (it uses no other draft-04-only keyword). */
function sarifValidator() {
  const schema = JSON.parse(readFileSync(join(ROOT, 'vendor/schemas/sarif/sarif-schema-2.1.0.json'), 'utf8'));
  const { id, $schema: _draft, ...rest } = schema;
  const ajv = new Ajv({ strict: false, allErrors: true });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  return ajv.compile({ $id: id, ...rest });
}

describe('reporters', () => {
  it('text: the golden line, then the spec line with a marker under the value', () => {
    const d = seed.diagnostics.find((x) => x.code === 'no-mutable-image-tag')!;
    const out = formatText([d], new Map([['fixtures/seed/service.yaml', SEED]]));
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^fixtures\/seed\/service\.yaml:62:12 warning no-mutable-image-tag targets\.ecs\.image: Image .*:latest uses/);
    expect(lines[1]).toBe('  62 |     image: 123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/my-app:latest');
    expect(lines[2]).toBe(`     |            ${'^'.repeat('123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/my-app:latest'.length)}`);
  });

  it('text: masks the value of a diagnostic that may hold a secret', () => {
    const text = 'env:\n  DB_PASSWORD: hunter2\n';
    const d: Diagnostic = { code: 'no-plaintext-secrets', severity: 'error', message: 'M.', source: 'rule', path: ['env', 'DB_PASSWORD'], file: 'f.yaml', line: 2, column: 16, endLine: 2, endColumn: 23, redact: true };
    const out = formatText([d], new Map([['f.yaml', text]]));
    expect(out).not.toContain('hunter2');
    expect(out).toContain('  2 |   DB_PASSWORD: *******');
  });

  it('github: one workflow command per diagnostic, with escaped properties and data', () => {
    const d: Diagnostic = { code: 'X_Y', severity: 'error', message: 'Bad: 50%,\nreally.', source: 'rule', path: ['a', 'b'], file: 'dir/my,spec.yaml', line: 3, column: 4, endLine: 3, endColumn: 9 };
    expect(formatGithub([d, { ...d, severity: 'warning' }, { ...d, severity: 'info', file: undefined, line: undefined } as Diagnostic])).toBe(
      '::error file=dir/my%2Cspec.yaml,line=3,col=4,endLine=3,endColumn=9,title=X_Y::a.b: Bad: 50%25,%0Areally.\n' +
        '::warning file=dir/my%2Cspec.yaml,line=3,col=4,endLine=3,endColumn=9,title=X_Y::a.b: Bad: 50%25,%0Areally.\n' +
        '::notice title=X_Y::a.b: Bad: 50%25,%0Areally.\n',
    );
  });

  it('json: diagnostics plus extra fields and suppressed entries', () => {
    const out = JSON.parse(formatDiagnostics('json', seed.diagnostics, { extra: { summary: 's' }, suppressed: [] }));
    expect(out.summary).toBe('s');
    expect(out.diagnostics).toHaveLength(seed.diagnostics.length);
  });

  it('sarif: validates against the SARIF 2.1.0 schema, with rule metadata and suppressions', () => {
    const spec = `${SEED}suppress:\n  - rule: require-tracing\n    reason: Traced by the service mesh.\n`;
    const r = compile(spec, { file: 'fixtures/seed/service.yaml' });
    const log = toSarif(r.diagnostics, { rules: builtinRules, suppressed: r.suppressed });
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const run = (log.runs as { tool: { driver: { rules: { id: string; helpUri?: string }[] } }; results: Record<string, any>[] }[])[0]!;
    expect(run.tool.driver.rules.map((x) => x.id)).toEqual(expect.arrayContaining(builtinRules.map((x) => x.id)));
    const latest = run.results.find((x) => x.ruleId === 'no-mutable-image-tag')!;
    expect(latest.level).toBe('warning');
    expect(latest.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'fixtures/seed/service.yaml' },
      region: { startLine: 62, startColumn: 12, endLine: 62, endColumn: 75 },
    });
    expect(run.tool.driver.rules[latest.ruleIndex]!.id).toBe('no-mutable-image-tag');
    const suppressed = run.results.find((x) => x.ruleId === 'require-tracing')!;
    expect(suppressed.suppressions).toEqual([{ kind: 'inSource', justification: 'Traced by the service mesh.' }]);
    // Core codes get a descriptor too, so every ruleIndex resolves.
    for (const res of run.results) expect(run.tool.driver.rules[res.ruleIndex]!.id).toBe(res.ruleId);
  });

  it('sarif: an invalid log is caught by the validator (the test can fail)', () => {
    const validate = sarifValidator();
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
  });
});
