/**
 * Every temporary folder the tests make (mkdtemp under os.tmpdir(), in this process, its worker
 * threads and the processes they start) goes under one folder of this run, removed when the run
 * ends: without it, each `npm test` left about 380 folders and 115 MB behind in the
 * system's temporary folder. CODEGEN_KEEP_TEST_TMP=1 keeps it (its path is printed) to look at.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'codegen-tests-'));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    if (process.env.CODEGEN_KEEP_TEST_TMP) console.log(`codegen tests: temporary files kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  };
}
