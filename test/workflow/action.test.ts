/**
 * The repository's GitHub Action (action.yml): valid against the action metadata schema (vendored
 * from SchemaStore), and its steps' commands exercised here as the runner would run them: the
 * `run:` scripts with bash, in the step's working directory, with the step's `env:` and the runner's
 * GITHUB_OUTPUT / RUNNER_TEMP / GITHUB_WORKSPACE. The upload step is another action (`uses:`), so
 * what it would be given is checked instead: its SARIF file, valid against the SARIF schema.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixtures.js';
import { DEMO_SPEC, runCli } from '../helpers/cli.js';

interface Step {
  name: string;
  id?: string;
  if?: string;
  shell?: string;
  run?: string;
  uses?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
  'working-directory'?: string;
}
interface Action {
  inputs: Record<string, { default?: string; required?: boolean; description: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const ACTION_TEXT = readFileSync(join(ROOT, 'action.yml'), 'utf8');
const ACTION = parse(ACTION_TEXT) as Action;
const step = (id: string) => ACTION.runs.steps.find((s) => s.id === id || s.name === id)!;

/** `${{ inputs.x }}`, `${{ github.action_path }}` and `${{ steps.check.outputs.y }}`; any other expression fails the test. */
function expand(text: string, ctx: { inputs: Record<string, string>; outputs: Record<string, string> }): string {
  return text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => {
    let m = /^inputs\.([\w-]+)$/.exec(expr);
    if (m) return ctx.inputs[m[1]!] ?? ACTION.inputs[m[1]!]?.default ?? '';
    if (expr === 'github.action_path') return ROOT;
    m = /^steps\.check\.outputs\.([\w-]+)$/.exec(expr);
    if (m) return ctx.outputs[m[1]!] ?? '';
    throw new Error(`expression the test does not know: ${expr}`);
  });
}

