/**
 * Handlebars template emitters: a template + output path becomes an emitter like the built-ins.
 * Handlebars is imported only when a template is used (the CLI never loads it otherwise). Each
 * template gets its own isolated Handlebars environment: strict mode (a missing field is an error
 * with the template's line), no HTML escaping, no prototype access, and a fixed set of helpers.
 * Output ending in .yaml/.yml/.json must parse; it then becomes data (canonical serialization,
 * patchable), anything else is a text artifact.
 */
import type HandlebarsNamespace from 'handlebars';
import { yamlLibrary } from '../core/lazy-yaml.js';
import { DiagnosticError, type Diagnostic } from '../core/diagnostics.js';
import type { Artifact, JsonObject } from '../core/serialize.js';
import type { ServiceModel } from '../model/types.js';
import type { EmitContext, Emitter } from '../emitters/types.js';

export type Handlebars = typeof HandlebarsNamespace;

let loading: Promise<Handlebars> | undefined;

/** Import Handlebars once, on first use. */
export function loadHandlebars(): Promise<Handlebars> {
  loading ??= import('handlebars').then((m) => ((m as { default?: Handlebars }).default ?? (m as unknown as Handlebars)));
  return loading;
}

export interface TemplateEmitterOptions {
  /** Emitter name, `target:artifact` (default `<target>:<output>`). */
  name?: string;
  /** Target the emitter belongs to (default `templates`); `--target` selects by it. */
  target?: string;
  description?: string;
  /** The template text. */
  template: string;
  /** Where the template came from, for diagnostics (relative to the working directory). */
  templateFile: string;
  /** Output path under the service folder, e.g. `docs/README.md`. */
  output: string;
  /** Artifact kind (default `template`). */
  kind?: string;
  /** Build the template's root context (default: the model as plain data). */
  view?: (model: ServiceModel, ctx: EmitContext) => unknown;
}

/** The model as plain JSON data: no functions, no shared references, nothing from a prototype. */
export function plainModel(model: ServiceModel): JsonObject {
  return JSON.parse(JSON.stringify(model)) as JsonObject;
}

const isMissing = (v: unknown) => v === undefined || v === null || v === '';

/** A Handlebars environment with codegen's helpers; nothing global is touched. */
export function createEnvironment(hb: Handlebars): Handlebars {
  const env = hb.create();
  env.registerHelper({
    json: (value: unknown, options: { hash?: { indent?: number } }) => JSON.stringify(value ?? null, null, options?.hash?.indent ?? 0),
    yaml: (value: unknown) => yamlLibrary().stringify(value ?? null, { lineWidth: 0, aliasDuplicateObjects: false }).replace(/\n$/, ''),
    indent: (width: unknown, text: unknown) => {
      const pad = ' '.repeat(Math.max(0, Number(width) || 0));
      return String(text ?? '')
        .split('\n')
        .map((l) => (l ? pad + l : l))
        .join('\n');
    },
    upper: (s: unknown) => String(s ?? '').toUpperCase(),
    lower: (s: unknown) => String(s ?? '').toLowerCase(),
    default: (value: unknown, fallback: unknown) => (isMissing(value) ? fallback : value),
  });
  return env;
}

/** An emitter that renders one template per service. */
export function createTemplateEmitter(hb: Handlebars, o: TemplateEmitterOptions): Emitter {
  const env = createEnvironment(hb);
  const target = o.target ?? 'templates';
  const name = o.name ?? `${target}:${o.output}`;
  const render = env.compile(o.template, { strict: true, noEscape: true });
  const fail = (code: string, message: string, pos?: { line: number; column?: number }): never => {
    const d: Omit<Diagnostic, 'path' | 'source'> & { source: Diagnostic['source'] } = { code, severity: 'error', message, source: 'template', origin: name, file: o.templateFile };
    if (pos) Object.assign(d, { line: pos.line, column: pos.column ?? 1 });
    throw new DiagnosticError(d);
  };
  return {
    name,
    target,
    description: o.description ?? `Template ${o.templateFile} → ${o.output}.`,
    emit(model, ctx): Artifact[] {
      let text = '';
      try {
        text = render(o.view ? o.view(model, ctx) : plainModel(model), {
          allowProtoPropertiesByDefault: false,
          allowProtoMethodsByDefault: false,
        });
      } catch (err) {
        if (err instanceof DiagnosticError) throw err;
        const e = err as { message?: string; lineNumber?: number; column?: number };
        const message = String(e.message ?? err);
        const parse = /^Parse error on line (\d+)/.exec(message);
        if (parse) fail('TEMPLATE_SYNTAX', `Template syntax error: ${message.split('\n').pop()}.`, { line: Number(parse[1]) });
        const missing = /^"(.+)" not defined in/.exec(message);
        if (missing) fail('TEMPLATE_MISSING_FIELD', `The template reads "${expressionAt(o.template, lineOf(e)) ?? missing[1]}", which this service's model does not have (strict mode).`, lineOf(e));
        fail('TEMPLATE_FAILED', `The template failed: ${message.replace(/ - \d+:\d+$/, '')}.`, lineOf(e));
      }
      return [toArtifact(text, o, name, fail)];
    },
  };
}

function lineOf(e: { lineNumber?: number; column?: number }): { line: number; column: number } | undefined {
  return typeof e.lineNumber === 'number' ? { line: e.lineNumber, column: (e.column ?? 0) + 1 } : undefined;
}

/** The path expression at a template position (Handlebars' message names only its last part). */
function expressionAt(template: string, pos: { line: number; column: number } | undefined): string | undefined {
  if (!pos) return undefined;
  const line = template.split('\n')[pos.line - 1] ?? '';
  return /^[\w@./-]+/.exec(line.slice(pos.column - 1))?.[0];
}

type Fail = (code: string, message: string) => never;

/** Parse YAML/JSON output into documents (so it is serialized canonically and can be patched). */
function toArtifact(text: string, o: TemplateEmitterOptions, emitter: string, fail: Fail): Artifact {
  const kind = o.kind ?? 'template';
  if (/\.json$/i.test(o.output)) {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (err) {
      fail('TEMPLATE_OUTPUT_INVALID', `The rendered ${o.output} is not valid JSON: ${err instanceof Error ? err.message : String(err)}.`);
    }
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) fail('TEMPLATE_OUTPUT_INVALID', `The rendered ${o.output} must be a JSON object.`);
    return { path: o.output, format: 'json', kind, emitter, documents: [doc as JsonObject] };
  }
  if (/\.ya?ml$/i.test(o.output)) {
    const docs = yamlLibrary().parseAllDocuments(text, { uniqueKeys: true, strict: true, version: '1.1' });
    const list = Array.isArray(docs) ? docs : [];
    const documents: JsonObject[] = [];
    for (const d of list) {
      const e = d.errors[0];
      if (e) {
        const pos = e.linePos?.[0];
        const reason = (e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
        fail('TEMPLATE_OUTPUT_INVALID', `The rendered ${o.output} is not valid YAML at output line ${pos?.line ?? '?'}, column ${pos?.col ?? '?'}: ${reason}.`);
      }
      if (d.contents === null) continue;
      const v = d.toJS({ maxAliasCount: 0 }) as unknown;
      if (v === null || typeof v !== 'object' || Array.isArray(v)) fail('TEMPLATE_OUTPUT_INVALID', `Every document of the rendered ${o.output} must be a map.`);
      documents.push(v as JsonObject);
    }
    return { path: o.output, format: 'yaml', kind, emitter, documents };
  }
  return { path: o.output, format: 'text', kind, emitter, text };
}
