/**
 * Hostile specs for the work bounds (docs/limits.md): a fragment repeated up to `max` times where
 * the YAML reader, the schema, the patches or a pairwise check would do the most work — deep
 * block and flow nesting, anchors, tags, explicit keys, error lines, copy-doubling patches, many
 * hosts, ports and unknown keys. Used by test/core/bounds.test.ts (small) and scripts/property-run.ts.
 */
import fc from 'fast-check';

const BASE = 'apiVersion: codegen/v1\nname: hostile\nimage: nginx:1.27\nregion: us-east-1\nports: [{port: 80}]\ntargets: {kubernetes: {}}\n';

type Make = (n: number) => string;
const MAKERS: Record<string, Make> = {
  blockSeq: (n) => `labels:\n  ${'- '.repeat(n)}x\n`,
  anchoredSeq: (n) => `labels:\n  ${'- &a '.repeat(n)}x\n`,
  explicitKeys: (n) => `labels: ${'? '.repeat(n)}x\n`,
  flow: (n) => `labels: ${'['.repeat(n)}${']'.repeat(n)}\n`,
  flowMaps: (n) => `labels: ${'{a: '.repeat(n)}1${'}'.repeat(n)}\n`,
  tags: (n) => `labels: ${'!t '.repeat(n)}x\n`,
  anchors: (n) => `labels: ${'&a '.repeat(n)}x\n`,
  aliases: (n) => `labels: &a {x: 1}\nenv: [${Array.from({ length: n }, () => '*a').join(',')}]\n`,
  errorLines: (n) => Array.from({ length: n }, (_, i) => `k${i}: "a" b\n`).join(''),
  junkLines: (n) => '@\n'.repeat(n),
  nestedMaps: (n) => `labels:\n${Array.from({ length: Math.min(n, 1400) }, (_, i) => `${' '.repeat(i + 1)}a${i}:\n`).join('')}${' '.repeat(Math.min(n, 1400) + 1)}x\n`,
  copyPatch: (n) => `patches:\n  - target: kubernetes\n    kind: Deployment\n    ops:\n      - {op: add, path: /x, value: [aaaaaaaaaaaaaaaa]}\n${'      - {op: copy, from: /x, path: /x/-}\n'.repeat(n)}`,
  hosts: (n) => `expose:\n  public: true\n  hosts: [${Array.from({ length: n }, (_, i) => `h${i % Math.max(1, n >> 1)}.io`).join(',')}]\n`,
  badHosts: (n) => `expose:\n  public: true\n  hosts: [${Array.from({ length: n }, () => '1').join(',')}]\n`,
  ports: (n) => `containers: [{name: side, image: nginx:1.27, ports: [${Array.from({ length: n }, (_, i) => `{port: ${1 + (i % 60000)}}`).join(',')}]}]\n`,
  unknownKeys: (n) => Array.from({ length: n }, (_, i) => `k${i}: 1\n`).join(''),
  envKeys: (n) => `env: {${Array.from({ length: n }, (_, i) => `E${i}: v`).join(', ')}}\n`,
  longScalar: (n) => `labels: {a: ${'x'.repeat(n)}}\n`,
};

export interface Hostile {
  kind: string;
  count: number;
  text: string;
}

export function hostileSpec(max: number): fc.Arbitrary<Hostile> {
  return fc.tuple(fc.constantFrom(...Object.keys(MAKERS)), fc.integer({ min: 1, max }), fc.boolean()).map(([kind, count, directive]) => {
    let body = MAKERS[kind]!(count);
    // Keep under the 1 MiB input limit (the limit itself is tested elsewhere).
    while (BASE.length + body.length > 1000000 && count > 1) body = MAKERS[kind]!((count = count >> 1));
    return { kind, count, text: `${directive ? '%YAML 1.1\n---\n' : ''}${BASE}${body}` };
  });
}
