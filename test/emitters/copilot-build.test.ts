/**
 * `targets.copilot.build` as Copilot's `image.build` takes it: a Dockerfile path, or a map of
 * dockerfile, context, target, cache_from and args (aws.github.io/copilot-cli docs, "Image config":
 * `docker build --file <dockerfile> --target <target> --cache-from <image> --build-arg k=v <context>`),
 * written in that order and read back by the Copilot importer.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compile } from '../../src/compile/compile.js';
import { importSpec } from '../../src/importers/index.js';

type Obj = Record<string, any>;

const spec = (build: unknown) => ({
  apiVersion: 'codegen/v1',
  name: 'front-end',
  image: 'front-end:1.0.0',
  ports: [{ port: 80 }],
  expose: { public: true, path: '/' },
  targets: { copilot: { acknowledgeDeprecation: true, build } },
});

function generate(build: unknown) {
  const r = compile(spec(build), { targets: ['copilot'] });
  const file = r.files.find((f) => f.path.endsWith('manifest.yml'));
  return { r, text: file?.content, m: file ? (parse(file.content) as Obj) : undefined, errors: r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.path.join('.')}`) };
}

describe('targets.copilot.build', () => {
  it('a Dockerfile path stays a string', () => {
    expect(generate('front-end/Dockerfile').m!.image).toEqual({ build: 'front-end/Dockerfile', port: 80 });
  });

  it('the map is written with Copilot\'s names, in its order, and reads back the same', () => {
    const build = { args: { MAGIC_VERB_ARG: 'open' }, cacheFrom: ['front-end:cache'], target: 'runtime', context: 'front-end', dockerfile: 'front-end/Dockerfile' };
    const { m, text, errors } = generate(build);
    expect(errors).toEqual([]);
    expect(m!.image.build).toEqual({ dockerfile: 'front-end/Dockerfile', context: 'front-end', target: 'runtime', cache_from: ['front-end:cache'], args: { MAGIC_VERB_ARG: 'open' } });
    expect(Object.keys(m!.image.build)).toEqual(['dockerfile', 'context', 'target', 'cache_from', 'args']);
    const imported = importSpec('copilot', [{ file: 'copilot/front-end/manifest.yml', content: text! }]);
    expect(imported.diagnostics.filter((d) => d.code === 'IMPORT_NOT_CARRIED')).toEqual([]);
    expect(parse(imported.specs[0]!.text).targets.copilot.build).toEqual({ dockerfile: 'front-end/Dockerfile', context: 'front-end', target: 'runtime', cacheFrom: ['front-end:cache'], args: { MAGIC_VERB_ARG: 'open' } });
  });

  it('an empty map or an unknown key is refused by the schema', () => {
    expect(generate({}).errors.length).toBeGreaterThan(0);
    expect(generate({ file: 'Dockerfile' }).errors.length).toBeGreaterThan(0);
  });
});
