/**
 * Only plain JSON data is ever written: an emitter (a plugin, say) that hands over undefined, NaN,
 * a function or a class instance gets SERIALIZE_FAILED naming where, in YAML and in JSON, and
 * nothing is written — whichever YAML writer would have taken the document.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile/compile.js';
import { serializeArtifact } from '../../src/core/serialize.js';
import type { Emitter } from '../../src/emitters/types.js';
import { DEMO_SPEC } from '../helpers/cli.js';

class Thing {
  x = 1;
}

const bad: Array<[string, unknown, string]> = [
  ['undefined in a map', { spec: { a: undefined } }, 'x.yaml#0.spec.a: undefined'],
  ['NaN', { spec: { n: Number.NaN } }, 'x.yaml#0.spec.n: NaN is not a finite number'],
  ['a function in a list', { spec: { l: [1, () => 2] } }, 'x.yaml#0.spec.l[1]: function is not JSON data'],
  ['a class instance', { spec: { t: new Thing() } }, 'x.yaml#0.spec.t: not a plain object'],
  // Non-ASCII text goes to the yaml library's writer: the same refusal there.
  ['undefined beside non-ASCII text', { spec: { name: 'café', a: undefined } }, 'x.yaml#0.spec.a: undefined'],
];

describe('serializer: plain data only', () => {
  for (const [what, doc, message] of bad) {
    it(`refuses ${what} in YAML and in JSON`, () => {
      expect(() => serializeArtifact({ path: 'x.yaml', format: 'yaml', documents: [doc as never], kind: 'k', emitter: 'e' })).toThrow(message);
      expect(() => serializeArtifact({ path: 'x.json', format: 'json', documents: [doc as never], kind: 'k', emitter: 'e' })).toThrow(message.replace('x.yaml', 'x.json'));
    });
  }

  it('a plugin emitter with bad data fails the compile with SERIALIZE_FAILED and no files', () => {
    const emitter: Emitter = { name: 'demo:bad', target: 'ecs', description: 'bad data', emit: () => [{ path: 'bad.yaml', format: 'yaml', documents: [{ kind: 'X', spec: { a: undefined } } as never], kind: 'k', emitter: 'demo:bad' }] };
    const r = compile(DEMO_SPEC, { file: 'service.yaml', emitters: [emitter] });
    expect(r.files).toEqual([]);
    expect(r.diagnostics.filter((d) => d.code === 'SERIALIZE_FAILED').map((d) => d.message)).toEqual(['demo/bad.yaml#0.spec.a: undefined']);
  });

  it('writes plain data', () => {
    expect(serializeArtifact({ path: 'x.yaml', format: 'yaml', documents: [{ a: [1, 'b'], c: {} }], kind: 'k', emitter: 'e' })).toBe('a:\n  - 1\n  - b\nc: {}\n');
  });
});

describe('serializer: canonical top-level order keeps every key', () => {
  // The reordering placed a key only when `k in out` was false, and that is true of every key an
  // object inherits, so a top-level `toString` or `constructor` was dropped from the file.
  for (const key of ['toString', 'constructor', 'valueOf']) {
    it(`keeps a top-level "${key}" of a Kubernetes and of a CloudFormation document`, () => {
      const k8s = serializeArtifact({ path: 'x.yaml', format: 'yaml', documents: [{ [key]: 1, kind: 'ConfigMap', apiVersion: 'v1' }], kind: 'k', emitter: 'e' });
      expect(k8s).toBe(`apiVersion: v1\nkind: ConfigMap\n${key}: 1\n`);
      const cfn = serializeArtifact({ path: 'x.json', format: 'json', documents: [{ [key]: 1, Resources: {} }], kind: 'k', emitter: 'e' });
      expect(JSON.parse(cfn)).toEqual({ Resources: {}, [key]: 1 });
    });
  }
});

