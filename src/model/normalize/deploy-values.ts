/**
 * Deploy-time values from the command line (`codegen generate --set KEY=VALUE`, `compile({ set })`):
 * a small set of keys, each checked like the spec field it sets, written into the spec before
 * anything reads it. A key sets its field everywhere the spec gives it (the base, each
 * `targets.<t>` and each `environments.<e>` section), so the value wins in every view.
 */
import type { DiagnosticInput, SpecPath } from '../../core/diagnostics.js';
import { ENV_NAME_PATTERN } from '../../schema/values.js';
import type { CodegenServiceSpecV1 as ServiceSpec } from '../../schema/spec.generated.js';
import { parameterValueProblem } from './parameters.js';

/** The keys `--set` takes, as the help and errors print them. */
export const SET_KEYS: readonly string[] = ['image', 'sidecars.<name>.image', 'replicas', 'env.<NAME>', 'parameters.<Name>.default'];

type Key =
  | { kind: 'image' }
  | { kind: 'sidecarImage'; sidecar: string }
  | { kind: 'replicas' }
  | { kind: 'env'; name: string }
  | { kind: 'parameter'; name: string };

/** The key's meaning, or undefined when it is none of SET_KEYS. */
export function parseSetKey(key: string): Key | undefined {
  if (key === 'image') return { kind: 'image' };
  if (key === 'replicas') return { kind: 'replicas' };
  let m = /^sidecars\.([a-z0-9-]+)\.image$/.exec(key);
  if (m) return { kind: 'sidecarImage', sidecar: m[1]! };
  m = /^env\.([^.]+)$/.exec(key);
  if (m && new RegExp(ENV_NAME_PATTERN).test(m[1]!)) return { kind: 'env', name: m[1]! };
  m = /^parameters\.([A-Za-z0-9]{1,255})\.default$/.exec(key);
  if (m) return { kind: 'parameter', name: m[1]! };
  return undefined;
}

/** `KEY=VALUE` → its parts, or an error message (usage). */
export function parseSetArgument(arg: string): { key: string; value: string } | string {
  const eq = arg.indexOf('=');
  if (eq <= 0) return `--set takes KEY=VALUE, not ${JSON.stringify(arg)}.`;
  const key = arg.slice(0, eq);
  if (!parseSetKey(key)) return `--set cannot set ${JSON.stringify(key)}; the keys are ${SET_KEYS.join(', ')}.`;
  return { key, value: arg.slice(eq + 1) };
}

/** An image reference: `registry[:port]/repo[:tag][@algo:hex]`, no spaces or control characters. */
const IMAGE = /^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(\/[a-z0-9]+([._-]+[a-z0-9]+)*)*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(@[a-z0-9]+:[a-f0-9]{32,})?$/;

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

type Report = (d: DiagnosticInput & { path: SpecPath }) => void;

/**
 * The spec with the values set, or undefined after reporting why it could not be (a value of the
 * wrong type, a sidecar or parameter the spec does not have). The input is not changed.
 */
export function applyDeployValues(raw: ServiceSpec, set: Readonly<Record<string, string>>, report: Report): ServiceSpec | undefined {
  const spec = structuredClone(raw) as unknown as Record<string, unknown>;
  let ok = true;
  const fail = (key: string, why: string) => {
    ok = false;
    report({ code: 'SET_INVALID_VALUE', severity: 'error', message: `--set ${key}: ${why}`, path: [] });
  };
  /** Every section that may carry core fields: the base, targets.*, environments.*, environments.*.targets.*. */
  const sections: Record<string, unknown>[] = [spec];
  const targetsOf = (s: Record<string, unknown>) => (isObject(s.targets) ? Object.values(s.targets).filter(isObject) : []);
  sections.push(...targetsOf(spec));
  const envs = isObject(spec.environments) ? Object.values(spec.environments).filter(isObject) : [];
  for (const e of envs) sections.push(e, ...targetsOf(e));

  for (const key of Object.keys(set).sort()) {
    const value = set[key]!;
    const k = parseSetKey(key);
    if (!k) {
      ok = false;
      report({ code: 'SET_UNKNOWN_KEY', severity: 'error', message: `--set cannot set ${JSON.stringify(key)}; the keys are ${SET_KEYS.join(', ')}.`, path: [] });
      continue;
    }
    switch (k.kind) {
      case 'image': {
        if (!IMAGE.test(value)) {
          fail(key, `${JSON.stringify(value)} is not an image reference (repository[:tag][@sha256:digest], lowercase repository, no spaces).`);
          break;
        }
        spec.image = value;
        for (const s of sections.slice(1)) if (typeof s.image === 'string') s.image = value;
        break;
      }
      case 'sidecarImage': {
        if (!IMAGE.test(value)) {
          fail(key, `${JSON.stringify(value)} is not an image reference (repository[:tag][@sha256:digest], lowercase repository, no spaces).`);
          break;
        }
        const holders = sections.map((s) => (isObject(s.sidecars) ? s.sidecars[k.sidecar] : undefined)).filter(isObject);
        if (!holders.length) {
          fail(key, `the spec has no sidecar ${JSON.stringify(k.sidecar)}.`);
          break;
        }
        for (const h of holders) if (typeof h.image === 'string') h.image = value;
        break;
      }
      case 'replicas': {
        if (!/^[0-9]{1,6}$/.test(value) || Number(value) > 100000) {
          fail(key, `${JSON.stringify(value)} is not a whole number from 0 to 100000.`);
          break;
        }
        spec.replicas = Number(value);
        for (const s of sections.slice(1)) if (s.replicas !== undefined && s.replicas !== null) s.replicas = Number(value);
        break;
      }
      case 'env': {
        spec.env = { ...(isObject(spec.env) ? spec.env : {}), [k.name]: value };
        for (const s of sections.slice(1)) if (isObject(s.env) && s.env[k.name] !== undefined) s.env[k.name] = value;
        break;
      }
      case 'parameter': {
        const params = isObject(spec.parameters) ? spec.parameters : {};
        const p = Object.hasOwn(params, k.name) && isObject(params[k.name]) ? (params[k.name] as Record<string, unknown>) : undefined;
        if (!p) {
          const names = Object.keys(params);
          fail(key, `the spec declares no parameter ${JSON.stringify(k.name)}${names.length ? `; it declares ${names.join(', ')}` : ''}.`);
          break;
        }
        const type = typeof p.type === 'string' ? p.type : 'String';
        const problem = parameterValueProblem({ type, ...(p as object) } as Parameters<typeof parameterValueProblem>[0], value);
        if (problem) {
          fail(key, `${problem}.`);
          break;
        }
        const typed = type === 'Number' ? Number(value) : value;
        p.default = typed;
        for (const e of envs) {
          const ep = isObject(e.parameters) ? e.parameters[k.name] : undefined;
          if (isObject(ep) && ep.default !== undefined) ep.default = typed;
        }
        break;
      }
    }
  }
  return ok ? (spec as unknown as ServiceSpec) : undefined;
}
