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

/** Whether `s` can be written plain, as a value or as a key, and read back as the same string everywhere. */
export function plainOk(s: string): boolean {
  if (s.length === 0 || s.length > 1024) return false;
  if (NOT_PLAIN.test(s) || ESCAPE.test(s)) return false;
  const c = s.charCodeAt(0);
  // Every implicit type of every reader starts with one of these (or is `<<` / `=`).
  if (!/[-+.0-9~<=yYnNtTfFoOeE]/.test(s[0]!) && c < 0x80) return true;
  if (YAML11_NON_STRING.some((re) => re.test(s)) || OTHER_NON_STRING.some((re) => re.test(s))) return false;
  const plain = s.replace(/_/g, '');
  return !GO_NUMBER.some((re) => re.test(plain));
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
  return ESCAPE.test(json) ? json.replace(ESCAPE_ALL, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
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
