/** Platform spec validation: the generated standalone validator with the service schema's error mapping. */
import { createSchemaValidator } from '../schema/validate.js';
// @ts-ignore -- generated JavaScript without declarations
import { platformSchemaText } from './schema-text.generated.js';
// @ts-ignore -- generated JavaScript without declarations
import validateGenerated from './validate.generated.js';

// The schema words errors only: a string parsed on the first invalid platform spec, like the service schema's.
let schema: object | undefined;
export const validatePlatformSpec = createSchemaValidator(() => (schema ??= JSON.parse(platformSchemaText() as string) as object), validateGenerated);
