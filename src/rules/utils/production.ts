/**
 * What "production" means for the rules that only apply there: the environment overlay being
 * compiled is named `production` or `prod` (`--env production`), or the spec's labels say so
 * (`labels: {environment: production}`; keys `environment`, `env`, `stage`, `tier`). Both lists
 * are rule options.
 */
import type { CodegenServiceSpecV1 as ServiceSpec } from '../../schema/spec.generated.js';

export interface ProductionOptions {
  /** Environment (and label value) names that mean production. */
  productionNames?: string[];
  /** Label keys whose value names the environment. */
  productionLabels?: string[];
}

export const PRODUCTION_DEFAULTS: Required<ProductionOptions> = {
  productionNames: ['production', 'prod'],
  productionLabels: ['environment', 'env', 'stage', 'tier'],
};

export const productionOptionsSchema = {
  productionNames: { type: 'array', items: { type: 'string' }, description: 'Environment or label values that mean production.' },
  productionLabels: { type: 'array', items: { type: 'string' }, description: 'Label keys read for the environment name.' },
};

export function isProduction(spec: ServiceSpec, environment: string | undefined, options: ProductionOptions): boolean {
  const names = new Set((options.productionNames ?? PRODUCTION_DEFAULTS.productionNames).map((n) => n.toLowerCase()));
  if (environment !== undefined && names.has(environment.toLowerCase())) return true;
  const labels = spec.labels ?? {};
  return (options.productionLabels ?? PRODUCTION_DEFAULTS.productionLabels).some((k) => Object.hasOwn(labels, k) && typeof labels[k] === 'string' && names.has(labels[k]!.toLowerCase()));
}
