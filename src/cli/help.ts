/**
 * The text of `codegen --help` and of `codegen COMMAND --help`, from one table: each command's
 * usage, what it does, the options it takes and examples. main.ts uses the same table to refuse an
 * option that does not belong to the command and to suggest the command or option meant.
 */
import pkg from '../../package.json' with { type: 'json' };
import { TARGETS } from '../model/types.js';

/** One option: the flags as shown, and what it does (continuation lines are indented by the printer). */
interface OptionHelp {
  flags: string;
  text: string;
}

export const OPTIONS = {
  out: { flags: '-o, --out DIR', text: 'Output folder (default: out, or the config\'s "out")' },
  target: { flags: '-t, --target T,...', text: `Targets to compile: ${TARGETS.join(', ')},\nor a plugin's or template's target (default: those the spec enables)` },
  env: { flags: '-e, --env NAME', text: 'Apply the environments.NAME overlay' },
  'all-envs': { flags: '--all-envs', text: 'Every environment side by side: the base in DIR/<service>/, each environment\nin DIR/<service>/environments/<env>/ (kustomize overlay, CloudFormation\nparameter values; see docs/environments.md)' },
  set: { flags: '--set KEY=VALUE', text: 'A deploy-time value for this run, without editing the spec (repeatable):\nimage, sidecars.<name>.image, replicas, env.<NAME>, parameters.<Name>.default\n(see docs/parameters.md)' },
  check: { flags: '--check', text: 'Compare DIR with what would be written; write nothing (exit 1 when stale)' },
  prune: { flags: '--prune', text: 'Remove files under DIR/<service>/ that are no longer generated' },
  stdout: { flags: '--stdout', text: 'Write every artifact to standard output as one YAML stream instead of DIR\n(`---` and `# Source: <service>/<file>` before each document; see docs/cli.md)' },
  'no-verify': { flags: '--no-verify', text: 'Skip checking every artifact against the targets\' bundled schemas\n(on by default: a violation is an error and nothing is written)' },
  verify: { flags: '--verify', text: 'Check every artifact against the targets\' bundled schemas (the default)' },
  cache: { flags: '--cache', text: 'Skip compiling specs that did not change and whose files are intact\n(generate and --check; not with plugins or templates)' },
  'cache-location': { flags: '--cache-location FILE', text: 'Where --cache keeps its record (default: .codegen-cache)' },
  concurrency: { flags: '--concurrency N|auto|off', text: 'Compile the specs in N worker threads; the output is that of one thread (auto,\nthe default: one per two processors and per 50 specs, at least two or none;\nnot with plugins, templates, --cache or --stdout)' },
  format: { flags: '-f, --format FMT', text: 'Diagnostics as text (default, with code frames, on stderr), json, github\n(workflow annotations) or sarif (SARIF 2.1.0); json, github and sarif go to stdout' },
  sarif: { flags: '--sarif FILE', text: 'Also write the diagnostics as a SARIF 2.1.0 log to FILE (for code scanning),\nwhatever --format prints' },
  'max-warnings': { flags: '--max-warnings N', text: 'Fail (exit 1, write nothing) when there are more than N warnings' },
  quiet: { flags: '-q, --quiet', text: 'Print errors only (no warnings, no summary)' },
  verbose: { flags: '--verbose', text: 'Also print info diagnostics (such as Fargate size rounding)' },
  config: { flags: '-c, --config FILE', text: 'Use this config file instead of searching for one' },
  force: { flags: '--force', text: 'Replace files that exist' },
  name: { flags: '--name NAME', text: 'Service name (default: from the folder name)' },
  parameter: { flags: '--parameter KEY=VALUE', text: 'import: the value of a CloudFormation parameter, used over its Default\n(repeatable)' },
  exact: { flags: '--exact', text: 'import: keep what the spec cannot say (fields without a form, values\ncodegen writes otherwise, key order) as spec patches, so the spec generates\nthe inputs as written; each field so kept is reported (not for compose)' },
  help: { flags: '-h, --help', text: 'Show help (for a command: codegen COMMAND --help)' },
  version: { flags: '-v, --version', text: 'Show the version' },
} satisfies Record<string, OptionHelp>;

export type OptionName = keyof typeof OPTIONS;

interface CommandHelp {
  usage: string;
  summary: string;
  description: string;
  options: readonly OptionName[];
  /** What an option means for this command, where that differs from OPTIONS. */
  optionHelp?: Partial<Record<OptionName, OptionHelp>>;
  examples: readonly (readonly [command: string, what: string])[];
}

const REPORTING = ['format', 'sarif', 'max-warnings', 'quiet', 'verbose', 'config', 'concurrency'] as const;

const SPECS = `SPEC is a spec file, - (read from standard input, named <stdin> in diagnostics), a folder
(every .yaml, .yml and .json file under it that declares \`apiVersion: codegen/...\`) or a glob
('services/**/*.yaml', quoted so the shell leaves it alone). With no SPEC, the specs come from
the config file (codegen.config.mjs, .js or .json, found from the working directory upward).`;

