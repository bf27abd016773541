/**
 * Compose sources in `npm run fidelity`: a Compose file has no Compose output to compare with, so
 * each recorded Compose fact (`Service/<name>` `/image`, `/ports`, `/healthcheck/interval`, ...) is
 * compared through the Kubernetes fields that say the same thing, as the Compose Specification
 * defines the field and Kompose translates it (the main container is `containers[0]`; a healthcheck
 * is the liveness probe; `ports` are the container port and the Service port). A Compose fact is
 * matched when every Kubernetes field it stands for is, different when one differs, and missing
 * otherwise — also when it has no Kubernetes counterpart (build, a project-directory bind mount,
 * networks, depends_on across services, ulimits, restart policies other than always,
 * container_name, ...). A volume entry is the mount at its path (read-only when `ro`).
 * @see https://github.com/compose-spec/compose-spec/blob/main/05-services.md
 */
import { compareFacts, type Deliberate, type Fact, type FactResult, type Json, type JsonObject } from './fidelity.lib.js';

const C = '/spec/template/spec/containers[0]';

/** Compose durations (`1m30s`, `10s`) → seconds. */
function seconds(v: Json): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return undefined;
  let total = 0;
  let seen = '';
  for (const m of v.matchAll(/(\d+(?:\.\d+)?)(h|m|s|ms)/g)) {
    total += Number(m[1]) * ({ h: 3600, m: 60, s: 1, ms: 0.001 } as Record<string, number>)[m[2]!]!;
    seen += m[0];
  }
  return seen === v ? total : undefined;
}

/** Docker memory (`512m`, `1g`; binary units) → a Kubernetes quantity. */
function memory(v: Json): string | undefined {
  const m = /^(\d+)\s*(b|k|kb|m|mb|g|gb)?$/i.exec(String(v));
  if (!m) return undefined;
  const unit = (m[2] ?? 'b').toLowerCase()[0];
  return `${m[1]}${unit === 'g' ? 'Gi' : unit === 'm' ? 'Mi' : unit === 'k' ? 'Ki' : ''}`;
}

/** A command as a list (a string is split on blanks, as Compose splits it without a shell). */
function words(v: Json): Json {
  return typeof v === 'string' ? v.split(/\s+/).filter(Boolean) : v;
}

/** `[host_ip:][published:]target[/protocol]` or the long form → target, published, protocol. */
function portOf(p: Json): { target: number; published: number; udp: boolean } | undefined {
  if (p !== null && typeof p === 'object' && !Array.isArray(p)) {
    const o = p as JsonObject;
    if (typeof o.target !== 'number') return undefined;
    return { target: o.target, published: Number(o.published ?? o.target), udp: o.protocol === 'udp' };
  }
  const m = /^(?:(?:\d+\.\d+\.\d+\.\d+|\[[0-9a-f:]+\]):)?(?:(\d+):)?(\d+)(?:\/(tcp|udp))?$/i.exec(String(p));
  return m ? { target: Number(m[2]), published: Number(m[1] ?? m[2]), udp: m[3]?.toLowerCase() === 'udp' } : undefined;
}

