/**
 * The scalars of the fast YAML reader (yaml-fast.ts): which keys and plain scalars it reads, how
 * the YAML 1.2 core schema resolves them, and one-line quoted scalars. Anything else gives up
 * (GIVE_UP), and the caller parses with the yaml library.
 */

export const GIVE_UP: unique symbol = Symbol('give up');

export function giveUp(): never {
  throw GIVE_UP;
}

export const SPACE = 32;
export const NL = 10;
/** Carriage return: only ever part of a CRLF line break here (a lone one is unsupported). */
export const CR = 13;
export const HASH = 35;
export const COLON = 58;
export const DASH = 45;

/** A character of a plain key: a letter, a digit, `_`, `-`, `.` or `/`. */
export function isKeyChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === DASH || c === 46 || c === 47;
}

/** Keys that are not strings to the library (null, booleans) or that no spec may hold. */
export function notStringKey(key: string): boolean {
  switch (key) {
    case 'null':
    case 'Null':
    case 'NULL':
    case 'true':
    case 'True':
    case 'TRUE':
    case 'false':
    case 'False':
    case 'FALSE':
    case '__proto__':
    case 'constructor':
    case 'prototype':
      return true;
  }
  return false;
}

/**
 * Plain scalars the subset reads: no indicator first. The caller's scan of the scalar has refused
 * every `: ` (block context; brackets inside are plain text there) or every colon (flow context).
 */
export function checkPlain(text: string): void {
  if (text.length === 0) giveUp();
  const c = text.charCodeAt(0);
  // , [ ] { } # & * ! | > ' " % @ `
  if (c === 44 || c === 91 || c === 93 || c === 123 || c === 125 || c === HASH || c === 38 || c === 42 || c === 33 || c === 124 || c === 62 || c === 39 || c === 34 || c === 37 || c === 64 || c === 96) giveUp();
  // - ? : start a plain scalar only when a non-space follows.
  if ((c === DASH || c === 63 || c === COLON) && (text.length === 1 || text.charCodeAt(1) === SPACE)) giveUp();
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * The number the YAML 1.2 core schema reads `s` as, for a plain scalar starting with a digit, a
 * sign or a dot: an integer (`[-+]?[0-9]+`), a float (`[-+]?(\.[0-9]+|[0-9]+\.[0-9]*)`, with an
 * optional exponent `[eE][-+]?[0-9]+`, which a float without a dot may have too), or undefined
 * for a string. The core schema's other numbers (`0o17`, `0x1F`, `.inf`, `.nan` and their signed
 * forms) give up, as does every string starting `0o` or `0x`. Scanned by hand: the patterns
 * cost a process more to compile than all the scalars of a spec cost to read.
 */
function coreNumber(s: string): number | undefined {
  const n = s.length;
  const c0 = s.charCodeAt(0);
  let i = c0 === 43 || c0 === DASH ? 1 : 0;
  const intStart = i;
  while (i < n && isDigit(s.charCodeAt(i))) i++;
  const intDigits = i - intStart;
  let fracDigits = -1; // no dot
  if (i < n && s.charCodeAt(i) === 46) {
    const f = ++i;
    while (i < n && isDigit(s.charCodeAt(i))) i++;
    fracDigits = i - f;
  }
  const mantissa = intDigits > 0 || fracDigits > 0;
  if (i === n) {
    if (fracDigits < 0 && intDigits > 0) return parseInt(s, 10);
    if (fracDigits >= 0 && mantissa) return parseFloat(s);
  } else if (mantissa && (s.charCodeAt(i) === 101 || s.charCodeAt(i) === 69)) {
    let j = i + 1;
    if (j < n && (s.charCodeAt(j) === 43 || s.charCodeAt(j) === DASH)) j++;
    const e = j;
    while (j < n && isDigit(s.charCodeAt(j))) j++;
    if (j === n && j > e) return parseFloat(s);
  }
  if (s.startsWith('0o') || s.startsWith('0x')) giveUp();
  const unsigned = c0 === 43 || c0 === DASH ? s.slice(1) : s;
  if (unsigned === '.inf' || unsigned === '.Inf' || unsigned === '.INF' || s === '.nan' || s === '.NaN' || s === '.NAN') giveUp();
  return undefined;
}

/** A plain scalar as the YAML 1.2 core schema reads it. */
export function resolvePlain(s: string): unknown {
  switch (s) {
    case '~':
    case 'null':
    case 'Null':
    case 'NULL':
      return null;
    case 'true':
    case 'True':
    case 'TRUE':
      return true;
    case 'false':
    case 'False':
    case 'FALSE':
      return false;
  }
  const c = s.charCodeAt(0);
  if ((c >= 48 && c <= 57) || c === DASH || c === 43 || c === 46) return coreNumber(s) ?? s;
  return s;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', '"': '"', '\\': '\\', '/': '/' };

/**
 * A one-line quoted scalar starting at `start` in `T`: `"..."` with backslash escapes, or `'...'`
 * with `''` for a quote. `end` is the position after the closing quote.
 */
export function quotedScalar(T: string, start: number): { value: string; end: number } {
  const N = T.length;
  const quote = T.charCodeAt(start); // 34 " or 39 '
  let out = '';
  let from = start + 1;
  let q = from;
  for (;;) {
    if (q >= N) giveUp();
    const ch = T.charCodeAt(q);
    if (ch === NL || ch === CR) giveUp();
    if (ch === quote) {
      if (quote === 39 && T.charCodeAt(q + 1) === 39) {
        out += T.slice(from, q + 1);
        q += 2;
        from = q;
        continue;
      }
      break;
    }
    if (ch === 92 && quote === 34) {
      out += T.slice(from, q);
      const esc = T[q + 1] ?? '';
      const simple = ESCAPES[esc];
      if (simple !== undefined) {
        out += simple;
        q += 2;
      } else if (esc === 'x' || esc === 'u') {
        const len = esc === 'x' ? 2 : 4;
        const hex = T.slice(q + 2, q + 2 + len);
        if (hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex)) giveUp();
        out += String.fromCodePoint(parseInt(hex, 16));
        q += 2 + len;
      } else {
        giveUp();
      }
      from = q;
      continue;
    }
    q++;
  }
  out += T.slice(from, q);
  return { value: out, end: q + 1 };
}
