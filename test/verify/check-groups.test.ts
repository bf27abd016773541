/**
 * The generated checks (src/verify/schema-checks.generated.ts, cfn-checks.generated.ts) make their
 * functions in groups, on first use: checking documents of one kind makes the groups that kind's
 * check reaches, not the whole module (scripts/schema-checks.ts, lazyModule).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cfnChecks } from '../../src/verify/cfn-checks.generated.js';
import { groupsMade, runCheck } from '../../src/verify/compiled-check.js';
import { k8sChecks } from '../../src/verify/schema-checks.generated.js';
import { ROOT } from '../helpers/fixtures.js';

const groupsIn = (file: string) => readFileSync(join(ROOT, file), 'utf8').match(/= lazyGroup\(\(\) => \{/g)!.length;

describe('generated checks are made in groups, on first use', () => {
  it('a Service check makes the groups it reaches only, once', () => {
    const total = groupsIn('src/verify/schema-checks.generated.ts');
    const before = groupsMade();
    const { kinds } = k8sChecks();
    expect(groupsMade() - before, 'the table alone makes no group').toBe(0);
    const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'api' }, spec: { ports: [{ port: 80, targetPort: 8080 }], selector: { app: 'api' } } };
    expect(runCheck(kinds['v1 Service']![1], service)).toEqual([]);
    const made = groupsMade() - before;
    expect(made).toBeGreaterThan(0);
    expect(made).toBeLessThan(total / 2);
    expect(runCheck(kinds['v1 Service']![1], { ...service, spec: { ports: 'x' } }).length).toBeGreaterThan(0);
    expect(groupsMade() - before, 'checking again makes nothing').toBe(made);
  });

  it('a resource type of CloudFormation makes a few of its module\'s groups', () => {
    const total = groupsIn('src/verify/cfn-checks.generated.ts');
    const before = groupsMade();
    const { resources } = cfnChecks();
    expect(groupsMade() - before).toBe(0);
    expect(runCheck(resources['AWS::Logs::LogGroup']![1], { LogGroupName: '/ecs/api', RetentionInDays: 30 })).toEqual([]);
    const made = groupsMade() - before;
    expect(made).toBeGreaterThan(0);
    expect(made).toBeLessThan(total / 4);
  });
});