/** The Kubernetes facts a Compose fact stands for, or undefined when it has none. */
export function composeChecks(fact: Fact): Fact[] | undefined {
  const svc = fact.document.slice(fact.document.indexOf('/') + 1);
  const D = `Deployment/${svc}`;
  const on = (path: string, value: Json, document = D): Fact => ({ document, path, value });
  const p = fact.path;
  const v = fact.value;
  const health: Record<string, string> = { '/healthcheck/interval': 'periodSeconds', '/healthcheck/timeout': 'timeoutSeconds', '/healthcheck/start_period': 'initialDelaySeconds' };
  let m: RegExpExecArray | null;
  if (p === '/image') return [on(`${C}/image`, v)];
  if (p === '/command') return [on(`${C}/args`, words(v))];
  if (p === '/entrypoint') return [on(`${C}/command`, words(v))];
  if (p === '/working_dir') return [on(`${C}/workingDir`, v)];
  if ((m = /^\/environment\/(.+)$/.exec(p))) return [on(`${C}/env[name=${m[1]}]/value`, v === null ? '' : String(v))];
  if (p === '/environment' && Array.isArray(v)) {
    return v.map((e) => {
      const [k, ...rest] = String(e).split('=');
      return on(`${C}/env[name=${k}]/value`, rest.join('='));
    });
  }
  if (p === '/ports' || p === '/expose') {
    const ports = (Array.isArray(v) ? v : [v]).map(portOf);
    if (ports.some((x) => !x)) return undefined;
    return ports.flatMap((x) => [
      on(`${C}/ports[containerPort=${x!.target}]/containerPort`, x!.target),
      ...(x!.udp ? [on(`${C}/ports[containerPort=${x!.target}]/protocol`, 'UDP')] : []),
      ...(p === '/ports' ? [on(`/spec/ports[port=${x!.published}]/port`, x!.published, `Service/${svc}`)] : []),
    ]);
  }
  if (p === '/deploy/replicas') return [on('/spec/replicas', v)];
  if ((m = /^\/deploy\/resources\/(limits|reservations)\/(cpus|memory)$/.exec(p))) {
    const value = m[2] === 'cpus' ? String(v) : memory(v);
    return value === undefined ? undefined : [on(`${C}/resources/${m[1] === 'limits' ? 'limits' : 'requests'}/${m[2] === 'cpus' ? 'cpu' : 'memory'}`, value)];
  }
  if (p === '/healthcheck/test') {
    const t = Array.isArray(v) ? v.map(String) : ['CMD-SHELL', String(v)];
    const command = t[0] === 'CMD' ? t.slice(1) : t[0] === 'CMD-SHELL' ? ['/bin/sh', '-c', t.slice(1).join(' ')] : undefined;
    return command ? [on(`${C}/livenessProbe/exec/command`, command)] : undefined;
  }
  if (health[p]) {
    const s = seconds(v);
    return s === undefined ? undefined : [on(`${C}/livenessProbe/${health[p]}`, s)];
  }
  if (p === '/healthcheck/retries') return [on(`${C}/livenessProbe/failureThreshold`, v)];
  if (p === '/user' && (m = /^(\d+)(?::(\d+))?$/.exec(String(v)))) {
    return [on(`${C}/securityContext/runAsUser`, Number(m[1])), ...(m[2] !== undefined ? [on(`${C}/securityContext/runAsGroup`, Number(m[2]))] : [])];
  }
  if (p === '/read_only') return [on(`${C}/securityContext/readOnlyRootFilesystem`, v)];
  if (p === '/privileged') return [on(`${C}/securityContext/privileged`, v)];
  if (p === '/cap_add' || p === '/cap_drop') return [on(`${C}/securityContext/capabilities/${p === '/cap_add' ? 'add' : 'drop'}`, v)];
  if ((m = /^\/labels\/(.+)$/.exec(p))) return [on(`/metadata/labels/${m[1]}`, v)];
  if (p === '/stop_grace_period') {
    const s = seconds(v);
    return s === undefined ? undefined : [on('/spec/template/spec/terminationGracePeriodSeconds', s)];
  }
  if (p === '/restart' && v === 'always') return [on('/spec/template/spec/restartPolicy', 'Always')];
  if (p === '/volumes' || p === '/tmpfs') {
    // The mount at the same path (read-only when the entry says ro); a project-directory bind mount has none.
    const mounts = (Array.isArray(v) ? v : [v]).map((x) => (p === '/tmpfs' ? { target: String(x).split(':')[0]!, readOnly: false } : mountOf(x)));
    if (mounts.some((x) => !x)) return undefined;
    const at = (t: string) => `${C}/volumeMounts[mountPath=${t.replace(/~/g, '~0').replace(/\//g, '~1').replace(/\[/g, '~2').replace(/\]/g, '~3')}]`;
    return mounts.flatMap((x) => [on(`${at(x!.target)}/mountPath`, x!.target), ...(x!.readOnly ? [on(`${at(x!.target)}/readOnly`, true)] : [])]);
  }
  return undefined;
}

/** A Compose volume entry (`[SOURCE:]TARGET[:MODE]` or the long form) → its target and ro, none for a project-directory bind mount. */
function mountOf(x: Json): { target: string; readOnly: boolean } | undefined {
  if (x !== null && typeof x === 'object' && !Array.isArray(x)) {
    const o = x as JsonObject;
    if (typeof o.target !== 'string' || (typeof o.source === 'string' && /^[.~]/.test(o.source))) return undefined;
    return { target: o.target, readOnly: o.read_only === true };
  }
  const parts = String(x).split(':');
  const target = parts.length === 1 || (parts.length === 2 && parts[0]!.startsWith('/') && /^(ro|rw)$/.test(parts[1]!)) ? parts[0]! : parts[1]!;
  if (parts.length > 1 && /^[.~]/.test(parts[0]!)) return undefined;
  return { target, readOnly: parts.length > 1 && /(^|,)ro(,|$)/.test(parts[parts.length - 1]!) };
}

/** Compare Compose facts with the generated Kubernetes documents through their counterparts. */
export function compareComposeFacts(facts: readonly Fact[], generated: Map<string, JsonObject>, deliberate: readonly Deliberate[] = []): FactResult[] {
  const reasons = new Map(deliberate.map((d) => [`${d.document} ${d.path}`, d.reason]));
  return facts.map((fact): FactResult => {
    const r = compareOne(fact, generated);
    const reason = reasons.get(`${fact.document} ${fact.path}`);
    return r.status !== 'matched' && reason !== undefined ? { ...r, status: 'deliberate', reason } : r;
  });
}

function compareOne(fact: Fact, generated: Map<string, JsonObject>): FactResult {
  {
    const checks = composeChecks(fact);
    if (!checks) return { fact, status: 'missing', absent: 'no Kubernetes counterpart' };
    const results = compareFacts(checks, generated);
    const different = results.find((r) => r.status === 'different');
    if (different) return { fact, status: 'different', got: different.got! };
    const missing = results.find((r) => r.status === 'missing');
    if (missing) return { fact, status: 'missing', absent: missing.absent! };
    return { fact, status: 'matched' };
  }
}
