/**
 * Which strings the writer may leave plain, and how it quotes the others, so that every reader of
 * the output gets the same string back: the `yaml` library in YAML 1.1 and 1.2, PyYAML (read by
 * `aws cloudformation deploy` and cfn-lint), go-yaml v3 and the go-yaml v2 fork under kubectl
 * (sigs.k8s.io/yaml). A plain scalar is written only when no reader's implicit types match it and
 * it holds nothing a reader treats as syntax; everything else is double-quoted, with every
 * character some reader would not keep as it is escaped. test/core/yaml-roundtrip.test.ts checks
 * this against the `yaml` library and PyYAML on generated strings; docs/limits.md lists the rules.
 */

/**
 * The tests of the `yaml` library's YAML 1.1 tags other than str (null, bool, int in every base,
 * float, merge key, sexagesimal numbers, timestamp). A copy of the library's own patterns;
 * test/core/yaml-emit.test.ts fails when the library's list changes.
 */
export const YAML11_NON_STRING: readonly RegExp[] = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
  /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
  /^[-+]?0b[0-1_]+$/,
  /^[-+]?0[0-7_]+$/,
  /^[-+]?[0-9][0-9_]*$/,
  /^[-+]?0x[0-9a-fA-F_]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
  /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
  /^<<$/,
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
  /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\.[0-9]+)?)(?:[ \t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$/,
];

/**
 * Implicit types of the other readers, as their documentation and resolvers define them (written
 * here from those rules): YAML 1.2 core (`0o17`, `0x1F`, `+.inf`), PyYAML's YAML 1.1 resolver
 * (`=` is its `value` tag, which it cannot construct) and go-yaml v3, which reads numbers with Go's
 * base-0 integer rules after dropping every `_` (`0X1F`, `0O17`, `0B11`, `010`, `1_0.5`), floats
 * starting with `.`, and treats anything starting with four digits and `-` as a possible timestamp.
 */
export const OTHER_NON_STRING: readonly RegExp[] = [
  /^[-+]?0o[0-7]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/,
  /^[-+]?\.(?:inf|Inf|INF)$/,
  /^(?:\.nan|\.NaN|\.NAN)$/,
  /^=$/,
  /^[0-9]{4}-/,
];

/** go-yaml v3's numbers, tested on the string without its underscores. */
const GO_NUMBER = [/^[-+]?(?:0[bBoOxX][0-9a-fA-F]*|[0-9]+)$/, /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/];

/**
 * Characters a plain scalar never holds, and that a quoted one holds only as an escape: C0
 * controls (tab included: PyYAML refuses it in a plain scalar), DEL and C1 controls, U+0085 /
 * U+2028 / U+2029 (line breaks to a YAML 1.1 reader, not to a 1.2 one), U+FEFF, U+FFFE, U+FFFF
 * and lone surrogates (not printable in YAML).
 */
const ESCAPE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const ESCAPE_ALL = new RegExp(ESCAPE.source, 'g');

/** Syntax a plain scalar cannot start with or hold: indicators, `: `, ` #`, space or `:` at an end, document markers. */
const NOT_PLAIN = /^[\t ,[\]{}#&*!|>'"%@`]|^[?:-](?:$|[ \t])|^(?:---|\.\.\.)|:[ \t]|[\t ]#|[\t :]$|\n/;

/**
 * Whether `s` can be written plain, as a value or as a key, and read back as the same string
 * everywhere: the rules above, applied as written (plainOk decides most strings without them).
 */
export function plainOkByRules(s: string): boolean {
  if (s.length === 0 || s.length > 1024) return false;
  if (NOT_PLAIN.test(s) || ESCAPE.test(s)) return false;
  const c = s.charCodeAt(0);
  // Every implicit type of every reader starts with one of these (or is `<<` / `=`).
  if (!/[-+.0-9~<=yYnNtTfFoOeE]/.test(s[0]!) && c < 0x80) return true;
  if (YAML11_NON_STRING.some((re) => re.test(s)) || OTHER_NON_STRING.some((re) => re.test(s))) return false;
  const plain = s.replace(/_/g, '');
  return !GO_NUMBER.some((re) => re.test(plain));
}

/**
 * Character classes of printable ASCII for plainOk, from the patterns above: bit 1, a character
 * that may follow a digit in a string some reader reads as a number (digits, `_ . : + -`, the
 * hexadecimal letters, `o O x X`; timestamps are recognised by their `-` after four characters);
 * bit 2, a letter that starts a YAML 1.1 null, bool or exponent float (`y n t f o e`, either case);
 * bit 4, a character a plain scalar may not start with (NOT_PLAIN's first class).
 */
const CLASS = new Uint8Array(128);
const mark = (chars: string, bit: number): void => {
  for (let i = 0; i < chars.length; i++) CLASS[chars.charCodeAt(i)] = CLASS[chars.charCodeAt(i)]! | bit;
};
mark('0123456789_.:+-abcdefABCDEFoOxX', 1);
mark('yYnNtTfFoOeE', 2);
mark(' ,[]{}#&*!|>\'"%@`', 4);

const allDigits = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) < 48 || s.charCodeAt(i) > 57) return false;
  return true;
};

