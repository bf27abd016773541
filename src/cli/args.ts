/**
 * The command line's words as options and positionals, with the forms of `node:util`'s parseArgs
 * in strict mode: `--name value`, `--name=value`, `-n value`, `-nvalue`, groups of short flags
 * (`-qh`), `--` before positionals only, and a lone `-` as a positional.
 *
 * Why not parseArgs itself: its messages are Node's and change between releases, while the CLI
 * prints the same on every Node it supports; and it is about twenty of Node's own functions that
 * every process compiles from source, where this is part of the cached bundle.
 */

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
}

type ParsedValues = Record<string, string | boolean | string[] | undefined>;

/** The values `options` give: true for a boolean, a string, or the strings of a `multiple` one; absent when not given. */
export type ValuesOf<O extends Readonly<Record<string, OptionSpec>>> = {
  [K in keyof O]?: O[K] extends { type: 'boolean' } ? boolean : O[K] extends { multiple: true } ? string[] : string;
};

/** A word the options do not allow, as a sentence; `unknown` is set for an option no one knows. */
export class ArgError extends Error {
  constructor(
    message: string,
    readonly unknown?: { dashes: '-' | '--'; name: string },
  ) {
    super(message);
  }
}

/** `args` read against `options` (keyed by long name). Throws ArgError for a word that does not fit. */
export function parseArgv<O extends Readonly<Record<string, OptionSpec>>>(args: readonly string[], options: O): { values: ValuesOf<O>; positionals: string[] } {
  const values: ParsedValues = Object.create(null) as ParsedValues;
  const positionals: string[] = [];
  const byShort = new Map<string, string>();
  for (const [name, o] of Object.entries(options)) if (o.short !== undefined) byShort.set(o.short, name);

  const store = (name: string, value: string | true): void => {
    if (options[name]!.multiple) ((values[name] ??= []) as string[]).push(value as string);
    else values[name] = value;
  };
  /** The value of string option `name` (written `shown`) from the next word. */
  const valueAfter = (i: number, shown: string, name: string): string => {
    const next = args[i + 1];
    if (next === undefined) throw new ArgError(`${shown} needs a value.`);
    if (next.length > 1 && next.startsWith('-')) throw new ArgError(`${shown} needs a value; "${next}" reads as an option (write --${name}=${next} for a value starting with "-").`);
    return next;
  };

  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      const o = Object.hasOwn(options, name) ? options[name] : undefined;
      if (o === undefined) throw new ArgError(`Unknown option "--${name}".`, { dashes: '--', name });
      if (o.type === 'boolean') {
        if (eq >= 0) throw new ArgError(`--${name} takes no value.`);
        store(name, true);
      } else if (eq >= 0) store(name, arg.slice(eq + 1));
      else store(name, valueAfter(i++, `--${name}`, name));
      continue;
    }
    if (arg.length < 2 || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    // -x, -xVALUE, or a group of short flags whose last may be a string option taking what follows.
    for (let j = 1; j < arg.length; j++) {
      const ch = arg[j]!;
      const name = byShort.get(ch);
      if (name === undefined) throw new ArgError(`Unknown option "-${ch}".`, { dashes: '-', name: ch });
      if (options[name]!.type === 'boolean') {
        store(name, true);
        continue;
      }
      if (j + 1 < arg.length) store(name, arg.slice(j + 1));
      else store(name, valueAfter(i++, `-${ch} (--${name})`, name));
      break;
    }
  }
  return { values: values as ValuesOf<O>, positionals };
}
