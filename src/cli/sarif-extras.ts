/**
 * What only a SARIF report needs, loaded on demand (report.ts): the rules' help pages and a hash
 * for `partialFingerprints`.
 */
import { createHash } from 'node:crypto';

export { RULE_HELP } from './rule-help.generated.js';

/** A stable 128-bit hex hash of a result's identity key. */
export const fingerprint = (key: string): string => createHash('sha256').update(key).digest('hex').slice(0, 32);
