/**
 * What a service template uses to reference its platform: `platformImport(model, 'ProdListenerArn')`
 * → `{'Fn::ImportValue': '<platform>-ProdListenerArn'}`, or undefined when the service names no
 * platform (the template then keeps its own parameter). List-valued exports (`PrivateSubnets`,
 * `PublicSubnets`) are comma-joined strings: `platformImportList` splits them back into a list.
 */
import type { JsonObject } from '../core/serialize.js';
import type { ServiceModel } from '../model/types.js';
import { exportName, type PlatformExport } from './exports.js';

export type { PlatformExport } from './exports.js';

export function platformImport(model: Pick<ServiceModel, 'platform'>, output: PlatformExport): JsonObject | undefined {
  if (!model.platform) return undefined;
  return { 'Fn::ImportValue': exportName(model.platform.name, output) };
}

/** A list export (`PrivateSubnets`, `PublicSubnets`) as a list: `{'Fn::Split': [',', ImportValue]}`. */
export function platformImportList(model: Pick<ServiceModel, 'platform'>, output: 'PrivateSubnets' | 'PublicSubnets'): JsonObject | undefined {
  const value = platformImport(model, output);
  return value ? { 'Fn::Split': [',', value] } : undefined;
}
