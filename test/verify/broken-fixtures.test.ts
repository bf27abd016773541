/**
 * fixtures/verify-broken: valid specs whose `patches` break exactly one thing in one artifact of
 * one target (unknown field, wrong type, invalid enum, dangling reference). Compiling succeeds;
 * verifyArtifacts() must report the break with the case's `verifyCode`, and compile's own
 * diagnostics plus the verify diagnostics must equal diagnostics.txt exactly.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { compareDiagnostics, formatDiagnostic } from '../../src/core/diagnostics.js';
import { verifyArtifacts } from '../../src/verify/index.js';
import { caseBytes, compileCase, UPDATE, verifyBrokenCases } from '../helpers/fixtures.js';

const cases = verifyBrokenCases();

function render(c: (typeof cases)[number]) {
  const r = compileCase(c, { verify: false });
  const verify = verifyArtifacts(r.artifacts);
  const all = [...r.diagnostics, ...verify].sort(compareDiagnostics);
  return { r, verify, text: all.map((d) => `${formatDiagnostic(d)}\n`).join('') };
}

describe('verify-broken fixtures', () => {
  it('covers every target and kind of break', () => {
    const names = cases.map((c) => c.name);
    for (const target of ['ecs-task', 'ecs-service', 'k8s', 'copilot']) {
      for (const kind of ['unknown-field|unknown-property', 'wrong-type', 'invalid-enum', 'dangling-reference']) {
        expect(names.some((n) => new RegExp(`^${target}-(${kind})$`).test(n)), `${target} ${kind}`).toBe(true);
      }
    }
    // App Mesh: the registry schemas of AWS::AppMesh::* declare no enums (see the test below).
    for (const kind of ['unknown-property', 'wrong-type', 'dangling-reference']) expect(names).toContain(`appmesh-${kind}`);
  });

  for (const c of cases) {
    it(`${c.name} — ${c.options.description ?? ''}`, () => {
      expect(c.options.verifyCode, 'case.json names verifyCode').toMatch(/^VERIFY_[A-Z0-9_]+$/);
      const { r, verify, text } = render(c);
      // The spec itself is valid: it compiles to artifacts with no error of its own.
      expect(r.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
      expect(r.artifacts.length).toBeGreaterThan(0);
      const severity = c.options.verifySeverity ?? 'error';
      const hits = verify.filter((d) => d.code === c.options.verifyCode && d.severity === severity);
      expect(hits.length, `${c.options.verifyCode} ${severity}`).toBeGreaterThan(0);
      // Exactly one thing is broken: every non-info verify diagnostic is that one.
      expect(verify.filter((d) => d.severity !== 'info').length).toBe(hits.length);
      const file = join(c.dir, 'diagnostics.txt');
      if (UPDATE) writeFileSync(file, text);
      expect(text).toBe(readFileSync(file, 'utf8'));
    });
  }

  it('App Mesh: an invalid enum is not detected (the AWS::AppMesh::* registry schemas declare none)', () => {
    const c = cases.find((x) => x.name === 'appmesh-unknown-property')!;
    const spec = caseBytes(c)
      .toString('utf8')
      .replace(/- \{ op: add, path: \/Resources\/VirtualNode\/.*\n/, '- { op: replace, path: /Resources/Mesh/Properties/Spec/EgressFilter/Type, value: DENY_ALL }\n');
    expect(spec).toContain('DENY_ALL');
    const dir = mkdtempSync(join(tmpdir(), 'codegen-broken-'));
    writeFileSync(join(dir, 'service.yaml'), spec);
    const r = compileCase({ name: 'appmesh-invalid-enum', dir, spec: join(dir, 'service.yaml'), options: { targets: ['appmesh'] } }, { verify: false });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(JSON.stringify(r.artifacts)).toContain('DENY_ALL');
    // A known gap: ALLOW_ALL | DROP_ALL is enforced by the App Mesh API at deploy time only.
    expect(verifyArtifacts(r.artifacts).filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('generate verifies by default (and with --verify): exit 1, the diagnostic on stderr, nothing written', async () => {
    const c = cases.find((x) => x.name === 'ecs-service-dangling-reference')!;
    const dir = mkdtempSync(join(tmpdir(), 'codegen-broken-'));
    writeFileSync(join(dir, 'service.yaml'), caseBytes(c));
    mkdirSync(join(dir, 'out'));
    let stderr = '';
    const code = await main(['generate', 'service.yaml', '--out', 'out', '--verify', '--target', 'ecs'], {
      stdout: () => undefined,
      stderr: (s) => (stderr += s),
      cwd: dir,
    });
    expect(code).toBe(1);
    expect(stderr).toContain('billing/ecs/service.cfn.yaml error VERIFY_CFN_REFERENCE /Resources/ECSService/Properties/Cluster/Ref:');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(join(dir, 'out'))).toEqual([]);
    expect(existsSync(join(dir, 'billing'))).toBe(false);
    // The default is the same: the spec compiles, the artifact would be rejected, nothing is written.
    let plain = '';
    expect(await main(['generate', 'service.yaml', '--out', 'out', '--target', 'ecs'], { stdout: () => undefined, stderr: (s) => (plain += s), cwd: dir })).toBe(1);
    expect(plain).toContain('VERIFY_CFN_REFERENCE');
    expect(readdirSync(join(dir, 'out'))).toEqual([]);
    // Only --no-verify writes it: the break is in the output, not the spec.
    expect(await main(['generate', 'service.yaml', '--out', 'out', '--target', 'ecs', '--no-verify', '-q'], { stdout: () => undefined, stderr: () => undefined, cwd: dir })).toBe(0);
    expect(readdirSync(join(dir, 'out', 'billing', 'ecs')).sort()).toEqual(['service.cfn.yaml', 'task-definition.json']);
  });
});
