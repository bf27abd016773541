/** True when every character of `s` is ASCII (a string, where node:buffer's isAscii takes bytes). */
export function isAsciiText(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}