export const COMMANDS = {
  generate: {
    usage: 'codegen generate [SPEC...] [--out DIR | --stdout] [--target T,...] [--env NAME | --all-envs] [--set KEY=VALUE] [--check] [--prune] [--cache] [--no-verify]',
    summary: 'Validate specs and write every artifact under DIR/<service>/',
    description: `Validate each SPEC (schema, model, best-practice rules), compile it for its targets, check
every artifact against the targets' schemas, and write the files under DIR/<service>/ — all of them
or none: nothing is written while an error remains. A spec with \`kind: Platform\` compiles to
DIR/<platform>/platform.cfn.yaml.

${SPECS}`,
    options: ['out', 'stdout', 'target', 'env', 'all-envs', 'set', 'check', 'prune', 'cache', 'cache-location', 'no-verify', 'verify', ...REPORTING],
    examples: [
      ['codegen generate', 'the specs and output folder the config names'],
      ['codegen generate service.yaml --out deploy', 'one spec into deploy/<service>/'],
      ["codegen generate 'services/**/*.yaml' --env production", 'every spec the glob matches, with the production overlay'],
      ['codegen generate --check', 'in CI or a pre-commit hook: exit 1 when committed output is stale'],
      ['codegen generate --all-envs', 'every environment side by side (DIR/<service>/environments/<env>/)'],
      ['codegen generate service.yaml --set image=repo/app:$GIT_SHA --out deploy', 'this commit\'s image, without editing the spec'],
      ['codegen generate service.yaml --target kubernetes --stdout | kubectl apply -f -', 'apply without writing files'],
      ['cat service.yaml | codegen generate - --stdout', 'the spec from a pipe, the artifacts to one'],
    ],
  },
  validate: {
    usage: 'codegen validate [SPEC...] [--env NAME | --all-envs] [--set KEY=VALUE] [--target T,...] [--max-warnings N]',
    summary: 'Check specs (schema, model, rules) without writing',
    description: `Check each SPEC against the schema, the model and the best-practice rules, and every artifact
against the targets' schemas; write nothing.

${SPECS}`,
    options: ['target', 'env', 'all-envs', 'set', 'no-verify', 'verify', ...REPORTING],
    examples: [
      ['codegen validate services/', 'every spec in a folder'],
      ['codegen validate service.yaml --env production', 'with the production overlay'],
      ['codegen validate --format sarif > codegen.sarif', 'a SARIF log for code scanning'],
      ['codegen validate --max-warnings 0', 'warnings fail the run too'],
    ],
  },
  verify: {
    usage: 'codegen verify [SPEC...] [--target T,...] [--env NAME | --all-envs] [--set KEY=VALUE]',
    summary: "Compile specs and check every artifact against the targets' schemas",
    description: `Compile each SPEC and check every artifact against the targets' bundled schemas (Kubernetes,
CloudFormation, the ECS task definition, Copilot, kustomize); write nothing.

${SPECS}`,
    options: ['target', 'env', 'all-envs', 'set', ...REPORTING],
    examples: [
      ['codegen verify service.yaml', 'all targets the spec enables'],
      ['codegen verify service.yaml --target ecs', 'only the ECS artifacts'],
    ],
  },
  diff: {
    usage: 'codegen diff [SPEC...] [--out DIR] [--target T,...] [--env NAME | --all-envs] [--set KEY=VALUE] [--format text|json]',
    summary: 'Show what generate would change in DIR',
    description: `Show what generate would change in DIR, per file: JSON-pointer paths with the value on disk →
the generated value (multi-document YAML by #index, text by line), and new and extra files.
Writes nothing; exits 1 when anything differs.

${SPECS}`,
    options: ['out', 'target', 'env', 'all-envs', 'set', 'no-verify', 'verify', 'format', 'quiet', 'verbose', 'config', 'concurrency'],
    examples: [
      ['codegen diff', 'after editing a spec, before generate'],
      ['codegen diff service.yaml --format json', 'the differences as data'],
    ],
  },
  init: {
    usage: 'codegen init [--name NAME] [--force]',
    summary: 'Write a starter service.yaml and codegen.config.json',
    description: `Write a starter spec (deployable as written, with the editor schema modeline) and a config in
the current folder, and add .codegen-cache to .gitignore. Never overwrites a file without --force.`,
    options: ['name', 'force'],
    examples: [
      ['npx codegen init', 'in your repository, after npm i -D svcgen: a starter spec and config'],
      ['codegen init --name payments', 'with a service name of your choice'],
    ],
  },
  import: {
    usage: 'codegen import KIND FILE|DIR|-... [--out PATH] [--force] [--name NAME] [--parameter KEY=VALUE]... [--exact]',
    summary: 'Turn existing manifests into specs',
    description: `Turn what runs today into specs. KIND: kubernetes, ecs, copilot, compose, appmesh (Kubernetes
manifests, ECS task definitions and templates, Copilot manifests, Compose files, App Mesh); - reads
standard input (named <stdin> in diagnostics). Every field not carried is reported at its
file:line:column. Prints to stdout, or writes --out (a file,
or a folder for several specs) atomically, never replacing a file without --force.`,
    options: ['out', 'force', 'name', 'parameter', 'exact', 'format', 'quiet', 'verbose'],
    optionHelp: {
      out: { flags: '-o, --out PATH', text: 'Write the spec to PATH, or several specs to PATH/<name>.yaml\n(default: print them to standard output)' },
      name: { flags: '--name NAME', text: 'Service name of the imported spec (default: from the input:\nthe Copilot name, the ECS service name or task family, ...)' },
    },
    examples: [
      ['codegen import kubernetes k8s/ --out service.yaml', 'a folder of manifests into one spec'],
      ['kubectl get deploy,svc,hpa -o yaml | codegen import kubernetes -', 'what a cluster runs, from standard input'],
      ['codegen import appmesh mesh.cfn.yaml --parameter ProjectName=shop', 'App Mesh objects into targets.appmesh, with the Service Connect equivalent'],
      ['codegen import copilot copilot/api/manifest.yml', 'print the spec of a Copilot service'],
      ['codegen import ecs service.cfn.yaml task-definition.json --exact', 'a spec whose patches keep what it cannot say, so it generates both files as written'],
    ],
  },
  graph: {
    usage: 'codegen graph [SPEC...] [--env NAME] [--set KEY=VALUE] [--target T,...] [--format mermaid|svg] [--out FILE]',
    summary: 'Draw what the generated files deploy and how traffic flows (Mermaid or SVG)',
    description: `Compile each SPEC as generate would (overlay, targets, patches, verification) and draw what the
files create, one panel per service and target: load balancer, listeners and rules, target groups
(blue and green), the service, the task or pods with their containers and sidecars, autoscaling,
CodeDeploy, Service Connect, App Mesh and Cloud Map. Mermaid text (GitHub renders it) or a
standalone SVG, on stdout or in FILE; nothing is drawn while an error remains. See docs/graph.md.

${SPECS}`,
    options: ['out', 'format', 'target', 'env', 'set', 'no-verify', 'verify', 'quiet', 'verbose', 'config'],
    optionHelp: {
      out: { flags: '-o, --out FILE', text: 'Write the picture to FILE (atomically) instead of stdout; a .md FILE gets\nthe Mermaid text inside a ```mermaid fence' },
      format: { flags: '-f, --format FMT', text: 'mermaid (default) or svg; an --out FILE ending in .svg means svg' },
    },
    examples: [
      ['codegen graph service.yaml', 'Mermaid text on stdout, to paste into a Markdown file'],
      ['codegen graph service.yaml --env production --out docs/deploy.svg', 'an SVG of the production overlay'],
      ["codegen graph 'services/*.yaml' --target ecs", 'every service, ECS panels only'],
    ],
  },
} satisfies Record<string, CommandHelp>;

