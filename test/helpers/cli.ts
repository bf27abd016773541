/** Running the CLI in-process, and the small spec several tests start from. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';

/** Run `codegen ARGS` in `cwd`, capturing stdout, stderr and the exit code; `stdin` is what `-` reads. */
export async function runCli(
  args: string[],
  cwd: string,
  extra: { stdin?: string | Uint8Array; env?: Record<string, string | undefined> } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const input = extra.stdin;
  const code = await main(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    cwd,
    ...(input !== undefined ? { stdin: async () => (typeof input === 'string' ? new TextEncoder().encode(input) : input) } : {}),
    ...(extra.env ? { env: extra.env } : {}),
  });
  return { code, stdout, stderr };
}

/** A minimal valid spec: one port, the ECS target with an execution role. */
export const DEMO_SPEC = `apiVersion: codegen/v1
name: demo
region: us-east-1
image: nginx:1.27.3
ports:
  - port: 8080
targets:
  ecs:
    executionRoleArn: arn:aws:iam::123456789012:role/exec
`;

/** A temp folder holding `service.yaml` (and any other files given). */
export function specWorkspace(spec = DEMO_SPEC, files: Record<string, string> = {}, prefix = 'codegen-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  writeFileSync(join(dir, 'service.yaml'), spec);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
