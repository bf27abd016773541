/**
 * What the README and docs/ say about the command line is what the CLI takes: every `codegen
 * COMMAND … --option` written in them names an option of that command, and the usage lines of the
 * README's and docs/cli.md's synopses are the CLI's own (`codegen COMMAND --help`). The files they
 * name in this repository exist, and the README's example spec validates.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, COMMANDS, OPTIONS, type CommandName } from '../../src/cli/help.js';
import { runCli } from '../helpers/cli.js';
import { ROOT } from '../helpers/fixtures.js';

const PAGES = ['README.md', ...(readdirSync(join(ROOT, 'docs'), { recursive: true }) as string[]).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)].sort();

/** The long options a command takes, as written on the command line (`--out`, `--no-verify`). */
function longOptions(command: CommandName): Set<string> {
  const out = new Set<string>(['--help']);
  for (const name of COMMANDS[command].options) {
    const m = /--[a-z][a-z-]*/.exec(OPTIONS[name].flags);
    if (m) out.add(m[0]);
  }
  return out;
}

/** Every `codegen COMMAND …` in a page: the command, the options written after it, and the line. */
function uses(text: string): { command: CommandName; options: string[]; line: number; text: string }[] {
  const found: { command: CommandName; options: string[]; line: number; text: string }[] = [];
  const re = new RegExp(`\\bcodegen (${COMMAND_NAMES.join('|')})\\b([^\`\\n]*)`, 'g');
  for (const [i, line] of text.split('\n').entries()) {
    for (const m of line.matchAll(re)) {
      // The rest of this command: up to a comment, or a pipe into another program.
      const rest = m[2]!.split(/\s#\s|\s\|\s(?=[a-z])|;|&&/)[0]!;
      found.push({ command: m[1] as CommandName, options: rest.match(/(?<![\w-])--[a-z][a-z-]*/g) ?? [], line: i + 1, text: m[0] });
    }
  }
  return found;
}

describe('commands in the docs', () => {
  it('every option written after `codegen COMMAND` is an option of that command', () => {
    const wrong: string[] = [];
    let seen = 0;
    for (const page of PAGES) {
      for (const u of uses(readFileSync(join(ROOT, page), 'utf8'))) {
        seen++;
        const known = longOptions(u.command);
        for (const o of u.options) if (!known.has(o)) wrong.push(`${page}:${u.line}: ${o} is not an option of codegen ${u.command} (${u.text.trim()})`);
      }
    }
    expect(seen).toBeGreaterThan(50);
    expect(wrong).toEqual([]);
  });

  it('the synopses in the README and docs/cli.md are the usage lines of codegen --help', () => {
    for (const page of ['README.md', 'docs/cli.md']) {
      const text = readFileSync(join(ROOT, page), 'utf8');
      const synopsis = /```\n(codegen generate [\s\S]*?)```/.exec(text);
      expect(synopsis, `${page}: a synopsis block`).not.toBeNull();
      const lines = synopsis![1]!.split('\n').filter((l) => l.startsWith('codegen ')).map((l) => l.replace(/\s+/g, ' ').trim());
      expect(lines, page).toEqual(COMMAND_NAMES.map((c) => COMMANDS[c].usage));
    }
  });

  it('can fail: an option of another command is found', () => {
    const [u] = uses('Run `npx codegen import x.yaml --all-envs` here.');
    expect(u!.command).toBe('import');
    expect(longOptions(u!.command).has(u!.options[0]!)).toBe(false);
  });

  /** Paths a page names that are not this repository's. */
  const NOT_OURS: Record<string, string[]> = {
    'docs/ci.md': ['docs/problem-matchers.md'], // actions/toolkit's page on the annotation limits
  };

  it('every path of this repository a page names exists', () => {
    const missing: string[] = [];
    for (const page of PAGES) {
      const text = readFileSync(join(ROOT, page), 'utf8');
      for (const m of text.matchAll(/(?<![\w/.-])((?:src|test|fixtures|scripts|docs|schema|vendor|bench|examples|\.ci)\/[\w./-]*[\w/])/g)) {
        const path = m[1]!;
        if (/[<>*{}]/.test(path) || NOT_OURS[page]?.includes(path)) continue;
        if (!existsSync(join(ROOT, path)) && !existsSync(join(ROOT, dirname(page), path))) missing.push(`${page}:${text.slice(0, m.index).split('\n').length}: ${path}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("the README's example spec validates", async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const spec = /## The spec\n\n```yaml\n([\s\S]*?)```/.exec(readme)![1]!;
    const dir = join(ROOT, 'examples/my-app'); // its schema modeline is relative to an example's folder
    const r = await runCli(['validate', '-'], dir, { stdin: spec });
    expect(r.code, r.stderr).toBe(0);
  });
});
