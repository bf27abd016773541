/** The rule engine: configuration, options, custom rules, suppressions, failures, positions. */
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile/compile.js';
import { defineRule } from '../../src/rules/create-rule.js';
import { builtinRules } from '../../src/rules/index.js';
import { HEAD } from '../helpers/rule-tester.js';

const LATEST = HEAD.replace('nginx:1.27.3', 'nginx:latest');
const opts = { builtinEmitters: [] };
const codes = (r: ReturnType<typeof compile>) => r.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}`);

describe('rule engine', () => {
  it('uses the default severity, and configuration overrides it', () => {
    const base = compile(LATEST, { ...opts, targets: ['ecs'] }).diagnostics.find((d) => d.code === 'no-mutable-image-tag');
    expect(base).toMatchObject({ severity: 'warning', messageId: 'latestTag', line: 3, column: 8, source: 'rule', url: 'https://codegen.dev/rules/no-mutable-image-tag' });
    const err = compile(LATEST, { ...opts, ruleConfig: { 'no-mutable-image-tag': 'error' } });
    expect(err.diagnostics.find((d) => d.code === 'no-mutable-image-tag')?.severity).toBe('error');
    const off = compile(LATEST, { ...opts, ruleConfig: { 'no-mutable-image-tag': 'off' } });
    expect(off.diagnostics.some((d) => d.code === 'no-mutable-image-tag')).toBe(false);
  });

  it('an error from a rule blocks the output files', () => {
    const r = compile(LATEST, { targets: ['ecs'], ruleConfig: { 'no-mutable-image-tag': 'error' } });
    expect(r.files).toEqual([]);
    const w = compile(LATEST.replace('name: demo', 'name: demo\nregion: us-east-1'), { targets: ['ecs'], ruleConfig: { 'no-mutable-image-tag': 'warn' } });
    expect(w.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('validates options against the rule schema and rejects unknown rules and levels', () => {
    const r = compile(HEAD, {
      ...opts,
      ruleConfig: { 'no-mutable-image-tag': ['error', { requireDigest: 'yes' }], 'no-such-rule': 'warn', 'require-tracing': 'loud' as never, 'valid-names': ['warn', {}] },
    });
    expect(r.diagnostics.filter((d) => d.source === 'rule' && d.severity === 'error').map((d) => d.code).sort()).toEqual([
      'RULE_CONFIG_INVALID',
      'RULE_CONFIG_UNKNOWN',
      'RULE_OPTIONS_INVALID',
    ]);
    const withOptions = compile(HEAD, { ...opts, targets: ['ecs'], ruleConfig: { 'no-mutable-image-tag': ['warn', { requireDigest: true }] } });
    expect(withOptions.diagnostics.find((d) => d.code === 'no-mutable-image-tag')?.messageId).toBe('noDigest');
  });

  it('runs custom rules next to the built-ins, and reports a throwing rule', () => {
    const noDemo = defineRule<'named'>({
      id: 'acme/no-demo-name',
      meta: { type: 'suggestion', docs: { description: 'No demo names.', recommended: true }, defaultSeverity: 'warning', messages: { named: 'Service {{name}} sounds like a demo.' } },
      check(ctx) {
        if (ctx.spec.name.includes('demo')) ctx.report({ messageId: 'named', path: ['name'], data: { name: ctx.spec.name } });
      },
    });
    const boom = defineRule<'x'>({
      id: 'acme/boom',
      meta: { type: 'problem', docs: { description: 'Throws.', recommended: true }, defaultSeverity: 'error', messages: { x: 'X.' } },
      check() {
        throw new Error('kaput');
      },
    });
    const r = compile(HEAD, { ...opts, builtinRules: [], rules: [noDemo, boom] });
    expect(r.diagnostics.map((d) => [d.code, d.message, d.line])).toEqual([
      ['RULE_FAILED', 'Rule acme/boom failed: kaput', 1],
      ['acme/no-demo-name', 'Service demo sounds like a demo.', 2],
    ]);
    const dup = compile(HEAD, { ...opts, builtinRules: [], rules: [noDemo, noDemo] });
    expect(dup.diagnostics.map((d) => d.code)).toContain('RULE_DUPLICATE');
  });

  it('does not run rules when the spec is invalid', () => {
    const r = compile(`${LATEST}replicas: -1\n`, opts);
    expect(r.diagnostics.every((d) => d.source !== 'rule')).toBe(true);
  });

  it('maps a path read in a target view to where it was written', () => {
    const r = compile(`${HEAD}targets:\n  ecs:\n    image: nginx:latest\n`, { ...opts, builtinRules: builtinRules.filter((x) => x.id === 'no-mutable-image-tag') });
    expect(r.diagnostics.map((d) => [d.path.join('.'), d.line, d.column])).toEqual([['targets.ecs.image', 8, 12]]);
  });

  describe('suppress', () => {
    const only = builtinRules.filter((x) => x.id === 'no-mutable-image-tag' || x.id === 'require-tracing');
    it('removes a rule for the spec, keeps the reason, and the rest still reports', () => {
      const r = compile(`${LATEST}suppress:\n  - rule: no-mutable-image-tag\n    reason: Pinned by the deploy pipeline.\n`, { ...opts, builtinRules: only, targets: ['ecs'] });
      expect(r.diagnostics.map((d) => d.code)).toEqual(['require-tracing']);
      expect(r.suppressed).toMatchObject([{ code: 'no-mutable-image-tag', line: 3, suppression: { reason: 'Pinned by the deploy pipeline.' } }]);
    });
    it('can be limited to a path', () => {
      const spec = `${LATEST}sidecars:\n  x:\n    image: busybox:latest\nsuppress:\n  - rule: no-mutable-image-tag\n    path: sidecars.x\n    reason: Debug sidecar, removed before release.\n`;
      const r = compile(spec, { ...opts, builtinRules: only, ruleConfig: { 'require-tracing': 'off' }, targets: ['ecs'] });
      expect(codes(r)).toEqual(['3:8 warning no-mutable-image-tag']);
      expect(r.suppressed.map((d) => d.path.join('.'))).toEqual(['sidecars.x.image']);
    });
    it('warns about entries that suppress nothing or name no rule', () => {
      const spec = `${HEAD}tracing: { xray: true }\nsuppress:\n  - rule: require-tracing\n    reason: Tracing is set up elsewhere.\n  - rule: no-such-rule\n    reason: Typo.\n`;
      const r = compile(spec, { ...opts, builtinRules: only, targets: ['ecs'] });
      expect(codes(r)).toEqual(['8:5 warning SUPPRESSION_UNUSED', '10:11 warning SUPPRESSION_UNKNOWN_RULE']);
    });
    it('requires a reason', () => {
      const r = compile(`${LATEST}suppress:\n  - rule: no-mutable-image-tag\n`, opts);
      expect(r.diagnostics.some((d) => d.severity === 'error' && d.source === 'schema')).toBe(true);
    });
  });
});
