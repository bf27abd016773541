/**
 * How a deploy-time value travels through the model: a string field that uses a parameter holds a
 * token (`\uE000Name\uE001`, private-use characters no spec can contain there) in place of each
 * `${Name}`. Emitters copy model strings as they are; after emission the CloudFormation targets
 * turn a token into `{Ref: Name}` or `Fn::Sub`, and every other target into the parameter's
 * default (see `emitters/common/parameters.ts`). Pure string helpers, no state.
 */

export const TOKEN_START = '\uE000';
export const TOKEN_END = '\uE001';

/** The CloudFormation pseudo parameters a spec may use without declaring them. */
export const PSEUDO_PARAMETERS: readonly string[] = ['AWS::AccountId', 'AWS::Partition', 'AWS::Region', 'AWS::StackName', 'AWS::URLSuffix'];

export const isPseudoParameter = (name: string): boolean => PSEUDO_PARAMETERS.includes(name);

/** The token that stands for `${name}`. */
export const token = (name: string): string => `${TOKEN_START}${name}${TOKEN_END}`;

/** Whether a string holds a token (or a stray private-use marker). */
export const hasToken = (s: string): boolean => s.includes(TOKEN_START) || s.includes(TOKEN_END);

const TOKENS = /\uE000([A-Za-z0-9:]+)\uE001/g;

/** Names of the tokens in a string, in order of appearance (repeats kept). */
export function tokenNames(s: string): string[] {
  return [...s.matchAll(TOKENS)].map((m) => m[1]!);
}

/** Replaces every token with `f(name)`. */
export function replaceTokens(s: string, f: (name: string) => string): string {
  return s.replace(TOKENS, (_, name: string) => f(name));
}

/** The name when the whole string is one token. */
export function soleToken(s: string): string | undefined {
  const m = /^\uE000([A-Za-z0-9:]+)\uE001$/.exec(s);
  return m ? m[1] : undefined;
}
