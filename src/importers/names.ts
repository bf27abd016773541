/**
 * Names the spec takes: a source name that the spec's schema refuses (an ECS container named
 * `log_router` or `DemoApp`, a Copilot service named `gRPC`) is turned into one it takes, with a
 * diagnostic, instead of writing a spec that fails validation. The rules are read from the schema,
 * so a wider rule there is followed here without a change.
 */
import { serviceSchemaObject } from '../schema/validate.js';
import type { Field } from './fields.js';

type Schema = { properties?: Record<string, { pattern?: string; propertyNames?: { pattern?: string } }> };

function rule(get: (s: Schema) => string | undefined): RegExp {
  const p = get(serviceSchemaObject() as Schema);
  return new RegExp(p ?? '^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$');
}

/** Whether `value` fits the pattern the schema gives `targets.ecs.<key>` (true when it gives none). */
export function fitsEcsPattern(key: string, value: string): boolean {
  const s = serviceSchemaObject() as { $defs?: Record<string, { properties?: Record<string, { pattern?: string }> }> };
  const pattern = s.$defs?.ecsTarget?.properties?.[key]?.pattern;
  return pattern === undefined || new RegExp(pattern).test(value);
}

/** A DNS-1123 label made from any name, or undefined when nothing is left. */
export function dnsLabel(name: string): string | undefined {
  const n = name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^[^a-z]+|-+$/g, '').slice(0, 63).replace(/-+$/, '');
  return n || undefined;
}

/** `name` if the spec takes it where `what` goes (containerName, a sidecar key, the service name), else a DNS label (reported at `f`). */
export function fitName(name: string, what: 'containerName' | 'sidecars' | 'name', f: Field): string {
  const ok = rule((s) => (what === 'sidecars' ? s.properties?.sidecars?.propertyNames?.pattern : s.properties?.[what]?.pattern));
  if (ok.test(name)) return name;
  const fitted = dnsLabel(name) ?? 'app';
  f.tracker.report(f.path, 'IMPORT_VALUE_CHANGED', 'warning', `${JSON.stringify(name)} is not a name the spec takes here (lowercase letters, digits and hyphens); it is written as ${JSON.stringify(fitted)}, so the generated ${what === 'name' ? 'service' : 'container'} is named that way.`);
  return fitted;
}
