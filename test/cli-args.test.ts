import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ArgError, parseArgv, type OptionSpec } from '../src/cli/args.js';
import { random } from './helpers/random.js';

const OPTIONS = {
  out: { type: 'string', short: 'o' },
  target: { type: 'string', short: 't', multiple: true },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
  check: { type: 'boolean' },
  'no-verify': { type: 'boolean' },
  format: { type: 'string', short: 'f' },
} as const satisfies Record<string, OptionSpec>;

/** Node's parseArgs on the same words: the values, or 'error'. */
function nodes(args: string[]): unknown {
  try {
    const { values, positionals } = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: true });
    return { values: { ...values }, positionals };
  } catch {
    return 'error';
  }
}

function ours(args: string[]): unknown {
  try {
    const { values, positionals } = parseArgv(args, OPTIONS);
    return { values: { ...values }, positionals };
  } catch (err) {
    if (!(err instanceof ArgError)) throw err;
    return 'error';
  }
}

describe('parseArgv', () => {
  it("reads every seeded random command line as Node's parseArgs does, and refuses what it refuses", () => {
    const words = ['generate', 'a.yaml', '-', '--', '--out', '-o', 'dir', '-ofile', '--out=x', '--out=', '-t', 'ecs', '--target', 'kubernetes', '--target=ecs', '-q', '-qh', '-qo', '-hq', '-qt', '-x', '--nope', '--check', '--check=1', '--no-verify', '-f', 'json', '-fjson', '--format=-', '-1', '--quiet=yes', '-qqq'];
    const next = random(11);
    const bad: string[] = [];
    let accepted = 0;
    for (let i = 0; i < 20_000; i++) {
      const args = Array.from({ length: Math.floor(next() * 6) }, () => words[Math.floor(next() * words.length)]!);
      const want = nodes(args);
      if (want !== 'error') accepted++;
      if (JSON.stringify(ours(args)) !== JSON.stringify(want) && bad.length < 10) bad.push(JSON.stringify(args));
    }
    expect(bad).toEqual([]);
    expect(accepted).toBeGreaterThan(2000);
  });

  it('says what is wrong in its own words', () => {
    const message = (args: string[]) => {
      try {
        parseArgv(args, OPTIONS);
      } catch (err) {
        return (err as ArgError).message;
      }
      return undefined;
    };
    expect(message(['--out'])).toBe('--out needs a value.');
    expect(message(['-o', '--check'])).toBe('-o (--out) needs a value; "--check" reads as an option (write --out=--check for a value starting with "-").');
    expect(message(['--check=yes'])).toBe('--check takes no value.');
    expect(message(['--tagret=ecs'])).toBe('Unknown option "--tagret".');
    expect(message(['-qz'])).toBe('Unknown option "-z".');
    expect(message(['--constructor'])).toBe('Unknown option "--constructor".');
  });

  it('keeps every value of a repeated option that may repeat, and the last of one that may not', () => {
    expect(parseArgv(['-t', 'ecs', '--target=kubernetes', '-o', 'a', '--out', 'b'], OPTIONS).values).toEqual({ target: ['ecs', 'kubernetes'], out: 'b' });
  });
});
