/**
 * The reference article's artifacts, as the project records them: `test/reference/*.facts.json`
 * holds one JSON pointer per leaf value of a snippet (with where it comes from), not the snippet
 * itself. `referenceObject` builds the object those facts describe (a pointer segment of digits is
 * a list index), so a test can compare generated output with it field for field.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './fixtures.js';

export const REFERENCE_DIR = join(ROOT, 'test/reference');

export interface ReferenceFacts {
  what: string;
  source: string;
  facts: Record<string, unknown>;
}

export function referenceFacts(name: string): ReferenceFacts {
  return JSON.parse(readFileSync(join(REFERENCE_DIR, `${name}.facts.json`), 'utf8')) as ReferenceFacts;
}

const unescape = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');

export function referenceObject(name: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [pointer, value] of Object.entries(referenceFacts(name).facts)) {
    const segments = pointer.split('/').slice(1).map(unescape);
    let at: Record<string, unknown> | unknown[] = root;
    segments.forEach((seg, i) => {
      const last = i === segments.length - 1;
      const key = Array.isArray(at) ? Number(seg) : seg;
      if (last) {
        (at as Record<string | number, unknown>)[key] = value;
        return;
      }
      const container = at as Record<string | number, unknown>;
      container[key] ??= /^\d+$/.test(segments[i + 1]!) ? [] : {};
      at = container[key] as Record<string, unknown> | unknown[];
    });
  }
  return root;
}
