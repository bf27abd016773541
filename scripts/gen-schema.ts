/**
 * Writes the generated schema artifacts:
 *   schema/service.schema.json          the JSON Schema (shipped)
 *   src/schema/spec.generated.ts        TypeScript types derived from it
 *   src/schema/validate.generated.js    ajv standalone validator (no schema compile at start-up)
 *   schema/platform.schema.json, src/platform/spec.generated.ts, src/platform/validate.generated.js: the same for `kind: Platform`
 * `test/schema.test.ts` fails when any of them is stale. Run: npm run gen:schema
 */
import { writeFileSync } from 'node:fs';
import { generatedArtifacts } from './schema-artifacts.js';

const files = await generatedArtifacts();
for (const [path, text] of Object.entries(files)) {
  writeFileSync(new URL(`../${path}`, import.meta.url), text);
  console.log(`wrote ${path}`);
}
