/**
 * Writes that survive interruption (issue 15, item 8): a run stages under its own temporary folder
 * with an unguessable name, writes a journal before its first rename, and the next run completes a
 * run killed after that point or removes one killed before it. In-process: every cut point of a
 * commit, stale and live folders, a fixed PID. As processes: a 200-service generate killed at
 * seeded random moments with SIGKILL and SIGTERM.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputWriter, writeOutputs } from '../src/project/write.js';
import { hostTag, runFolderName } from '../src/project/output-fs.js';
import { DEMO_SPEC } from './helpers/cli.js';
import { runChild, seeded } from './helpers/process.js';

const tmp = (prefix = 'codegen-interrupt-'): string => mkdtempSync(join(tmpdir(), prefix));

/** Path → text of every file under `dir`, the run folders of codegen left out (listed in `runs`). */
function files(dir: string): { files: Record<string, string>; runs: string[] } {
  const out: Record<string, string> = {};
  const runs: string[] = [];
  const walk = (rel: string): void => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (!rel && /^\.codegen-.*\.tmp$/.test(e.name)) runs.push(e.name);
      else if (e.isDirectory()) walk(p);
      else out[p] = readFileSync(join(dir, p), 'utf8');
    }
  };
  walk('');
  return { files: out, runs };
}

const v1 = [
  { path: 'a/ecs/task.json', content: '{"v":1}\n' },
  { path: 'a/ecs/old.json', content: '{"old":true}\n' },
  { path: 'a/kubernetes/deployment.yaml', content: 'v: 1\n' },
  { path: 'b/manifest.yml', content: 'name: b\n' },
];
const v2 = [
  { path: 'a/ecs/task.json', content: '{"v":2}\n' },
  { path: 'a/kubernetes/deployment.yaml', content: 'v: 2\n' },
  { path: 'a/kubernetes/hpa.yaml', content: 'hpa: 2\n' },
  { path: 'b/manifest.yml', content: 'name: b\n' },
  { path: 'c/ecs/task.json', content: '{"c":2}\n' },
];
const asMap = (fs: { path: string; content: string }[]) => Object.fromEntries(fs.map((f) => [f.path, f.content]));

describe('a run killed half-way', () => {
  it('is completed by the next run at every cut point of its commit (renames, removals, manifest)', async () => {
    let cuts = 0;
    for (let k = 0; ; k++) {
      const out = tmp();
      await writeOutputs(out, v1);
      const expected = files(out).files;
      const w = new OutputWriter(out);
      w.stage(v2);
      w.prepare({ prune: true, services: ['a', 'b', 'c'] });
      // The kill: the first k renames of the journal happened, nothing after them, and the process is gone.
      const dead = `.codegen-${hostTag()}-999999999-${String(k).padStart(16, '0')}.tmp`;
      renameSync(join(out, files(out).runs[0]!), join(out, dead));
      const run = dead;
      const journal = JSON.parse(readFileSync(join(out, run, 'journal'), 'utf8')) as { moves: [string, string][]; remove: [string, string][] };
      expect(journal.remove.map(([p]) => p)).toEqual(['a/ecs/old.json']);
      if (k > journal.moves.length) break;
      for (const [from, to] of journal.moves.slice(0, k)) {
        mkdirSync(join(out, to, '..'), { recursive: true });
        renameSync(join(out, run, from), join(out, to));
      }
      // Meanwhile every file is the old or the new text, never a part of one.
      const half = files(out).files;
      for (const [p, text] of Object.entries(half)) {
        if (p === '.codegen-manifest.json') continue;
        expect([expected[p], asMap(v2)[p]], `${p} at cut ${k}`).toContain(text);
      }
      const next = new OutputWriter(out);
      expect(next.notes.map((n) => n.code)).toEqual(['OUTPUT_INTERRUPTED_RUN']);
      expect(next.notes[0]!.message).toContain('this run completed it first');
      const after = files(out);
      expect(after.runs).toEqual([]);
      const { '.codegen-manifest.json': manifest, ...rest } = after.files;
      expect(rest, `cut ${k}`).toEqual(asMap(v2)); // a/ecs/old.json pruned, c in place
      expect(Object.keys((JSON.parse(manifest!) as { files: object }).files).sort()).toEqual(v2.map((f) => f.path).sort());
      next.abort();
      cuts++;
    }
    expect(cuts).toBeGreaterThanOrEqual(4);
  });

  it('a run killed while staging changed nothing: the next run removes its folder and says so', async () => {
    const out = tmp();
    await writeOutputs(out, v1);
    const before = files(out).files;
    const w = new OutputWriter(out);
    w.stage(v2); // never committed
    const [run] = files(out).runs;
    expect(files(out).files).toEqual(before);
    // A writer of this process still using its folder keeps it.
    expect(new OutputWriter(out).notes).toEqual([]);
    expect(files(out).runs).toEqual([run]);
    // The same folder as a process that is gone would leave it.
    const dead = `.codegen-${hostTag()}-999999999-0123456789abcdef.tmp`;
    renameSync(join(out, run!), join(out, dead));
    const next = new OutputWriter(out);
    expect(next.notes.map((n) => [n.code, n.message])).toEqual([['OUTPUT_INTERRUPTED_RUN', `Removed ${dead}, left by an earlier run that was interrupted before it changed any file here.`]]);
    expect(files(out)).toEqual({ files: before, runs: [] });
  });

  it('leftovers of a dead process, of a process with this PID (PID 1 in a container) and of an older release are removed; a live one and another machine\'s are left', async () => {
    const out = tmp();
    await writeOutputs(out, v1);
    const host = hostTag();
    const dead = `.codegen-${host}-999999999-0123456789abcdef.tmp`;
    const samePid = runFolderName(); // this PID, but no writer of this process uses it
    const legacy = '.codegen-999999998-3.tmp';
    const alive = `.codegen-${host}-${process.ppid}-fedcba9876543210.tmp`;
    const other = `.codegen-${host === '00000000' ? '11111111' : '00000000'}-1-aaaaaaaaaaaaaaaa.tmp`;
    for (const d of [dead, samePid, legacy, alive, other]) {
      mkdirSync(join(out, d, 'n', 'x'), { recursive: true });
      writeFileSync(join(out, d, 'n', 'x', 'f'), 'staged\n');
    }
    const w = new OutputWriter(out);
    const messages = w.notes.map((n) => n.message).join('\n');
    expect(messages).toContain(`Removed ${dead}`);
    expect(messages).toContain(`Removed ${samePid}`);
    expect(messages).toContain(`Removed ${legacy}`);
    expect(messages).toContain(`${other} in the output folder belongs to a codegen run on another machine`);
    expect(messages).not.toContain(alive);
    expect(files(out).runs.sort()).toEqual([alive, other].sort());
    // And the run itself writes as usual: no EEXIST from a name an earlier process used.
    w.stage(v2);
    expect(w.commit().written.length).toBeGreaterThan(0);
    expect(files(out).runs.sort()).toEqual([alive, other].sort());
  });

  it('temporary names are unguessable: 64 random bits per run', () => {
    const names = new Set(Array.from({ length: 200 }, () => runFolderName()));
    expect(names.size).toBe(200);
    for (const n of names) expect(n).toMatch(new RegExp(`^\\.codegen-${hostTag()}-${process.pid}-[0-9a-f]{16}\\.tmp$`));
  });
});

