/**
 * CI reports: SARIF 2.1.0 with the tool version, rule help from docs/rules, partialFingerprints and
 * automationDetails, checked against the vendored SARIF schema; GitHub annotations with paths
 * relative to GITHUB_WORKSPACE and a notice when there are more than GitHub shows per step.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import type { Diagnostic } from '../../src/core/diagnostics.js';
import { formatGithub, GITHUB_ANNOTATIONS_PER_STEP } from '../../src/cli/reporters.js';
import { builtinRules } from '../../src/rules/index.js';
import { RULE_HELP_FILE, ruleHelpModule } from '../../scripts/rule-help.js';
import { ROOT } from '../helpers/fixtures.js';
import { DEMO_SPEC, runCli } from '../helpers/cli.js';

/** The vendored SARIF 2.1.0 schema is draft-04; ajv 8 reads it once `id` is `$id`. */
function sarifValidator() {
  const schema = JSON.parse(readFileSync(join(ROOT, 'vendor/schemas/sarif/sarif-schema-2.1.0.json'), 'utf8'));
  const { id, $schema: _draft, ...rest } = schema;
  const ajv = new Ajv({ strict: false, allErrors: true });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  return ajv.compile({ $id: id, ...rest });
}

// Two rule findings (a mutable tag, no logging section) and an environment to select.
const SPEC = `${DEMO_SPEC.replace('nginx:1.27.3', 'nginx:latest')}environments:\n  production: { replicas: 3 }\n`;

function workspace(): { root: string; app: string } {
  const root = mkdtempSync(join(tmpdir(), 'codegen-sarif-'));
  const app = join(root, 'deploy', 'app');
  mkdirSync(app, { recursive: true });
  writeFileSync(join(app, 'service.yaml'), SPEC);
  return { root, app };
}

