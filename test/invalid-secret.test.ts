/**
 * fixtures/invalid/plaintext-secret: a password in plain `env` is an error by default
 * (no-plaintext-secrets), and the value itself never reaches a diagnostic, a report format or the
 * output folder. The text report's code frame masks it (the rule is `sensitive`).
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import rule from '../src/rules/no-plaintext-secrets.js';
import { caseBytes, compileCase, invalidCases } from './helpers/fixtures.js';

const SECRET = 'hunter2';
const c = invalidCases().find((x) => x.name === 'plaintext-secret')!;

describe('plaintext secret in env', () => {
  it('is an error by default, reported by no-plaintext-secrets, and marked for redaction', () => {
    expect(rule.meta.defaultSeverity).toBe('error');
    expect(caseBytes(c).toString('utf8')).toContain(SECRET);
    const r = compileCase(c);
    expect(r.files).toEqual([]);
    const hits = r.diagnostics.filter((d) => d.code === 'no-plaintext-secrets');
    expect(hits.map((d) => [d.severity, d.path.join('.'), d.redact])).toEqual([
      ['error', 'env.DB_PASSWORD', true],
      ['error', 'env.DATABASE_URL', true],
    ]);
    expect(JSON.stringify(r.diagnostics)).not.toContain(SECRET);
  });

  for (const command of ['generate', 'validate', 'verify']) {
    for (const format of ['text', 'json', 'github', 'sarif']) {
      it(`${command} --format ${format}: exit 1, the value in no output`, async () => {
        const dir = mkdtempSync(join(tmpdir(), 'codegen-secret-'));
        writeFileSync(join(dir, 'service.yaml'), caseBytes(c));
        let out = '';
        const io = { stdout: (s: string) => (out += s), stderr: (s: string) => (out += s), cwd: dir };
        const args = [command, 'service.yaml', '--format', format, ...(command === 'generate' ? ['--out', 'out'] : [])];
        expect(await main(args, io)).toBe(1);
        expect(out).toContain('no-plaintext-secrets');
        expect(out).not.toContain(SECRET);
        if (format === 'text') {
          // The code frame shows the spec line with the value masked.
          expect(out).toContain('  11 |   DB_PASSWORD: *******\n');
          expect(out).toMatch(/ {2}12 \| {3}DATABASE_URL: \*+\n/);
        }
        expect(readdirSync(dir)).toEqual(['service.yaml']);
      });
    }
  }
});

/** Cases whose spec holds secret values that no output may repeat (the values, as written in the spec). */
const LEAK_CASES: Record<string, string[]> = {
  'secret-value-in-diagnostics': ['hunter2-Xq9', 's3cr3t-value', 'sk_live_4eC39HqLyjWDarjtT1zdp7dc', 'Zr8pLq2Ws9Kd'],
};

describe('secret values never reach a diagnostic', () => {
  for (const [name, values] of Object.entries(LEAK_CASES)) {
    const lc = invalidCases().find((x) => x.name === name)!;
    it(`${name}: the spec holds the values, the diagnostics do not`, () => {
      const text = caseBytes(lc).toString('utf8');
      for (const v of values) expect(text).toContain(v);
      const r = compileCase(lc);
      expect(r.diagnostics.length).toBeGreaterThan(0);
      const all = JSON.stringify(r.diagnostics);
      for (const v of values) expect(all).not.toContain(v);
    });
    for (const format of ['text', 'json', 'github', 'sarif']) {
      it(`${name}: validate --format ${format} prints none of them, code frames included`, async () => {
        const dir = mkdtempSync(join(tmpdir(), 'codegen-secret-'));
        writeFileSync(join(dir, 'service.yaml'), caseBytes(lc));
        let out = '';
        const io = { stdout: (s: string) => (out += s), stderr: (s: string) => (out += s), cwd: dir };
        expect(await main(['validate', 'service.yaml', '--format', format, ...(lc.options.env ? ['--env', lc.options.env] : [])], io)).toBe(1);
        expect(out.length).toBeGreaterThan(0);
        for (const v of values) expect(out).not.toContain(v);
        // Fragments are not printed either (a truncated value is still a leak).
        for (const v of values) expect(out).not.toContain(v.slice(0, 8));
      });
    }
  }
  it('the code frame masks a secret that shares its line with another error', async () => {
    const lc = invalidCases().find((x) => x.name === 'secret-value-in-diagnostics')!;
    const dir = mkdtempSync(join(tmpdir(), 'codegen-secret-'));
    writeFileSync(join(dir, 'service.yaml'), caseBytes(lc));
    let out = '';
    await main(['validate', 'service.yaml'], { stdout: (s) => (out += s), stderr: (s) => (out += s), cwd: dir });
    expect(out).toContain('  10 | env: { LOG_LEVEL: info, SESSION_SECRET: ************, WORKERS: [1] }\n');
    expect(out).toContain('     |                                                                ^^^\n');
  });
});
