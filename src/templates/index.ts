/**
 * Template emitters from the config's `templates` list: the built-in runbook or template files.
 * Imported by the config loader only when the list is non-empty (so Handlebars loads only then).
 */
import { resolve } from 'node:path';
import { isSafeRelativePath } from '../core/output.js';
import { NotRegularFileError, readRegularFile } from '../core/read-file.js';
import type { Emitter } from '../emitters/types.js';
import { createTemplateEmitter, loadHandlebars } from './engine.js';
import { createRunbookEmitter } from './runbook.js';

export { createTemplateEmitter, loadHandlebars, plainModel } from './engine.js';
export type { Handlebars, TemplateEmitterOptions } from './engine.js';
export { createRunbookEmitter, runbookView, RUNBOOK_TEMPLATE } from './runbook.js';

/** One entry of a config's `templates` list: the built-in runbook, or a template file and where its output goes. */
export type TemplateEntry = 'runbook' | { template: string; output: string; name?: string; target?: string; description?: string };

export interface TemplateProblem {
  index: number;
  code: string;
  message: string;
}

/** Build the emitters of a `templates` list; `dir` is the config's folder, `show` makes display paths. */
export async function loadTemplateEmitters(
  entries: readonly TemplateEntry[],
  dir: string,
  show: (abs: string) => string,
): Promise<{ emitters: Emitter[]; problems: TemplateProblem[] }> {
  const hb = await loadHandlebars();
  const emitters: Emitter[] = [];
  const problems: TemplateProblem[] = [];
  for (const [index, entry] of entries.entries()) {
    if (entry === 'runbook') {
      emitters.push(createRunbookEmitter(hb));
      continue;
    }
    if (!isSafeRelativePath(entry.output)) {
      problems.push({ index, code: 'TEMPLATE_OUTPUT_PATH_INVALID', message: `The output path ${JSON.stringify(entry.output)} must be relative and stay inside the service folder.` });
      continue;
    }
    const abs = resolve(dir, entry.template);
    let text: string;
    try {
      // Never blocks: a FIFO or device where the template should be is refused, not read.
      text = readRegularFile(abs);
    } catch (err) {
      const why = err instanceof NotRegularFileError ? `it is ${err.kind}, not a regular file` : ((err as NodeJS.ErrnoException).code ?? String(err));
      problems.push({ index, code: 'TEMPLATE_UNREADABLE', message: `Cannot read the template ${entry.template}: ${why}.` });
      continue;
    }
    emitters.push(
      createTemplateEmitter(hb, {
        template: text,
        templateFile: show(abs),
        output: entry.output,
        ...(entry.name !== undefined ? { name: entry.name } : {}),
        ...(entry.target !== undefined ? { target: entry.target } : {}),
        ...(entry.description !== undefined ? { description: entry.description } : {}),
      }),
    );
  }
  return { emitters, problems };
}
