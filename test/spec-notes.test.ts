/** docs/spec.md's notes agree with the code: the duration examples, the reference names, the name rules. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDurationSeconds } from '../src/core/units.js';
import { ECS_DEFAULT_IDS } from '../src/emitters/ecs/service-logical-ids.js';
import { validateSpec } from '../src/schema/validate.js';
import { PSEUDO_PARAMETERS } from '../src/verify/cfn-intrinsics.js';

const DOC = readFileSync(join(__dirname, '..', 'docs', 'spec.md'), 'utf8');
const section = (title: string) => DOC.slice(DOC.indexOf(`## ${title}`), DOC.indexOf('\n## ', DOC.indexOf(`## ${title}`) + 3) >>> 0);
const codes = (line: string) => [...line.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
const spec = (period: unknown) => ({ apiVersion: 'codegen/v1', name: 'demo', image: 'nginx:1.27.3', health: { liveness: { tcp: { port: 80 }, period } } });

describe('docs/spec.md notes', () => {
  const durations = section('Durations');
  const accepted = codes(durations.split('\n').find((l) => l.startsWith('- Accepted:'))!);
  const refused = codes(durations.split('\n').find((l) => l.startsWith('- Refused:'))!).filter((c) => !/^(h|m|s|ms|d)$/.test(c));

  it('lists durations the parser and the schema accept', () => {
    expect(accepted.length).toBeGreaterThan(5);
    for (const d of accepted) {
      expect(parseDurationSeconds(d), d).toBeGreaterThan(0);
      expect(validateSpec(spec(d)), d).toEqual([]);
    }
  });

  it('lists durations the parser and the schema refuse', () => {
    expect(refused).toEqual(['30s2m', '1m1m', '1.5m', '2 m', '1d', '10sec']);
    for (const d of refused) {
      expect(parseDurationSeconds(d), d).toBeUndefined();
      expect(validateSpec(spec(d)).map((e) => e.code), d).toEqual(['SCHEMA_PATTERN']);
    }
  });

  it('names the pseudo parameters a reference may use, and every resource ID of the ECS template', () => {
    const refs = section('CloudFormation references');
    const pseudo = [...PSEUDO_PARAMETERS].filter((p) => p !== 'AWS::NoValue' && p !== 'AWS::NotificationARNs');
    for (const p of pseudo) expect(refs, p).toContain(`\`${p}\``);
    for (const id of [...Object.values(ECS_DEFAULT_IDS), 'BlueTargetGroup']) expect(refs, id).toContain(`\`${id}\``);
  });
});