/** Run a `run:` step as the runner does: bash -e, its env and working directory, GITHUB_OUTPUT collected. */
function runStep(s: Step, workspace: string, ctx: { inputs: Record<string, string>; outputs: Record<string, string> }, extraEnv: Record<string, string> = {}) {
  const outputFile = join(mkdtempSync(join(tmpdir(), 'codegen-gh-output-')), 'output');
  writeFileSync(outputFile, '');
  const runnerTemp = mkdtempSync(join(tmpdir(), 'codegen-runner-temp-'));
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', GITHUB_OUTPUT: outputFile, GITHUB_WORKSPACE: workspace, RUNNER_TEMP: runnerTemp, ...extraEnv };
  for (const [k, v] of Object.entries(s.env ?? {})) env[k] = expand(v, ctx);
  const cwd = join(workspace, expand(s['working-directory'] ?? '.', ctx));
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', s.run!], { cwd, env, encoding: 'utf8' });
  const outputs = Object.fromEntries(
    readFileSync(outputFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, outputs };
}

function sarifValidator() {
  const schema = JSON.parse(readFileSync(join(ROOT, 'vendor/schemas/sarif/sarif-schema-2.1.0.json'), 'utf8'));
  const { id, $schema: _draft, ...rest } = schema;
  const ajv = new Ajv({ strict: false, allErrors: true });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  return ajv.compile({ $id: id, ...rest });
}

/** A repository with a service under deploy/, its config and its generated output. */
async function repository(): Promise<string> {
  // The step would otherwise install the action's copy with `npm ci` into this checkout.
  expect(existsSync(join(ROOT, 'dist/cli.cjs')), 'npm run build first').toBe(true);
  const root = mkdtempSync(join(tmpdir(), 'codegen-action-'));
  const app = join(root, 'deploy');
  mkdirSync(join(app, 'services'), { recursive: true });
  writeFileSync(join(app, 'services', 'api.yaml'), DEMO_SPEC.replace('name: demo', 'name: api'));
  writeFileSync(join(app, 'codegen.config.json'), '{ "specs": ["services/*.yaml"], "out": "out" }\n');
  expect((await runCli(['generate'], app)).code).toBe(0);
  return root;
}

describe('action.yml', () => {
  it('is valid action metadata (SchemaStore github-action.json, draft-07)', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'vendor/schemas/github-action/github-action.json'), 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    expect(validate(ACTION), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    // The check can fail: a composite step without `shell` is rejected.
    const broken = structuredClone(ACTION) as unknown as { runs: { steps: Record<string, unknown>[] } };
    delete broken.runs.steps[0]!.shell;
    expect(validate(broken)).toBe(false);
  });

  it('is composite, and no run: script interpolates an input (they arrive through env)', () => {
    expect(ACTION.runs.using).toBe('composite');
    for (const s of ACTION.runs.steps) if (s.run) expect(s.run, s.name).not.toMatch(/\$\{\{/);
    expect(step('check').run).toContain('generate --check');
    expect(step('check').run).toContain('--sarif');
  });

  it('uploads the SARIF report with github/codeql-action/upload-sarif@v4, even after a failed check', () => {
    const upload = ACTION.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    expect(upload.uses).toBe('github/codeql-action/upload-sarif@v4');
    expect(upload.with).toEqual({ sarif_file: '${{ steps.check.outputs.sarif-file }}', category: '${{ inputs.category }}' });
    expect(upload.if).toContain('always()');
    expect(upload.if).toContain("inputs.upload-sarif == 'true'");
  });

  it('check step, output up to date: exit-code 0, a valid SARIF report', async () => {
    const root = await repository();
    const r = runStep(step('check'), root, { inputs: { 'working-directory': 'deploy' }, outputs: {} });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('from the action');
    expect(r.outputs['exit-code']).toBe('0');
    const log = JSON.parse(readFileSync(r.outputs['sarif-file']!, 'utf8'));
    expect(sarifValidator()(log)).toBe(true);
    expect(log.runs[0].results.filter((x: { level: string }) => x.level === 'error')).toEqual([]);
    const fail = runStep(step('Fail when the check failed'), root, { inputs: {}, outputs: r.outputs });
    expect(fail.status).toBe(0); // its `if:` skips it; run anyway, exit 0 passes through
  });

  it('check step, stale output: annotations on the workspace path, exit-code 1, and the last step fails', async () => {
    const root = await repository();
    writeFileSync(join(root, 'deploy/services/api.yaml'), DEMO_SPEC.replace('name: demo', 'name: api').replace('port: 8080', 'port: 9090'));
    const r = runStep(step('check'), root, { inputs: { 'working-directory': 'deploy', args: 'services/*.yaml' }, outputs: {} });
    expect(r.status, r.stderr).toBe(0); // the step itself succeeds so the upload can run
    expect(r.outputs['exit-code']).toBe('1');
    expect(r.stdout).toMatch(/^::error file=deploy\/out\/api\/ecs\/task-definition\.json,title=OUTPUT_STALE::/m);
    const log = JSON.parse(readFileSync(r.outputs['sarif-file']!, 'utf8'));
    expect(log.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toContain('OUTPUT_STALE');
    const uris = log.runs[0].results.filter((x: { ruleId: string }) => x.ruleId === 'OUTPUT_STALE').map((x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => x.locations[0]!.physicalLocation.artifactLocation.uri);
    expect(uris).toContain('deploy/out/api/ecs/task-definition.json');
    const fail = runStep(step('Fail when the check failed'), root, { inputs: {}, outputs: r.outputs });
    expect(fail.status).toBe(1);
    expect(fail.stderr).toContain('exited with 1');
  });

  it('check step, a usage error: exit-code 2, no report to upload, the last step fails with 2', async () => {
    const root = await repository();
    const r = runStep(step('check'), root, { inputs: { 'working-directory': 'deploy', args: '--target k8s' }, outputs: {} });
    expect(r.outputs['exit-code']).toBe('2');
    expect(r.outputs['sarif-file']).toBeUndefined();
    expect(r.stderr).toContain('did you mean "kubernetes"?');
    expect(runStep(step('Fail when the check failed'), root, { inputs: {}, outputs: r.outputs }).status).toBe(2);
  });

  it('check step runs codegen with one malloc arena, unless the workflow set MALLOC_ARENA_MAX', async () => {
    const root = await repository();
    // A preloaded probe writes the environment codegen's own process sees.
    const probe = join(root, 'probe.cjs');
    const seen = join(root, 'seen.txt');
    writeFileSync(probe, `require('node:fs').appendFileSync(${JSON.stringify(seen)}, String(process.env.MALLOC_ARENA_MAX) + '\\n');\n`);
    const ctx = { inputs: { 'working-directory': 'deploy' }, outputs: {} };
    /** What the last node process of the step (the check itself) saw. */
    const check = (env: Record<string, string>) => {
      writeFileSync(seen, '');
      expect(runStep(step('check'), root, ctx, { NODE_OPTIONS: `--require ${probe}`, ...env }).outputs['exit-code']).toBe('0');
      return readFileSync(seen, 'utf8').trim().split('\n').at(-1);
    };
    expect(check({})).toBe('1');
    expect(check({ MALLOC_ARENA_MAX: '4' })).toBe('4');
  });

  it('check step runs the repository\'s own svcgen when it installs one', async () => {
    const root = await repository();
    mkdirSync(join(root, 'deploy/node_modules'), { recursive: true });
    symlinkSync(ROOT, join(root, 'deploy/node_modules/svcgen'), 'dir');
    const r = runStep(step('check'), root, { inputs: { 'working-directory': 'deploy' }, outputs: {} });
    expect(r.outputs['exit-code'], r.stderr).toBe('0');
    expect(r.stdout).toContain("from this repository's svcgen");
    expect(existsSync(r.outputs['sarif-file']!)).toBe(true);
  });
});
