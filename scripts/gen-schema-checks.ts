/** Writes src/verify/schema-checks.generated.ts (compiled Kubernetes checks) and src/verify/cfn-checks.generated.ts (CloudFormation) from vendor/schemas. Run: npm run gen:schema-checks */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CFN_CHECKS_FILE, cfnChecksModule, SCHEMA_CHECKS_FILE, schemaChecksModule } from './schema-checks.js';

const root = fileURLToPath(new URL('..', import.meta.url));
writeFileSync(new URL(`../${SCHEMA_CHECKS_FILE}`, import.meta.url), schemaChecksModule(`${root}vendor/schemas`));
console.log(`wrote ${SCHEMA_CHECKS_FILE}`);
writeFileSync(new URL(`../${CFN_CHECKS_FILE}`, import.meta.url), cfnChecksModule(`${root}vendor/schemas`));
console.log(`wrote ${CFN_CHECKS_FILE}`);
