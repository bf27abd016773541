/**
 * cfn-lint over every CloudFormation golden (fixtures/<case>/expected/**.cfn.yaml|json): an
 * E-level finding fails. W-level findings fail too unless their rule is listed in
 * ACCEPTED_WARNINGS with the reason codegen writes what it warns about; I-level findings are not
 * checked. Runs when `cfn-lint` is on PATH and prints a notice when it is not (CODEGEN_CFN_LINT
 * names another executable).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');
const FIXTURES = join(ROOT, 'fixtures');
const CFN_LINT = process.env.CODEGEN_CFN_LINT ?? 'cfn-lint';

/** Warnings codegen writes on purpose, by cfn-lint rule id. */
const ACCEPTED_WARNINGS: Record<string, string> = {
  W3696: 'App Mesh resources are from a service that shuts down on 2026-09-30: the appmesh target is legacy output for migration and says so itself (APPMESH_DEPRECATED)',
};

/**
 * cfn-lint 1.x's template schema has no `Hooks` section, so it reports the hook of a template with
 * the AWS::CodeDeployBlueGreen transform as E1001, although the CloudFormation user guide
 * (blue-green.html) documents that section; codegen's own verify checks the hook (cfn-hook.ts).
 * Only that one finding is accepted, and only in a template that declares the transform.
 */
function acceptedError(f: Finding): boolean {
  return f.Rule.Id === 'E1001' && f.Message === "Additional properties are not allowed ('Hooks' was unexpected)" && /\bAWS::CodeDeployBlueGreen\b/.test(readFileSync(join(ROOT, f.Filename), 'utf8'));
}

interface Finding {
  Filename: string;
  Level: 'Error' | 'Warning' | 'Informational';
  Message: string;
  Rule: { Id: string };
  Location: { Start: { LineNumber: number; ColumnNumber: number } };
}

function templates(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...templates(p));
    else if (/\.cfn\.(yaml|json)$/.test(name) && p.includes(`${join('/', 'expected', '/')}`)) out.push(p);
  }
  return out;
}

const version = spawnSync(CFN_LINT, ['--version'], { encoding: 'utf8' });
const available = version.status === 0;
if (!available) console.log(`cfn-lint.test.ts: ${CFN_LINT} is not on PATH; the CloudFormation goldens were not linted (install cfn-lint to run this test).`);

describe.skipIf(!available)(`cfn-lint (${version.stdout?.trim()}) over every CloudFormation golden`, () => {
  const files = templates(FIXTURES);

  it('finds the templates', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('reports no error, and no warning other than the accepted ones', () => {
    const r = spawnSync(CFN_LINT, ['--format', 'json', '--', ...files.map((f) => relative(ROOT, f))], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(r.error).toBeUndefined();
    const findings = JSON.parse(r.stdout || '[]') as Finding[];
    const show = (f: Finding) => `${f.Filename}:${f.Location.Start.LineNumber}:${f.Location.Start.ColumnNumber} ${f.Rule.Id} ${f.Message}`;
    const accepted = findings.filter((f) => f.Level === 'Warning' && Object.hasOwn(ACCEPTED_WARNINGS, f.Rule.Id));
    if (accepted.length) console.log(`cfn-lint: ${accepted.length} accepted warning(s): ${[...new Set(accepted.map((f) => f.Rule.Id))].join(', ')}`);
    expect(findings.filter((f) => f.Level === 'Error' && !acceptedError(f)).map(show)).toEqual([]);
    expect(findings.filter((f) => f.Level === 'Warning' && !Object.hasOwn(ACCEPTED_WARNINGS, f.Rule.Id)).map(show)).toEqual([]);
  }, 600_000);
});
