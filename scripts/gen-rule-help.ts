/** Writes src/cli/rule-help.generated.ts (SARIF rule help) from docs/rules/*.md. Run: npm run gen:rule-help */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RULE_HELP_FILE, ruleHelpModule } from './rule-help.js';

const root = fileURLToPath(new URL('..', import.meta.url));
writeFileSync(new URL(`../${RULE_HELP_FILE}`, import.meta.url), ruleHelpModule(root));
console.log(`wrote ${RULE_HELP_FILE}`);
