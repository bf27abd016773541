/**
 * The `yaml` library's side of reading a spec, with bounds on its work: the text is parsed to the
 * library's CST (an iterative parser), checked there without recursion — nesting depth, tags,
 * directives — and only then composed into nodes (the composer recurses once per nesting level),
 * stopping after MAX_YAML_ERRORS errors. A spec is always read as YAML 1.2 core: a `%YAML 1.1`
 * directive, a `%TAG` directive or any tag (`!!omap`, `!!set`, `!!binary`, `!!str`, `!foo`, `!`)
 * would change what the text means, so each is an error. See docs/limits.md.
 */
import type { CST, Document, ErrorCode } from 'yaml';
import { yamlLibrary, type LineIndex } from './lazy-yaml.js';

/** Deepest nesting of collections accepted (the reader's MAX_DEPTH). */
export const MAX_YAML_DEPTH = 64;
/** YAML errors reported before reading stops (one more diagnostic says it stopped). */
export const MAX_YAML_ERRORS = 100;

export interface LibraryProblem {
  code: string;
  message: string;
  offset: number;
  hint?: string;
}

export interface LibraryRead {
  docs: Document.Parsed[];
  /** Problems found before composing (depth, tags, directives) or while composing (syntax). */
  problems: LibraryProblem[];
}

const STOP: unique symbol = Symbol('stop');
type OnError = (source: unknown, code: ErrorCode, message: string, warning?: boolean) => void;

/** The only directive that does not change meaning: the version specs are read as anyway. */
const YAML_12 = /^%YAML[ \t]+1\.2[ \t]*(?:#.*)?$/;

/** CST checks, without recursion: too-deep nesting, tags, directives. At most `limit` problems. */
function checkTokens(tokens: readonly CST.Token[], limit: number): LibraryProblem[] {
  const out: LibraryProblem[] = [];
  const props = (list: readonly CST.Token[] | undefined): void => {
    if (!list) return;
    for (const t of list) {
      if (t.type === 'tag' && out.length < limit) {
        out.push({
          code: 'YAML_TAG',
          message: `The tag ${JSON.stringify(t.source)} is not allowed: a spec is read as YAML 1.2 core, and a tag changes what a value means.`,
          offset: t.offset,
          hint: 'remove the tag; quote a value that must stay a string',
        });
      }
    }
  };
  const stack: { token: CST.Token; depth: number }[] = [];
  for (const token of tokens) {
    if (token.type === 'directive') {
      const text = token.source.trim();
      if (!YAML_12.test(text) && out.length < limit) {
        const yaml = /^%YAML\b/.test(text);
        out.push({
          code: 'YAML_DIRECTIVE',
          message: yaml
            ? `The directive ${JSON.stringify(text)} is not allowed: a spec is always read as YAML 1.2 (in YAML 1.1 \`NO\` is false and \`010\` is 8).`
            : `The directive ${JSON.stringify(text)} is not allowed: a spec is read as YAML 1.2 core, without tag directives.`,
          offset: token.offset,
          hint: 'remove the directive',
        });
      }
      continue;
    }
    stack.push({ token, depth: 0 });
    while (stack.length) {
      const { token: t, depth } = stack.pop()!;
      if (out.length >= limit) return out;
      switch (t.type) {
        case 'document':
          props(t.start);
          if (t.value) stack.push({ token: t.value, depth });
          break;
        case 'block-scalar':
          props(t.props);
          break;
        case 'block-map':
        case 'block-seq':
        case 'flow-collection': {
          if (depth + 1 > MAX_YAML_DEPTH) {
            out.push({ code: 'YAML_TOO_DEEP', message: `Nesting is deeper than ${MAX_YAML_DEPTH} levels.`, offset: t.offset });
            return out;
          }
          const items = t.items as CST.CollectionItem[];
          // Pushed in reverse so problems come out in document order.
          for (let i = items.length - 1; i >= 0; i--) {
            const item = items[i]!;
            if (item.value) stack.push({ token: item.value, depth: depth + 1 });
            if (item.key) stack.push({ token: item.key, depth: depth + 1 });
          }
          for (const item of items) {
            props(item.start);
            props(item.sep);
          }
          break;
        }
        default:
          break;
      }
    }
  }
  return out;
}

/**
 * Parse `text` with the yaml library (YAML 1.2 core, unique keys, strict), or return the problems
 * that make composing it pointless or unsafe. Errors beyond MAX_YAML_ERRORS stop the composer.
 */
export function readWithLibrary(text: string, lineCounter: LineIndex): LibraryRead {
  const { Composer, Parser } = yamlLibrary();
  const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text));
  const problems = checkTokens(tokens, MAX_YAML_ERRORS);
  if (problems.length) {
    if (problems.length >= MAX_YAML_ERRORS) problems.push(stopped(text.length));
    return { docs: [], problems };
  }
  const composer = new Composer({ uniqueKeys: true, prettyErrors: false, strict: true, version: '1.2' });
  // The composer reports every problem through its `onError` member (not public API, so a test
  // holds the library to it: test/core/yaml-library.test.ts); counting there lets it stop early.
  const hook = composer as unknown as { onError?: OnError };
  const report = hook.onError;
  let errors = 0;
  if (typeof report === 'function') {
    hook.onError = (source, code, message, warning) => {
      if (!warning && ++errors > MAX_YAML_ERRORS) throw STOP;
      report(source, code, message, warning);
    };
  }
  try {
    return { docs: Array.from(composer.compose(tokens)) as Document.Parsed[], problems };
  } catch (err) {
    if (err !== STOP) throw err;
    const composed = composer.streamInfo().errors;
    for (const e of composed) problems.push({ code: yamlCode(e.code), message: e.message, offset: e.pos[0] });
    problems.splice(MAX_YAML_ERRORS);
    problems.push(stopped(composed[composed.length - 1]?.pos[1] ?? 0));
    return { docs: [], problems };
  }
}

function stopped(offset: number): LibraryProblem {
  return {
    code: 'YAML_TOO_MANY_ERRORS',
    message: `Reading stopped after ${MAX_YAML_ERRORS} YAML problems; the rest of the file was not checked.`,
    offset: Math.max(0, offset),
    hint: 'fix the first problems and run again',
  };
}

/** A library error code as a diagnostic code. */
export function yamlCode(code: string): string {
  if (code === 'RESOURCE_EXHAUSTION') return 'YAML_TOO_DEEP';
  return `YAML_${code}`;
}