export type CommandName = keyof typeof COMMANDS;
export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];

const EXIT_CODES = `Exit codes:
  0  ok
  1  a spec or config has an error; output is stale (--check); diff found a difference;
     more warnings than --max-warnings
  2  usage error: unknown command, option or target, a missing or contradicting argument`;

function optionLines(names: readonly OptionName[], own: Partial<Record<OptionName, OptionHelp>> = {}): string {
  const help = (n: OptionName): OptionHelp => own[n] ?? OPTIONS[n];
  // Long-only options line up under the long names of `-x, --name` options.
  const shown = names.map((n) => (help(n).flags.startsWith('--') ? `    ${help(n).flags}` : help(n).flags));
  const width = Math.max(...shown.map((f) => f.length)) + 2;
  return names
    .map((n, i) => {
      const [first, ...rest] = help(n).text.split('\n');
      return [`  ${shown[i]!.padEnd(width)}${first}`, ...rest.map((r) => `  ${' '.repeat(width)}${r}`)].join('\n');
    })
    .join('\n');
}

/** `codegen --help`. */
export function generalHelp(): string {
  const width = Math.max(...COMMAND_NAMES.map((c) => c.length)) + 3;
  return `codegen ${pkg.version} — compile a service spec into deployment artifacts

Usage:
${COMMAND_NAMES.map((c) => `  ${COMMANDS[c].usage}`).join('\n')}
  codegen COMMAND --help | codegen help COMMAND
  codegen --version

Commands:
${COMMAND_NAMES.map((c) => `  ${c.padEnd(width)}${COMMANDS[c].summary}`).join('\n')}

${SPECS}

Options (each command lists its own with codegen COMMAND --help):
${optionLines(['out', 'stdout', 'target', 'env', 'check', 'format', 'quiet', 'config', 'help', 'version'])}

${EXIT_CODES}

Add it to your repository: npm i -D svcgen
Then: npx codegen init, npx codegen generate. Docs: docs/cli.md in the package.
`;
}

/** `codegen COMMAND --help`. */
export function commandHelp(name: CommandName): string {
  const c: CommandHelp = COMMANDS[name];
  const examples = c.examples.map(([cmd, what]) => `  # ${what}\n  ${cmd}`);
  return `Usage: ${c.usage}

${c.description}

Options:
${optionLines([...c.options, 'help'], c.optionHelp)}

Examples:
${examples.join('\n\n')}

${EXIT_CODES}
`;
}
