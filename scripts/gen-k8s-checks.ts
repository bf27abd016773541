/** Writes src/verify/k8s-checks.generated.ts (compiled Kubernetes checks) from vendor/schemas. Run: npm run gen:k8s-checks */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { K8S_CHECKS_FILE, k8sChecksModule } from './k8s-checks.js';

const root = fileURLToPath(new URL('..', import.meta.url));
writeFileSync(new URL(`../${K8S_CHECKS_FILE}`, import.meta.url), k8sChecksModule(`${root}vendor/schemas`));
console.log(`wrote ${K8S_CHECKS_FILE}`);
