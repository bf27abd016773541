/**
 * The JSON Schema of `codegen.config.{mjs,js,json}`; shipped as `schema/config.schema.json`
 * (`test/config.test.ts` keeps the file in sync) for editors and validated with ajv on load.
 */
import { arr, map, obj, oneOf, str, type JsonSchema } from '../schema/dsl.js';

export const CONFIG_SCHEMA_ID = 'https://codegen.dev/schema/config/v1.json';

const templateEntry = oneOf('A template emitter: `runbook` (built in) or a template file and where its output goes.', [
  { type: 'string', enum: ['runbook'], description: 'A built-in template emitter.' },
  obj(
    'A Handlebars template rendered once per service.',
    {
      template: str('Template file, relative to the config file.', { minLength: 1 }),
      output: str('Output path under the service folder, e.g. `docs/README.md`; `.yaml`, `.yml` and `.json` output must parse.', { minLength: 1 }),
      name: str('Emitter name (default `<target>:<output>`).'),
      target: str('Target the emitter belongs to (default `templates`); `--target` selects by it.', { pattern: '^[a-z][a-z0-9-]*$' }),
      description: str('One line for listings.'),
    },
    ['template', 'output'],
  ),
]);

export const CONFIG_SCHEMA: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: CONFIG_SCHEMA_ID,
  title: 'codegen config',
  description: 'Project settings for the codegen CLI: `codegen.config.mjs`, `.js` or `.json`, found from the working directory upward. Paths are relative to the config file.',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: str('JSON Schema reference for editors; ignored by codegen.'),
    specs: arr('Spec files to compile when the command line names none: paths or globs (`*`, `**`, `?`, `{a,b}`); a leading `!` excludes.', { type: 'string', minLength: 1, description: 'Path or glob.' }),
    out: str('Output folder (default `out`).', { minLength: 1 }),
    targets: arr('Targets to generate (default: those each spec enables); plugin and template targets are allowed.', { type: 'string', description: 'Target name.' }),
    env: str('Environment overlay to apply (`environments.<env>` of each spec).'),
    allEnvironments: { type: 'boolean', description: 'Write every environment side by side (`--all-envs`): the base in `<service>/`, each environment in `<service>/environments/<env>/` (docs/environments.md). Takes precedence over `env`.' },
    rules: map('Rule settings, passed to the rule engine as given: rule id → severity (`off`, `warning`, `error`) or `[severity, options]`.', { description: 'Severity or [severity, options].' }),
    plugins: arr('Plugin modules (relative paths or package names) exporting emitters (`defineEmitter`) and rules (`defineRule`).', { type: 'string', minLength: 1, description: 'Module.' }),
    templates: arr('Handlebars template emitters.', templateEntry),
    patches: arr('JSON Patch files (YAML or JSON lists of patches, same shape as the spec `patches`), applied after the spec\'s own patches.', { type: 'string', minLength: 1, description: 'Patch file.' }),
    acknowledgedDeprecations: arr('Warning codes the project has acknowledged (for example a legacy target\'s end-of-support warning); they are no longer reported.', { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$', description: 'Diagnostic code.' }),
  },
};
