/** A generated file as the pipeline hands it to the writer, and the rule every output path obeys. */

export interface OutputFile {
  /** Relative POSIX path: `<service>/<artifact path>`. */
  path: string;
  content: string;
}

/** Relative POSIX path inside the output folder: no `..`, no absolute path, no NUL or backslash. */
export function isSafeRelativePath(p: string): boolean {
  if (!p || p.startsWith('/') || p.includes('\\') || p.includes('\0') || /^[A-Za-z]:/.test(p)) return false;
  return p.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..');
}
