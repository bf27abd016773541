/**
 * Reads sample files (the validator kit's samples folder) into Artifact objects, the way an emitter would
 * hand them over. CloudFormation short-form tags (`!Ref X`, `!GetAtt A.B`, `!Sub ...`) become the
 * long form.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAllDocuments, type ScalarTag, type CollectionTag } from 'yaml';
import type { Artifact, JsonObject } from '../../src/core/serialize.js';

/**
 * The kit is not part of the repository: `npm test` reads nothing outside it. `.ci/run`'s optional
 * step, when the kit is available, names its samples folder in CODEGEN_VALIDATOR_SAMPLES.
 */
export const SAMPLES = process.env.CODEGEN_VALIDATOR_SAMPLES ?? '';
export const HAVE_SAMPLES = SAMPLES !== '' && existsSync(SAMPLES);

const FNS = ['And', 'Base64', 'Cidr', 'Equals', 'FindInMap', 'GetAZs', 'If', 'ImportValue', 'Join', 'Not', 'Or', 'Select', 'Split', 'Sub', 'Transform', 'Length', 'ToJsonString'];

function cfnTags(): (ScalarTag | CollectionTag)[] {
  const tags: (ScalarTag | CollectionTag)[] = [];
  const add = (name: string, wrap: (v: unknown) => unknown) => {
    tags.push({ tag: `!${name}`, resolve: (v: string) => wrap(v) } as ScalarTag);
    tags.push({ tag: `!${name}`, collection: 'seq', resolve: (v: { toJSON: () => unknown }) => wrap(v.toJSON()) } as unknown as CollectionTag);
    tags.push({ tag: `!${name}`, collection: 'map', resolve: (v: { toJSON: () => unknown }) => wrap(v.toJSON()) } as unknown as CollectionTag);
  };
  add('Ref', (v) => ({ Ref: v }));
  add('Condition', (v) => ({ Condition: v }));
  add('GetAtt', (v) => ({ 'Fn::GetAtt': typeof v === 'string' ? [v.slice(0, v.indexOf('.')), v.slice(v.indexOf('.') + 1)] : v }));
  for (const f of FNS) add(f, (v) => ({ [`Fn::${f}`]: v }));
  return tags;
}

/** All sample files under a folder (recursively), skipping dot files and Markdown. */
export function sampleFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (name.startsWith('.')) continue;
    if (statSync(p).isDirectory()) out.push(...sampleFiles(p));
    else if (/\.(ya?ml|json)$/.test(name)) out.push(p);
  }
  return out;
}

/** One Artifact per file; `path` is relative to `root`, `kind` comes from the caller (or is left free). */
export function loadArtifact(file: string, root: string, kind = 'unknown'): Artifact {
  const text = readFileSync(file, 'utf8');
  const path = relative(root, file);
  if (file.endsWith('.json')) return { path, format: 'json', kind, emitter: 'sample', documents: [JSON.parse(text) as JsonObject] };
  const cfn = /\.cfn\.ya?ml$/.test(file);
  const docs = parseAllDocuments(text, { version: cfn ? '1.2' : '1.1', customTags: cfn ? cfnTags() : [] });
  const list = Array.isArray(docs) ? docs : [docs];
  const documents = list.map((d) => d.toJS({ maxAliasCount: -1 }) as JsonObject).filter((d) => d !== null && typeof d === 'object');
  return { path, format: 'yaml', kind, emitter: 'sample', documents };
}
