/** What the commands share: where they print, the working directory, and how a usage error is raised. */

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  /**
   * Standard input (for `-`), read to the end or until more than `limit` bytes (default: the spec
   * limit) have come; absent when the caller has none.
   */
  stdin?: (limit?: number) => Promise<Uint8Array>;
  /** The environment (GITHUB_WORKSPACE for annotation paths); absent means none. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Told how many specs a run will compile, before it starts: the bin limits its process's heap for a large run (src/cli/heap.ts); absent in-process. */
  beforeCompile?: (specCount: number) => void;
}

/** A mistake on the command line: printed with a pointer to --help, exit 2. */
export class UsageError extends Error {
  /** The command whose --help the message points to, when there is one. */
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
  }
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
