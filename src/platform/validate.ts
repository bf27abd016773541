/** Platform spec validation: the generated standalone validator with the service schema's error mapping. */
import schemaJson from '../../schema/platform.schema.json' with { type: 'json' };
import { createSchemaValidator } from '../schema/validate.js';
// @ts-ignore -- generated JavaScript without declarations
import validateGenerated from './validate.generated.js';

export const validatePlatformSpec = createSchemaValidator(schemaJson, validateGenerated);
