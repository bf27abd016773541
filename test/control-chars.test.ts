/**
 * Control characters from a spec never reach the terminal raw: a code frame and a message write
 * them as escapes (an ESC could recolour or move the cursor, U+202E reverse what follows).
 */
import { describe, expect, it } from 'vitest';
import { runCli, specWorkspace } from './helpers/cli.js';

const ESC = '\u001b';
const RLO = '\u202e';
const BEL = '\u0007';

describe('control characters in reports', () => {
  const spec = `apiVersion: codegen/v1\nname: demo\nregion: us-east-1\nimage: "nginx:1.27.3${ESC}[31m"\nports:\n  - port: 8080\nhealth: "x${RLO}y${BEL}"\ntargets:\n  ecs:\n    executionRoleArn: arn:aws:iam::123456789012:role/exec\n`;

  it('text: code frames and messages show escapes, never the raw characters', async () => {
    const r = await runCli(['validate', 'service.yaml'], specWorkspace(spec));
    expect(r.code).toBe(1);
    const all = r.stdout + r.stderr;
    expect(all).toContain('service.yaml:7:');
    for (const c of [ESC, RLO, BEL]) expect(all.includes(c), `raw U+${c.codePointAt(0)!.toString(16).padStart(4, '0')} printed`).toBe(false);
    expect(all).toMatch(/\\u202e|\\x1b|\\x07/);
  });

  it('json and sarif carry the text escaped by JSON, so no raw control character is printed either', async () => {
    for (const format of ['json', 'sarif']) {
      const r = await runCli(['validate', 'service.yaml', '--format', format], specWorkspace(spec));
      expect(r.code).toBe(1);
      for (const c of [ESC, BEL]) expect((r.stdout + r.stderr).includes(c), `${format}: raw control character`).toBe(false);
    }
  });
});