describe('a 200-service generate killed at random moments (the built CLI)', () => {
  const N_OLD = 150;
  const N_NEW = 200;
  const spec = (i: number, port: number) => DEMO_SPEC.replace('name: demo', `name: svc-${i}`).replace('port: 8080', `port: ${port}`);

  it('leaves every file old or new, no temporary folder after SIGTERM, and the next run completes or cleans up', async () => {
    const base = tmp('codegen-kill-');
    mkdirSync(join(base, 'v1'));
    mkdirSync(join(base, 'v2'));
    for (let i = 0; i < N_NEW; i++) {
      if (i < N_OLD) writeFileSync(join(base, 'v1', `s${i}.yaml`), spec(i, 8080));
      writeFileSync(join(base, 'v2', `s${i}.yaml`), spec(i, 9090));
    }
    // --no-verify: the writes are under test, and the schemas' work would only slow every run down.
    const args = (set: string, out: string, n: number) => ['generate', ...Array.from({ length: n }, (_, i) => `${set}/s${i}.yaml`), '--out', out, '--no-verify', '-q'];
    // The old output, and what the new specs produce when nothing interrupts them.
    const first = await runChild(args('v1', 'old', N_OLD), base);
    expect(first.code, first.stderr).toBe(0);
    const ref = await runChild(args('v2', 'ref', N_NEW), base);
    expect(ref.code, ref.stderr).toBe(0);
    const oldFiles = files(join(base, 'old')).files;
    const newFiles = files(join(base, 'ref')).files;
    delete oldFiles['.codegen-manifest.json'];
    delete newFiles['.codegen-manifest.json'];
    const span = ref.ms;
    let trial = 0;
    const seen = { beforeCommit: 0, afterCommit: 0, leftovers: 0 };
    for (const seed of [11, 23, 47]) {
      const rnd = seeded(seed);
      for (const signal of ['SIGKILL', 'SIGTERM'] as const) {
        const out = `t${trial++}`;
        cpSync(join(base, 'old'), join(base, out), { recursive: true });
        const ms = Math.round(span * (0.15 + 0.95 * rnd()));
        const killed = await runChild(args('v2', out, N_NEW), base, { killAfter: { ms, signal } });
        expect(killed.timedOut).toBe(false);
        expect(killed.stderr, `${signal} at ${ms} ms`).not.toMatch(/\n\s+at /);
        if (killed.code === 0) seen.afterCommit++;
        else expect(killed.signal, `${signal} at ${ms} ms: ${killed.stderr}`).toBe(signal);
        const now = files(join(base, out));
        for (const [p, text] of Object.entries(now.files)) {
          if (p === '.codegen-manifest.json') continue;
          expect([oldFiles[p], newFiles[p]], `${p} after ${signal} at ${ms} ms`).toContain(text);
        }
        if (signal === 'SIGTERM') expect(now.runs, `SIGTERM at ${ms} ms`).toEqual([]);
        if (now.runs.length) seen.leftovers++;
        if (Object.entries(now.files).every(([p, t]) => p === '.codegen-manifest.json' || oldFiles[p] === t)) seen.beforeCommit++;
        // The next run reports and cleans what is left, and succeeds with the new output.
        const next = await runChild([...args('v2', out, N_NEW).filter((a) => a !== '-q')], base);
        expect(next.code, next.stderr).toBe(0);
        if (now.runs.length) expect(next.stderr).toContain('OUTPUT_INTERRUPTED_RUN');
        const after = files(join(base, out));
        expect(after.runs).toEqual([]);
        delete after.files['.codegen-manifest.json'];
        expect(after.files).toEqual(newFiles);
      }
    }
    // The kills landed at different stages (not all after the run ended).
    expect(seen.beforeCommit, JSON.stringify(seen)).toBeGreaterThan(0);
    expect(existsSync(join(base, 'ref'))).toBe(true);
  }, 300_000);
});
