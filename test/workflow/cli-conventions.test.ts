/**
 * CLI conventions: per-command help with that command's options and examples, did-you-mean for
 * commands, options, targets and environments, exit 2 for usage errors and 1 for spec errors.
 */
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, COMMANDS, OPTIONS } from '../../src/cli/help.js';
import { DEMO_SPEC, runCli, specWorkspace } from '../helpers/cli.js';

const ENV_SPEC = `${DEMO_SPEC}environments:\n  staging: { replicas: 1 }\n  production: { replicas: 3 }\n`;

describe('help', () => {
  it('each command has its own --help: usage, its options (and no other), examples, exit codes', async () => {
    const dir = specWorkspace();
    for (const name of COMMAND_NAMES) {
      const r = await runCli([name, '--help'], dir);
      expect(r.code).toBe(0);
      expect(r.stdout.startsWith(`Usage: codegen ${name}`)).toBe(true);
      const own = new Set<string>([...COMMANDS[name].options, 'help']);
      for (const [option, general] of Object.entries(OPTIONS)) {
        // A command may word an option its own way (graph's --out FILE and --format mermaid|svg).
        const o = (COMMANDS[name] as { optionHelp?: Record<string, { flags: string }> }).optionHelp?.[option] ?? general;
        const listed = new RegExp(`^ {2}(?: {4})?${o.flags.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `, 'm').test(r.stdout);
        expect(listed, `${name} --help lists ${o.flags}: ${own.has(option)}`).toBe(own.has(option));
      }
      expect(r.stdout).toMatch(/\nExamples:\n {2}# .+\n {2}(npx codegen|codegen|cat) /);
      expect(r.stdout).toContain('2  usage error');
      // `codegen help NAME` prints the same.
      expect((await runCli(['help', name], dir)).stdout).toBe(r.stdout);
    }
  });

  it('the general help lists every command and points to the per-command help', async () => {
    const r = await runCli(['--help'], specWorkspace());
    for (const name of COMMAND_NAMES) expect(r.stdout).toContain(`  ${COMMANDS[name].usage}`);
    expect(r.stdout).toContain('codegen COMMAND --help');
    expect(r.stdout).toContain('npm i -D svcgen');
    expect((await runCli([], specWorkspace())).code).toBe(2);
  });

  it('every option belongs to at least one command', () => {
    const used = new Set<string>(COMMAND_NAMES.flatMap((c) => COMMANDS[c].options));
    expect(Object.keys(OPTIONS).filter((o) => !used.has(o) && o !== 'help' && o !== 'version')).toEqual([]);
  });
});

describe('usage errors exit 2, with the thing meant', () => {
  const cases: [string[], string][] = [
    [['genrate'], 'Unknown command "genrate" (did you mean "generate"?); commands are generate, validate, verify, diff, init, import, graph.'],
    [['valdiate', 'service.yaml'], 'Unknown command "valdiate" (did you mean "validate"?)'],
    [['help', 'gen'], 'Unknown command "gen" (did you mean "generate"?)'],
    [['generate', '--tagret', 'ecs'], 'Unknown option "--tagret" for generate (did you mean "--target"?).'],
    [['generate', '--chekc'], 'Unknown option "--chekc" for generate (did you mean "--check"?).'],
    [['validate', '--prune'], '--prune is not an option of validate.'],
    [['init', '--target', 'ecs'], '--target is not an option of init.'],
    [['generate', 'service.yaml', '--target', 'k8s'], 'Unknown target "k8s" (did you mean "kubernetes"?); targets are ecs, kubernetes, appmesh, copilot.'],
    [['validate', 'service.yaml', '-t', 'ecs,copilt'], 'Unknown target "copilt" (did you mean "copilot"?)'],
    [['generate', 'service.yaml', '--target', 'nomad'], 'Unknown target "nomad"; targets are ecs, kubernetes, appmesh, copilot.'],
    [['generate', 'missing.yaml'], 'No such file: missing.yaml'],
  ];
  for (const [args, message] of cases) {
    it(`codegen ${args.join(' ')}`, async () => {
      const r = await runCli(args, specWorkspace());
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`codegen: ${message}`);
      expect(r.stderr).toMatch(/Run 'codegen (\w+ )?--help' for usage\.\n$/);
      expect(r.stdout).toBe('');
    });
  }

  it('the help a usage error points to is the command\'s', async () => {
    expect((await runCli(['generate', '--nope'], specWorkspace())).stderr).toContain("Run 'codegen generate --help'");
    expect((await runCli(['nope'], specWorkspace())).stderr).toContain("Run 'codegen --help'");
  });

  it('a target a config plugin or template adds is known', async () => {
    const dir = specWorkspace(DEMO_SPEC, { 'codegen.config.json': '{ "specs": ["service.yaml"], "templates": ["runbook"] }\n' });
    expect((await runCli(['generate', '--target', 'runbook'], dir)).code).toBe(0);
    const r = await runCli(['generate', '--target', 'runbok'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown target "runbok" (did you mean "runbook"?); targets are ecs, kubernetes, appmesh, copilot, runbook.');
  });
});

describe('spec errors exit 1', () => {
  it('an --env no spec defines: the environments it does define, and the closest', async () => {
    const dir = specWorkspace(ENV_SPEC);
    const r = await runCli(['validate', 'service.yaml', '--env', 'prod'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error UNKNOWN_ENVIRONMENT environments: No environment "prod" in the spec; it defines "staging", "production". (did you mean --env production?)');
    expect((await runCli(['validate', 'service.yaml', '--env', 'production'], dir)).code).toBe(0);
  });

  it('a schema error is exit 1 and names the key meant', async () => {
    const r = await runCli(['validate', 'service.yaml'], specWorkspace(DEMO_SPEC.replace('  ecs:', '  k8s: {}\n  ecs:')));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('SCHEMA_UNKNOWN_KEY targets.k8s: Unknown key "k8s". (did you mean "kubernetes"?)');
  });
});

describe('documentation', () => {
  it('docs/cli.md documents the three exit codes and the README links it', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { ROOT } = await import('../helpers/fixtures.js');
    const doc = readFileSync(join(ROOT, 'docs/cli.md'), 'utf8');
    for (const code of ['0', '1', '2']) expect(doc).toMatch(new RegExp(`^\\| ${code} \\| \\S`, 'm'));
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain('(docs/cli.md)');
  });
});
