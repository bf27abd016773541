/**
 * The first five minutes: the README's quick start shows several targets and generates with no
 * warning, and the example config in docs/extending.md (with the plugin example beside it) runs as
 * written. Both are read from the documents themselves, so an edit that breaks them fails here.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixtures.js';
import { DEMO_SPEC, runCli } from '../helpers/cli.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const EXTENDING = readFileSync(join(ROOT, 'docs/extending.md'), 'utf8');

/** The first fenced block of `lang` after `heading`. */
function block(text: string, heading: string, lang: string, startsWith = ''): string {
  const from = text.indexOf(heading);
  expect(from, heading).toBeGreaterThanOrEqual(0);
  const re = new RegExp(`\`\`\`${lang}\\n(${startsWith.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}[\\s\\S]*?)\`\`\``, 'g');
  re.lastIndex = from;
  const m = re.exec(text);
  expect(m, `${lang} block after ${heading}`).not.toBeNull();
  return m![1]!;
}

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'codegen-5min-'));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

describe('README quick start', () => {
  it('generates several targets with no warning', async () => {
    const sh = block(README, '## Quick start', 'sh');
    const m = /npx codegen generate (\S+) --out out/.exec(sh);
    expect(m, sh).not.toBeNull();
    const out = mkdtempSync(join(tmpdir(), 'codegen-quick-start-'));
    const r = await runCli(['generate', m![1]!, '--out', out], ROOT);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/ (warning|error) /);
    // One service folder (and the output folder's manifest of what codegen wrote).
    const service = readdirSync(out).filter((n) => n !== '.codegen-manifest.json');
    expect(service).toHaveLength(1);
    expect(readdirSync(join(out, service[0]!)).length).toBeGreaterThanOrEqual(2);
  });
});

describe('docs/extending.md', () => {
  const config = block(EXTENDING, '## Config file', 'json');
  const plugin = block(EXTENDING, '## Plugins', 'js', '// codegen/network-policy.mjs');
  const SPEC = DEMO_SPEC.replace('name: demo', 'name: api').replace('targets:', 'targets:\n  kubernetes: {}') + 'environments:\n  production: { replicas: 3 }\n';

  const project = () => {
    const dir = tree({
      'codegen.config.json': config,
      'codegen/network-policy.mjs': plugin,
      'codegen/settings.yaml.hbs': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{name}}-settings\ndata:\n  region: {{region}}\n',
      'codegen/patches.yaml': '- target: ecs\n  file: ecs/task-definition.json\n  ops:\n    - { op: add, path: /ephemeralStorage, value: { sizeInGiB: 30 } }\n',
      'services/api/service.yaml': SPEC,
      'services/legacy/service.yaml': 'not: a spec\n', // excluded by the config's "!services/legacy/**"
    });
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(ROOT, join(dir, 'node_modules/svcgen'), 'dir'); // the plugin imports 'svcgen'
    return dir;
  };

  it('the example config runs as written, with the plugin example and a template and patch file', async () => {
    const dir = project();
    const r = await runCli(['generate'], dir);
    expect(r.code, r.stderr).toBe(0);
    const files = readdirSync(join(dir, 'deploy/api'), { recursive: true }).map(String).sort();
    expect(files).toEqual(expect.arrayContaining(['ecs/task-definition.json', 'kubernetes/deployment.yaml', 'kubernetes/network-policy.yaml', 'kubernetes/settings.yaml', 'runbook/README.md']));
    expect(JSON.parse(readFileSync(join(dir, 'deploy/api/ecs/task-definition.json'), 'utf8')).ephemeralStorage).toEqual({ sizeInGiB: 30 });
    expect(readFileSync(join(dir, 'deploy/api/kubernetes/deployment.yaml'), 'utf8')).toMatch(/replicas: 3/); // env: production
    expect(readFileSync(join(dir, 'deploy/api/kubernetes/network-policy.yaml'), 'utf8')).toContain('port: 8080');
  });

  it('a rule that does not exist in that config is an error (the check the old example failed)', async () => {
    const dir = project();
    writeFileSync(join(dir, 'codegen.config.json'), config.replace('"no-mutable-image-tag"', '"no-latest-image"'));
    const r = await runCli(['validate'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no-latest-image');
  });
});