/** A `+` or `-` after the first character and not after `e` or `E` (no number of any reader has one). */
const innerSign = (s: string): boolean => {
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c === 43 || c === 45) && s.charCodeAt(i - 1) !== 101 && s.charCodeAt(i - 1) !== 69) return true;
  }
  return false;
};

/** The YAML 1.1 nulls and bools that start with a letter (YAML11_NON_STRING's first three). */
const WORDS = new Set(['null', 'Null', 'NULL', 'Y', 'y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON', 'N', 'n', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);

/**
 * plainOkByRules, without running a regular expression for the strings specs are made of: names,
 * images, paths, quantities (`256Mi`) and versions. A process that compiles the twenty-odd
 * patterns of the rules pays about a millisecond, more than it spends writing YAML in a
 * one-service run. Printable ASCII only; anything else, and every string this cannot settle by
 * the character classes above, goes to the rules. test/core/yaml-quote.test.ts checks the two
 * agree on every string of up to four characters over the characters the rules name, and on
 * random ones.
 */
export function plainOk(s: string): boolean {
  const n = s.length;
  if (n === 0 || n > 1024) return false;
  let numeric = true; // every character after the first may follow a digit in a number
  let prev = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    // Tabs, line breaks, controls and anything not ASCII: the rules.
    if (c < 0x20 || c > 0x7e) return plainOkByRules(s);
    // NOT_PLAIN inside the string: `: ` or ` #`.
    if ((prev === 58 && c === 32) || (c === 35 && prev === 32)) return false;
    if (i > 0 && (CLASS[c]! & 1) === 0) numeric = false;
    prev = c;
  }
  // NOT_PLAIN at an end: a space or `:` last, an indicator first, `?` or `:` alone or before a
  // space (`-`, and `---` and `...`, are the rules' below).
  if (prev === 32 || prev === 58) return false;
  const c0 = s.charCodeAt(0);
  if (CLASS[c0]! & 4) return false;
  if ((c0 === 63 || c0 === 58) && (n === 1 || s.charCodeAt(1) === 32)) return false;
  const letter = (c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122);
  if (letter && (CLASS[c0]! & 2) === 0) return true;
  if (letter) {
    if (WORDS.has(s)) return false;
    // `e` or `E` before a sign or a digit may be an exponent float (`e5`, `E+10`): the rules decide those.
    const c1 = n > 1 ? s.charCodeAt(1) : 0;
    return (c0 === 101 || c0 === 69) && ((c1 >= 48 && c1 <= 57) || c1 === 43 || c1 === 45) ? plainOkByRules(s) : true;
  }
  if (c0 >= 48 && c0 <= 57) {
    if (allDigits(s)) return false; // an integer to every reader
    // Four digits and `-`: a possible timestamp to go-yaml (OTHER_NON_STRING), whatever follows.
    if (n >= 5 && s.charCodeAt(4) === 45 && allDigits(s.slice(1, 4))) return false;
    // A number holds only characters of class 1 after its first, and a sign only after `e` or `E`.
    return numeric && !innerSign(s) ? plainOkByRules(s) : true;
  }
  // A dot starts a number (`.5`, `.e5`, `._`), `.inf`, `.nan` or `...` only with one of these next.
  if (c0 === 46 && n > 1 && !'0123456789_.eEiInN'.includes(s[1]!)) return true;
  // `_`, `/`, `$` and the like start no implicit type; signs, dots, `~ < =` are the rules' to decide.
  return c0 === 43 || c0 === 45 || c0 === 46 || c0 === 126 || c0 === 60 || c0 === 61 ? plainOkByRules(s) : true;
}

/** Whether `s` holds a character that only an escape keeps (see ESCAPE); such strings are always double-quoted. */
export function needsEscape(s: string): boolean {
  return ESCAPE.test(s);
}

/**
 * `s` double-quoted on one line: JSON's escapes (all of which YAML reads the same), plus `\u`
 * escapes for the characters in ESCAPE that JSON leaves raw.
 */
export function doubleQuoted(s: string): string {
  const json = JSON.stringify(s);
  // JSON escapes every C0 control; ESCAPE's other characters are all above U+007E.
  let ascii = true;
  for (let i = 0; i < json.length && ascii; i++) ascii = json.charCodeAt(i) < 0x7f;
  return !ascii && ESCAPE.test(json) ? json.replace(ESCAPE_ALL, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
}

/**
 * A finite number's text: JSON's, with `.0` before an exponent that has no fraction (`1e+21` is a
 * string to PyYAML, whose floats need a dot; `1.0e+21` is a float to every reader).
 */
export function numberText(v: number): string {
  if (Object.is(v, -0)) return '-0';
  const s = JSON.stringify(v);
  return s.includes('e') && !s.includes('.') ? s.replace('e', '.0e') : s;
}
