/**
 * Round trip from every golden fixture: for each target output an importer reads, importing the
 * generated files and generating again must give the same bytes for every file of that target.
 * Each case runs twice: the plain import, and the exact import (`--exact`), which keeps what the
 * spec cannot say as spec patches. A case that cannot round-trip exactly is listed with the reason;
 * a listed case that does round-trip fails the test too, so the lists stay true.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile/compile.js';
import { importSpec } from '../../src/import-exact/index.js';

const ROOT = join(__dirname, '..', '..', 'fixtures');

/** `<case>/<target>` → why its exact import (`--exact`) does not round-trip. */
const INEXACT: Record<string, string> = {};

/**
 * `<case>/<target>` → why its plain import does not round-trip (the exact import does): the
 * fixture's spec patches its output with what the spec has no form for, or in another key order.
 */
const PLAIN_INEXACT: Record<string, string> = {
  'patch-every-target: kubernetes': 'a spec patch adds topologySpreadConstraints, which has no form in the spec (reported as IMPORT_NOT_CARRIED)',
  'patch-every-target: ecs task definition': 'a spec patch adds ephemeralStorage at the end of the task definition (JSON Patch add appends); the importer carries it into the spec\'s ephemeralStorage, which codegen writes in its own place, so the bytes differ in order only',
  'patch-ecs: ecs task definition': 'spec patches add linuxParameters.initProcessEnabled (no form in the spec, reported as IMPORT_NOT_CARRIED) and ulimits after the log configuration; the importer carries ulimits, which codegen writes before it, so the order differs too',
  'patch-every-target: appmesh': 'a spec patch adds a RetryPolicy to the route with its keys in the patch\'s order; the importer carries it into targets.appmesh.route.retryPolicy, which codegen writes in its own key order, so the bytes differ in order only',
  'patch-every-target: copilot': 'a spec patch adds taskdef_overrides, which has no form in the spec (reported as IMPORT_NOT_CARRIED)',
  'patch-ecs: ecs template': 'its task definition JSON is compared too and differs as patch-ecs: ecs task definition does (the template itself comes back byte-identical)',
  'patch-every-target: ecs template': 'a spec patch adds EnableECSManagedTags (no form in the spec, reported as IMPORT_NOT_CARRIED), and ephemeralStorage comes back in codegen\'s place rather than at the end where the patch appended it',
};

/**
 * Which importer reads a target's output: its input files, and the files that must come back
 * byte-identical (the task definition JSON alone cannot give back the service template).
 */
interface Reader {
  name: string;
  target: string;
  kind: string;
  inputs: (files: string[]) => string[];
  /** Inputs of the exact import, where it reads more (default: `inputs`). */
  exactInputs?: (files: string[]) => string[];
  compare: (files: string[]) => string[];
}
const READERS: Reader[] = [
  { name: 'kubernetes', target: 'kubernetes', kind: 'kubernetes', inputs: (f) => f, compare: (f) => f },
  { name: 'copilot', target: 'copilot', kind: 'copilot', inputs: (f) => f.filter((x) => x.endsWith('/manifest.yml')), compare: (f) => f },
  // The task definition JSON is compared too: the exact import reads it with the template (the
  // same task definition, so the spec is drafted from the template and the JSON adds its residual).
  { name: 'ecs template', target: 'ecs', kind: 'ecs', inputs: (f) => f.filter((x) => /^ecs\/service\.cfn\.(yaml|json)$/.test(x)), exactInputs: (f) => f.filter((x) => /^ecs\/service\.cfn\.(yaml|json)$/.test(x) || x === 'ecs/task-definition.json'), compare: (f) => f },
  { name: 'ecs task definition', target: 'ecs', kind: 'ecs', inputs: (f) => f.filter((x) => x === 'ecs/task-definition.json'), compare: (f) => f.filter((x) => x === 'ecs/task-definition.json') },
  { name: 'appmesh', target: 'appmesh', kind: 'appmesh', inputs: (f) => f.filter((x) => x === 'appmesh/mesh.cfn.yaml'), compare: (f) => f.filter((x) => x === 'appmesh/mesh.cfn.yaml') },
  { name: 'appmesh controller', target: 'appmesh', kind: 'appmesh', inputs: (f) => f.filter((x) => x === 'appmesh/kubernetes/mesh.yaml'), compare: (f) => f.filter((x) => x === 'appmesh/kubernetes/mesh.yaml') },
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? filesUnder(join(dir, f)) : [join(dir, f)]));
}

interface Case {
  id: string;
  reader: Reader;
  serviceDir: string;
  files: string[];
}

/** Golden fixtures: fixtures/<case> and the public deployments under fixtures/realworld/<case>. */
function caseDirs(): { id: string; dir: string }[] {
  const top = readdirSync(ROOT).sort().map((c) => ({ id: c, dir: join(ROOT, c) }));
  const realworld = join(ROOT, 'realworld');
  const rw = existsDir(realworld) ? readdirSync(realworld).sort().map((c) => ({ id: `realworld/${c}`, dir: join(realworld, c) })) : [];
  return [...top, ...rw];
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const { id: c, dir } of caseDirs()) {
    const expected = join(dir, 'expected');
    if (!statSync(dir).isDirectory() || !existsDir(expected)) continue;
    for (const svc of readdirSync(expected).sort()) {
      const serviceDir = join(expected, svc);
      if (!statSync(serviceDir).isDirectory()) continue;
      for (const reader of READERS) {
        if (!existsDir(join(serviceDir, reader.target))) continue;
        const files = filesUnder(join(serviceDir, reader.target)).map((f) => relative(serviceDir, f)).sort();
        if (!reader.inputs(files).length) continue;
        out.push({ id: `${c}: ${reader.name}`, reader, serviceDir, files });
      }
    }
  }
  return out;
}

function existsDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Import the files (plainly or exactly), generate the target again; the files that differ (empty: exact). */
function roundTrip(c: Case, exact: boolean): { differ: string[]; errors: string[] } {
  const reader = c.reader;
  const names = exact && reader.exactInputs ? reader.exactInputs(c.files) : reader.inputs(c.files);
  const inputs = names.map((f) => ({ file: f, content: readFileSync(join(c.serviceDir, f), 'utf8') }));
  const imported = importSpec(reader.kind, inputs, { exact });
  const errors = imported.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);
  if (imported.specs.length !== 1) return { differ: c.files, errors: [...errors, `${imported.specs.length} specs imported`] };
  const result = compile(imported.specs[0]!.text, { targets: [reader.target] });
  errors.push(...result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`));
  const generated = new Map(result.files.map((f) => [f.path.slice(f.path.indexOf('/') + 1), f.content]));
  const compared = reader.compare(c.files);
  const differ = compared.filter((f) => generated.get(f) !== readFileSync(join(c.serviceDir, f), 'utf8'));
  if (compared.length === c.files.length) for (const f of generated.keys()) if (!c.files.includes(f)) differ.push(`${f} (extra)`);
  return { differ, errors };
}

describe('round trip from the golden fixtures: generate(import(expected)) === expected', () => {
  const all = cases();
  it('finds the fixtures', () => {
    expect(all.length).toBeGreaterThan(5);
    for (const id of [...Object.keys(INEXACT), ...Object.keys(PLAIN_INEXACT)]) expect(all.map((c) => c.id), `${id} is listed, but is no case`).toContain(id);
  });
  for (const [mode, exact, listed] of [['plain', false, PLAIN_INEXACT], ['--exact', true, INEXACT]] as const) {
    for (const c of all) {
      it(`${c.id} (${mode})`, () => {
        const { differ, errors } = roundTrip(c, exact);
        if (listed[c.id]) {
          expect(differ.length, `${c.id} is listed as inexact (${mode}) but round-trips exactly: remove it from the list`).toBeGreaterThan(0);
          return;
        }
        expect(errors).toEqual([]);
        expect(differ).toEqual([]);
      });
    }
  }
});

/**
 * A meshed ECS service imported together with its App Mesh template (`codegen import ecs
 * service.cfn.yaml mesh.cfn.yaml`): one spec that generates both, and the task definition JSON,
 * byte for byte.
 */
const MESHED_INEXACT: Record<string, string> = {};

/** Meshed cases whose plain import does not round-trip (the exact import does). */
const MESHED_PLAIN_INEXACT: Record<string, string> = {
  'patch-every-target': 'spec patches add EnableECSManagedTags (no form in the spec), ephemeralStorage and the route RetryPolicy keys where JSON Patch appends them, while codegen writes them in its own place and order',
};

describe('round trip of a meshed ECS service with its mesh: generate(import(service + mesh)) === expected', () => {
  const meshed = caseDirs().flatMap(({ id, dir }) => {
    const expected = join(dir, 'expected');
    if (!existsDir(expected)) return [];
    return readdirSync(expected).sort().map((svc) => ({ id, dir: join(expected, svc) })).filter((c) => existsDir(join(c.dir, 'ecs')) && statSync(join(c.dir, 'ecs')).isDirectory() && filesUnder(c.dir).some((f) => f.endsWith('appmesh/mesh.cfn.yaml')) && filesUnder(c.dir).some((f) => /ecs\/service\.cfn\.(yaml|json)$/.test(f)));
  });
  it('finds the meshed ECS fixtures', () => {
    expect(meshed.map((c) => c.id)).toEqual(expect.arrayContaining(['appmesh-client-only', 'appmesh-envoy', 'appmesh-gateway', 'seed']));
    for (const id of [...Object.keys(MESHED_INEXACT), ...Object.keys(MESHED_PLAIN_INEXACT)]) expect(meshed.map((c) => c.id)).toContain(id);
  });
  for (const [mode, exact, listed] of [['plain', false, MESHED_PLAIN_INEXACT], ['--exact', true, MESHED_INEXACT]] as const) {
    for (const c of meshed) {
      it(`${c.id} (${mode})`, () => {
        const files = filesUnder(c.dir).map((f) => relative(c.dir, f)).filter((f) => f.startsWith('ecs/') || f === 'appmesh/mesh.cfn.yaml').sort();
        // The exact import also reads the task definition JSON (see the "ecs template" reader).
        const read = (f: string) => /^ecs\/service\.cfn\.(yaml|json)$/.test(f) || f === 'appmesh/mesh.cfn.yaml' || (exact && f === 'ecs/task-definition.json');
        const inputs = files.filter(read).map((f) => ({ file: f, content: readFileSync(join(c.dir, f), 'utf8') }));
        const imported = importSpec('ecs', inputs, { exact });
        const errors = imported.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);
        expect(imported.specs).toHaveLength(1);
        const result = compile(imported.specs[0]!.text, { targets: ['ecs', 'appmesh'] });
        errors.push(...result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`));
        const generated = new Map(result.files.map((f) => [f.path.slice(f.path.indexOf('/') + 1), f.content]));
        const differ = files.filter((f) => generated.get(f) !== readFileSync(join(c.dir, f), 'utf8'));
        if (listed[c.id]) {
          expect(differ.length, `${c.id} round-trips exactly (${mode}): remove it from the list`).toBeGreaterThan(0);
          return;
        }
        expect(errors).toEqual([]);
        expect(differ).toEqual([]);
      });
    }
  }
});