type SarifRun = {
  tool: { driver: { name: string; version: string; semanticVersion: string; rules: { id: string; help?: { text: string; markdown: string } }[] } };
  automationDetails?: { id: string };
  results: { ruleId: string; partialFingerprints: Record<string, string>; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[];
};

async function sarif(args: string[], cwd: string, env?: Record<string, string>): Promise<SarifRun> {
  const r = await runCli(['validate', ...args, '--format', 'sarif'], cwd, env ? { env } : {});
  const log = JSON.parse(r.stdout);
  const validate = sarifValidator();
  expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  return log.runs[0];
}

describe('SARIF', () => {
  it('src/cli/rule-help.generated.ts is up to date with docs/rules (npm run gen:rule-help)', () => {
    expect(readFileSync(join(ROOT, RULE_HELP_FILE), 'utf8')).toBe(ruleHelpModule(ROOT));
  });

  it('names the tool version and carries every built-in rule\'s help from its docs page', async () => {
    const { app } = workspace();
    const run = await sarif(['service.yaml'], app);
    expect(run.tool.driver).toMatchObject({ name: 'codegen', version: pkg.version, semanticVersion: pkg.version });
    for (const rule of builtinRules) {
      const d = run.tool.driver.rules.find((x) => x.id === rule.id)!;
      const page = readFileSync(join(ROOT, 'docs/rules', `${rule.id}.md`), 'utf8');
      expect(d.help, rule.id).toBeDefined();
      expect(page).toContain(d.help!.markdown.split('\n')[0]!);
      expect(d.help!.markdown).toContain('## Rule details');
      expect(d.help!.text.length).toBeGreaterThan(40);
      expect(d.help!.text).not.toContain('```');
    }
  });

  it('automationDetails: one category per environment', async () => {
    const { app } = workspace();
    expect((await sarif(['service.yaml'], app)).automationDetails).toEqual({ id: 'codegen/' });
    expect((await sarif(['service.yaml', '--env', 'production'], app)).automationDetails).toEqual({ id: 'codegen/production/' });
  });

  it('partialFingerprints stay the same when the finding moves to another line, and differ between findings', async () => {
    const { app } = workspace();
    const before = await sarif(['service.yaml'], app);
    writeFileSync(join(app, 'service.yaml'), `# a comment\n# and another\n${SPEC}`);
    const after = await sarif(['service.yaml'], app);
    const key = (run: SarifRun) => run.results.map((r) => [r.ruleId, r.partialFingerprints['codegenSpecPath/v1']]);
    expect(before.results.length).toBeGreaterThanOrEqual(2);
    expect(key(after)).toEqual(key(before));
    expect(after.results.map((r) => r.locations[0]!.physicalLocation.region.startLine)).toEqual(before.results.map((r) => r.locations[0]!.physicalLocation.region.startLine + 2));
    const prints = key(before).map(([, p]) => p);
    expect(new Set(prints).size).toBe(prints.length);
    for (const p of prints) expect(p).toMatch(/^[0-9a-f]{32}:\d+$/);
  });

  it('--sarif FILE writes the log while the text report goes to the terminal', async () => {
    const { app } = workspace();
    const r = await runCli(['validate', 'service.yaml', '--sarif', 'codegen.sarif'], app);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning no-mutable-image-tag');
    const log = JSON.parse(readFileSync(join(app, 'codegen.sarif'), 'utf8'));
    expect(sarifValidator()(log)).toBe(true);
    expect(log.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toContain('no-mutable-image-tag');
  });

  it('under GitHub Actions, locations are relative to GITHUB_WORKSPACE', async () => {
    const { root, app } = workspace();
    const run = await sarif(['service.yaml'], app, { GITHUB_WORKSPACE: root });
    expect(run.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('deploy/app/service.yaml');
    const local = await sarif(['service.yaml'], app);
    expect(local.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('service.yaml');
  });
});

describe('GitHub annotations', () => {
  it('name files relative to GITHUB_WORKSPACE, whatever folder the run starts in', async () => {
    const { root, app } = workspace();
    const r = await runCli(['validate', 'service.yaml', '--format', 'github'], app, { env: { GITHUB_WORKSPACE: root } });
    expect(r.stdout).toMatch(/^::warning file=deploy\/app\/service\.yaml,line=4,col=8,.*title=no-mutable-image-tag::/m);
    // A file outside the workspace keeps its own path.
    const outside = await runCli(['validate', 'service.yaml', '--format', 'github'], app, { env: { GITHUB_WORKSPACE: join(root, 'elsewhere') } });
    expect(outside.stdout).toMatch(/^::warning file=service\.yaml,/m);
  });

  const finding = (i: number, severity: Diagnostic['severity']): Diagnostic => ({ code: `C${i}`, severity, message: `m${i}.`, source: 'rule', path: [], file: 's.yaml', line: i + 1, column: 1 });

  it(`say first, in a notice, when a kind has more than the ${GITHUB_ANNOTATIONS_PER_STEP} annotations GitHub shows per step`, () => {
    const many = [...Array.from({ length: 12 }, (_, i) => finding(i, 'warning')), ...Array.from({ length: 3 }, (_, i) => finding(20 + i, 'error'))];
    const out = formatGithub(many, { limitSummary: true }).split('\n');
    expect(out[0]).toBe(
      '::notice title=codegen::codegen found 3 errors, 12 warnings. GitHub shows at most 10 annotations of each kind per step, so 2 warnings appear only in this step\'s log (and in the SARIF report).',
    );
    expect(out.filter((l) => l.startsWith('::warning '))).toHaveLength(12); // all still printed, for the log
    const few = formatGithub(many.slice(0, 10), { limitSummary: true });
    expect(few).not.toContain('::notice');
    expect(few.split('\n').filter(Boolean)).toHaveLength(10);
  });

  it('the CLI adds the notice when a run has more findings than that', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'codegen-gh-'));
    for (let i = 0; i < 11; i++) writeFileSync(join(dir, `s${i}.yaml`), SPEC.replace('name: demo', `name: demo-${i}`));
    const r = await runCli(['validate', '.', '--format', 'github'], dir);
    expect(r.stdout.split('\n')[0]).toMatch(/^::notice title=codegen::codegen found \d+ warnings\. GitHub shows at most 10 annotations of each kind per step, so \d+ warnings appear only/);
  });
});
