/**
 * Text widths without a browser: a fixed table of character advances (in em) close to the widest
 * common sans-serif fonts (DejaVu Sans, Verdana), so boxes are never too narrow where those fonts
 * are used and a little roomy elsewhere. Deterministic: the same text always measures the same.
 */

const NARROW = new Set([...'ijlI.,:;|!\'`']);
const THIN = new Set([...'frt()[]{}/\\- ']);
const WIDE = new Set([...'mwMW@%']);

function advance(ch: string): number {
  if (NARROW.has(ch)) return 0.3;
  if (THIN.has(ch)) return 0.4;
  if (WIDE.has(ch)) return 0.95;
  if (/[A-Z]/.test(ch)) return 0.72;
  if (/[0-9]/.test(ch)) return 0.64;
  if (ch.charCodeAt(0) > 0x7f) return 0.8; // arrows, dashes, ellipses, letters of other scripts
  return 0.62;
}

/** Width in pixels of `text` at `size` pixels (bold adds a tenth). */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += advance(ch);
  return em * size * (bold ? 1.1 : 1);
}

/** `text` broken into lines no wider than `max` pixels, at spaces (a longer word stays whole). */
export function wrap(text: string, size: number, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, size) > max) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}
