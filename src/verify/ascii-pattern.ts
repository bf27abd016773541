/**
 * Patterns with Unicode property classes (`\p{L}`, `\P{Cc}`), read for ASCII text without them.
 * V8 builds a property class from the Unicode tables when it reads the pattern and again when it
 * compiles it: the tag pattern of the CloudFormation schemas (`^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$`)
 * costs a process about half a millisecond, the costliest pattern of a run of every target. For a string of
 * ASCII characters a property class matches exactly its ASCII members, so a copy of the pattern
 * with each class replaced by them gives the same answer; any other string gets the pattern itself,
 * compiled when first needed. test/verify/ascii-pattern.test.ts compares the two on the vendored
 * schemas' patterns.
 */
import { isAsciiText } from '../core/ascii.js';

/** The ASCII members of the property classes the vendored schemas use (`\P{Cc}` is what `\p{Print}` becomes). */
const ASCII_MEMBERS: Readonly<Record<string, string>> = {
  'p{L}': 'A-Za-z',
  'p{Z}': ' ',
  'p{N}': '0-9',
  'P{Cc}': '\\x20-\\x7e',
};

/**
 * `source` with each property class replaced by its ASCII members, or undefined when it holds one
 * this does not know, a negated one inside a bracket class (`[\P{L}]`), whose members would need
 * a complement, or one beside a `-` in a bracket class. Its copy then compiles exactly when the
 * pattern does (the names in ASCII_MEMBERS are valid property names), so the pattern need not be
 * compiled to know.
 */
export function asciiSource(source: string): string | undefined {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const m = /^[pP]\{[A-Za-z_=]+\}/.exec(source.slice(i + 1, i + 40));
      if (m) {
        const members = ASCII_MEMBERS[m[0]];
        if (members === undefined || (inClass && m[0].startsWith('P'))) return undefined;
        // A class escape at a range's end is an error under the `u` flag; its copy would not be.
        if (inClass && (source[i + 1 + m[0].length] === '-' || (out.endsWith('-') && !out.endsWith('\\-')))) return undefined;
        out += inClass ? members : `[${members}]`;
        i += m[0].length;
        continue;
      }
      out += source.slice(i, i + 2);
      i++;
      continue;
    }
    if (c === '[' && !inClass) inClass = true;
    else if (c === ']' && inClass) inClass = false;
    out += c;
  }
  return out;
}

/**
 * A tester for `source` (flags `u`): for a pattern with property classes, its ASCII copy for ASCII
 * strings and the pattern itself, made on first use, for the rest; otherwise (or when the copy is
 * not a valid pattern, nor then the pattern) undefined.
 */
export function asciiFirst(source: string): { test: (s: string) => boolean } | undefined {
  if (!source.includes('\\p{') && !source.includes('\\P{')) return undefined;
  const ascii = asciiSource(source);
  if (ascii === undefined) return undefined;
  let fast: RegExp;
  try {
    fast = new RegExp(ascii, 'u');
  } catch {
    return undefined;
  }
  let full: RegExp | undefined;
  return { test: (s) => (isAsciiText(s) ? fast.test(s) : (full ??= new RegExp(source, 'u')).test(s)) };
}
