/**
 * docs/spec.md, generated from the JSON Schema so the reference cannot drift from what codegen
 * accepts (`npm run gen:schema` writes it; test/schema.test.ts fails when it is stale).
 */
import { SPEC_NOTES } from './spec-docs-notes.js';

type Node = { [k: string]: unknown };

const INTRO = `# Spec reference (\`codegen/v1\`)

Generated from [\`schema/service.schema.json\`](../schema/service.schema.json) by \`npm run gen:schema\`;
do not edit by hand. Editors with yaml-language-server show the same text as hover docs when a spec
starts with \`# yaml-language-server: $schema=<path to>/service.schema.json\`.

**Overlays.** Every core field may be repeated under \`targets.<target>\` (that target only) and under
\`environments.<name>\` (applied with \`--env NAME\`). Both merge as RFC 7386 JSON Merge Patch: maps merge
key by key, lists and scalars replace, \`null\` removes the base value. A target section's own fields
(listed under each target below) never share a name with a core field.

**Durations** are seconds (a number) or a string with units, largest first: \`500ms\`, \`30s\`, \`5m\`, \`2m30s\`, \`1h\` (at most one day; see [Durations](#durations)).
**CPU** is Kubernetes notation (\`500m\`, \`0.5\`); **memory** is \`Mi\`/\`Gi\` (binary; \`M\`/\`G\` decimal with a warning).
`;

function deref(root: Node, n: Node | undefined): Node | undefined {
  let cur = n;
  for (let i = 0; cur && typeof cur.$ref === 'string' && i < 8; i++) {
    const name = (cur.$ref as string).replace('#/$defs/', '');
    cur = (root.$defs as Record<string, Node>)[name];
  }
  return cur;
}

function typeOf(root: Node, n: Node): string {
  const d = deref(root, n) ?? n;
  if (Array.isArray(d.enum)) return (d.enum as unknown[]).map((v) => `\`${String(v)}\``).join(' \\| ');
  if (d.const !== undefined) return `\`${String(d.const)}\``;
  const alts = (d.oneOf ?? d.anyOf) as Node[] | undefined;
  if (alts && alts.every((a) => a.type || a.$ref)) return [...new Set(alts.map((a) => typeOf(root, a)))].join(' \\| ');
  if (d.type === 'array') return `list of ${typeOf(root, (d.items as Node) ?? {})}`;
  if (d.type === 'object' && d.additionalProperties && typeof d.additionalProperties === 'object') return `map of ${typeOf(root, d.additionalProperties as Node)}`;
  return String(d.type ?? 'object');
}

function oneLine(s: unknown): string {
  return String(s ?? '').replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
}

function table(root: Node, props: Record<string, Node>, required: readonly string[], prefix: string, out: string[], nested: [string, Node][]): void {
  out.push('| field | type | description |', '|---|---|---|');
  for (const [k, v] of Object.entries(props)) {
    const name = `${prefix}${k}`;
    out.push(`| \`${name}\`${required.includes(k) ? ' (required)' : ''} | ${typeOf(root, v)} | ${oneLine(v.description)} |`);
    const d = deref(root, v);
    const inner = d?.type === 'array' ? deref(root, d.items as Node) : d?.type === 'object' && d.additionalProperties && typeof d.additionalProperties === 'object' ? deref(root, d.additionalProperties as Node) : d;
    if (inner?.properties && !name.startsWith('targets.') && !name.startsWith('environments')) nested.push([`${name}${d?.type === 'array' ? '[]' : d !== inner ? '.<name>' : ''}`, inner]);
  }
}

export function specDocs(schema: Node): string {
  const out: string[] = [INTRO, '## Core fields', ''];
  const nested: [string, Node][] = [];
  const props = schema.properties as Record<string, Node>;
  table(schema, props, (schema.required as string[]) ?? [], '', out, nested);
  // One section per nested object, breadth-first, each once.
  const seen = new Set<string>();
  while (nested.length) {
    const [name, node] = nested.shift()!;
    if (seen.has(name)) continue;
    seen.add(name);
    out.push('', `### \`${name}\``, '');
    if (node.description) out.push(oneLine(node.description), '');
    table(schema, node.properties as Record<string, Node>, (node.required as string[]) ?? [], `${name}.`, out, nested);
  }
  out.push('', '## Target sections', '');
  const defs = schema.$defs as Record<string, Node>;
  for (const t of ['ecs', 'kubernetes', 'appmesh', 'copilot']) {
    const def = defs[`${t}Target`]!;
    const own = Object.fromEntries(Object.entries(def.properties as Record<string, Node>).filter(([, v]) => !String(v.$ref ?? '').includes('override_')));
    out.push(`### \`targets.${t}\``, '', oneLine(def.description), '');
    const sub: [string, Node][] = [];
    table(schema, own, [], `targets.${t}.`, out, sub);
    out.push('');
  }
  out.push(SPEC_NOTES);
  return `${out.join('\n')}`;
}
