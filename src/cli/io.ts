/** What the commands share: where they print, the working directory, and how a usage error is raised. */

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
}

/** A mistake on the command line: printed with a pointer to --help, exit 2. */
export class UsageError extends Error {}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
