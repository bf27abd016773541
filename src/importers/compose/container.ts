/**
 * One Compose service → the fields of one container in the spec (the main container's, or a
 * sidecar's): image, command, ports, environment, secrets, health check, resources, user,
 * read-only root file system, privileges and capabilities, ulimits. What belongs to the pod or the
 * service as a whole (replicas, stop grace period, start ordering, volumes) is read by index.ts.
 * @see https://github.com/compose-spec/compose-spec/blob/main/05-services.md
 */
import type { SpecPath } from '../../core/diagnostics.js';
import { isSecretName } from '../../core/secrets.js';
import { CAPABILITIES, ULIMIT_NAMES } from '../../schema/values.js';
import { serviceName } from '../ecs/names.js';
import { words, type Field } from '../fields.js';
import { duration, type SpecDraft } from '../write.js';

type Json = Record<string, unknown>;

/** Compose durations (`1m30s`, `10s`, `500ms`) → seconds. */
export function seconds(f: Field): number | undefined {
  const v = f.value;
  if (typeof v === 'number') return f.use(), v;
  if (typeof v !== 'string') return undefined;
  const re = /(\d+(?:\.\d+)?)(h|m|s|ms|us)/g;
  let total = 0;
  let seen = '';
  for (let m = re.exec(v); m; m = re.exec(v)) {
    total += Number(m[1]) * ({ h: 3600, m: 60, s: 1, ms: 0.001, us: 0.000001 } as Record<string, number>)[m[2]!]!;
    seen += m[0];
  }
  if (seen !== v) return undefined;
  f.use();
  return total;
}

/** Docker memory (`512m`, `1g`, `1gb`, bytes) → Kubernetes notation (binary: Docker's units are). */
export function memory(f: Field): string | undefined {
  const m = /^(\d+)\s*(b|k|kb|m|mb|g|gb)?$/i.exec(String(f.value ?? ''));
  if (!m) return undefined;
  f.use();
  const n = Number(m[1]);
  const unit = (m[2] ?? 'b').toLowerCase()[0];
  const mib = unit === 'g' ? n * 1024 : unit === 'm' ? n : unit === 'k' ? Math.ceil(n / 1024) : Math.ceil(n / 1024 / 1024);
  return mib % 1024 === 0 ? `${mib / 1024}Gi` : `${mib}Mi`;
}

function amounts(f: Field): Json | undefined {
  const out: Json = {};
  const cpus = f.get('cpus');
  if (cpus.num() !== undefined) out.cpu = `${Math.round(Number(cpus.value) * 1000)}m`;
  const mem = memory(f.get('memory'));
  if (mem) out.memory = mem;
  return Object.keys(out).length ? out : undefined;
}

/** Short port syntax `[host_ip:][published:]target[/protocol]` and the long form. */
function port(p: Field): Json | undefined {
  if (p.isMap()) {
    const target = p.get('target').num();
    if (target === undefined) return undefined;
    const published = p.get('published').num();
    const out: Json = { port: target };
    if (published !== undefined && published !== target) out.servicePort = published;
    if (p.get('protocol').str() === 'udp') out.protocol = 'udp';
    return out;
  }
  const m = /^(?:(?:\d+\.\d+\.\d+\.\d+|\[[0-9a-f:]+\]):)?(?:(\d+):)?(\d+)(?:\/(tcp|udp))?$/i.exec(String(p.value));
  if (!m) {
    p.drop('no-form', `Port ${String(p.value)} (a range, or a host address) has no form in the spec, so it is not carried.`);
    return undefined;
  }
  if (/^(?:[0-9.]+|\[[0-9a-f:]+\]):\d+:/.test(String(p.value))) p.note('The host address of this port is not carried: a service spec publishes ports on its load balancer or Service.');
  p.use();
  const out: Json = { port: Number(m[2]) };
  if (m[1] !== undefined && Number(m[1]) !== Number(m[2])) out.servicePort = Number(m[1]);
  if (m[3]?.toLowerCase() === 'udp') out.protocol = 'udp';
  return out;
}

function environment(s: Field): Json {
  const env: Json = {};
  const envField = s.get('environment');
  if (envField.isMap()) {
    for (const [k, v] of envField.entries()) {
      if (v.value === null || v.value === undefined) v.drop('ambiguous', `${k} takes its value from the shell that runs docker compose; the spec needs the value, so it is not carried.`);
      else env[k] = v.str();
    }
  } else {
    for (const e of envField.items()) {
      const t = String(e.value);
      const i = t.indexOf('=');
      if (i < 0) e.drop('ambiguous', `${t} takes its value from the shell that runs docker compose; the spec needs the value, so it is not carried.`);
      else (env[t.slice(0, i)] = t.slice(i + 1)), e.use();
    }
  }
  // `${VAR}` / `$VAR` is filled in by docker compose from the shell or .env ($$ is a literal $): the spec needs the value.
  for (const [k, v] of Object.entries(env)) {
    if (typeof v !== 'string' || !/(^|[^$])\$(\{|[A-Za-z_])/.test(v.replace(/\$\$/g, ''))) continue;
    delete env[k];
    const f = envField.isMap() ? envField.get(k) : envField.items().find((e) => String(e.value).startsWith(`${k}=`));
    f?.tracker.report(f.path, 'IMPORT_AMBIGUOUS', 'warning', `${k} is interpolated by docker compose from the shell or the .env file (${v}); the spec needs the value, so it is not carried.`, `set env.${k} to the value it has where the service runs`);
  }
  for (const [k, v] of Object.entries(env)) if (typeof v === 'string' && v.includes('$$')) env[k] = v.replace(/\$\$/g, '$');
  // A path into /run/secrets is how a Compose app finds a secret file; the spec hands secrets over as
  // variables holding the value instead, so the path is not carried (the secret itself is, below).
  for (const [k, v] of Object.entries(env)) {
    if (typeof v !== 'string' || !v.startsWith('/run/secrets/')) continue;
    delete env[k];
    const f = envField.isMap() ? envField.get(k) : envField.items().find((e) => String(e.value).startsWith(`${k}=`));
    f?.tracker.report(f.path, 'IMPORT_VALUE_CHANGED', 'warning', `${k} points at the secret file ${v}; the spec injects the secret's value as a variable instead (see secrets), so the application must read the value, not a file.`);
  }
  return env;
}

function health(s: Field): Json | undefined {
  const hc = s.get('healthcheck');
  if (!hc.exists || hc.get('disable').value === true) {
    hc.use();
    return undefined;
  }
  const test = hc.get('test');
  let command: string[] | undefined;
  if (typeof test.value === 'string') command = ['CMD-SHELL', test.str()!];
  else if (Array.isArray(test.value) && (test.value[0] === 'CMD' || test.value[0] === 'CMD-SHELL')) command = test.take() as string[];
  const h: Json = { ...(command ? { command } : {}) };
  for (const [k, key] of [['interval', 'interval'], ['timeout', 'timeout'], ['start_period', 'startPeriod']] as const) {
    const v = seconds(hc.get(k));
    if (v !== undefined) h[key] = duration(v);
  }
  const retries = hc.get('retries').num();
  if (retries !== undefined) h.retries = retries;
  if (!command) return undefined;
  // The Kubernetes meaning (as Kompose gives it): a liveness probe running the same command.
  const liveness: Json = { exec: { command: command[0] === 'CMD' ? command.slice(1) : ['/bin/sh', '-c', command.slice(1).join(' ')] } };
  for (const [from, to] of [['startPeriod', 'initialDelay'], ['interval', 'period'], ['timeout', 'timeout']] as const) if (h[from] !== undefined) liveness[to] = h[from];
  if (h.retries !== undefined) liveness.failureThreshold = h.retries;
  test.note('The health check is the container check (ECS) and a liveness probe running the same command (Kubernetes).');
  return { liveness, container: h };
}

/** `cap_add` / `cap_drop` (`NET_ADMIN` or `CAP_NET_ADMIN`) → capability names the spec knows; others are reported. */
function capabilities(f: Field): string[] | undefined {
  const out: string[] = [];
  for (const c of f.items()) {
    const name = typeof c.value === 'string' ? c.value.toUpperCase().replace(/^CAP_/, '') : '';
    if ((CAPABILITIES as readonly string[]).includes(name)) {
      c.use();
      if (!out.includes(name)) out.push(name);
    } else c.drop('no-form', `${String(c.value)} is not a Linux capability the spec knows, so it is not carried.`);
  }
  return out.length ? out : undefined;
}

/** `ulimits` (`nofile: {soft, hard}` or `nproc: 65535`) → the spec's ulimits (the same shape). */
function ulimits(f: Field): Json | undefined {
  const out: Json = {};
  for (const [name, v] of f.entries()) {
    if (!(ULIMIT_NAMES as readonly string[]).includes(name)) {
      v.drop('no-form', `The ulimit ${name} is not one ECS sets (${ULIMIT_NAMES.join(', ')}), so it is not carried.`);
      continue;
    }
    const one = v.num();
    if (one !== undefined && Number.isInteger(one)) out[name] = one;
    else {
      const soft = v.get('soft').value;
      const hard = v.get('hard').value;
      if (Number.isInteger(soft) && Number.isInteger(hard)) out[name] = { soft: v.get('soft').take(), hard: v.get('hard').take() };
    }
  }
  return Object.keys(out).length ? out : undefined;
}

/**
 * The container fields of service `key`, as the main container writes them (`readOnlyRootFilesystem`
 * top-level; a sidecar moves it under `security`). Comments go to `at` (the container's spec path).
 */
export function readContainer(key: string, s: Field, top: Field, draft: SpecDraft, at: SpecPath): Json {
  const c: Json = {};
  const image = s.get('image').str();
  if (image !== undefined) c.image = image;
  else {
    c.image = `${serviceName(key) ?? 'app'}:latest`;
    draft.comments.push({ path: [...at, 'image'], text: 'Placeholder: Compose builds this image; write the reference your registry serves.' });
  }
  const build = s.get('build');
  if (build.exists) build.drop('no-form', `The spec deploys a built image; the build of ${key} is not carried (build it in CI and set image).`);
  c.entrypoint = words(s.get('entrypoint'));
  c.command = words(s.get('command'));
  const ports: Json[] = [];
  for (const p of s.get('ports').items()) {
    const x = port(p);
    if (x && !ports.some((o) => o.port === x.port && o.protocol === x.protocol)) ports.push(x);
  }
  for (const e of s.get('expose').items()) {
    const m = /^(\d+)(?:\/(tcp|udp))?$/.exec(String(e.value));
    if (!m) continue;
    e.use();
    if (!ports.some((o) => o.port === Number(m[1]))) ports.push({ port: Number(m[1]), ...(m[2] === 'udp' ? { protocol: 'udp' } : {}) });
  }
  if (ports.length) c.ports = ports;
  const env = environment(s);
  const secrets: Json = {};
  // A plain value under a secret's name (DB_PASSWORD=...) is not written into the spec: it becomes a
  // reference to a Kubernetes Secret named after the service, which must hold the value.
  const envField = s.get('environment');
  for (const [k, v] of Object.entries(env)) {
    if (typeof v !== 'string' || v === '' || !isSecretName(k)) continue;
    delete env[k];
    const secretName = serviceName(key) ?? 'app';
    secrets[k] = { kubernetes: { name: secretName, key: k } };
    const f = envField.isMap() ? envField.get(k) : envField.items().find((e) => String(e.value).startsWith(`${k}=`));
    f?.tracker.report(f.path, 'IMPORT_VALUE_CHANGED', 'warning', `${k} looks like a secret and has a plain value in the Compose file; the spec takes secrets by reference, so ${k} reads Kubernetes Secret ${secretName} key ${k}, which must hold the value (the value is not written).`);
    draft.comments.push({ path: [...at, 'secrets', k], text: `A plain value in the Compose file: create Secret ${secretName} with key ${k}, or point this at where the secret lives.` });
  }
  if (Object.keys(env).length) c.env = env;
  const envFile = s.get('env_file');
  if (envFile.exists) envFile.drop('no-form', 'Variables in env_file are not read by the importer (they often hold secrets); move plain values to env and secrets to secrets references.');
  for (const x of s.get('secrets').items()) {
    const source = x.isMap() ? x.get('source').str() : x.str();
    if (!source) continue;
    x.use();
    const name = source.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
    secrets[name] = { kubernetes: { name: serviceName(source) ?? 'secret', key: source } };
    top.get('secrets', source).use();
    x.note(`Compose mounts ${source} as a file in /run/secrets; the spec injects secrets as environment variables by reference, so ${name} reads Kubernetes Secret ${serviceName(source)} key ${source} — point it at where the secret lives (aws or kubernetes).`, 'IMPORT_CHOICE');
    draft.comments.push({ path: [...at, 'secrets', name], text: `From the Compose secret ${source} (mounted as a file there): check the reference.` });
  }
  if (Object.keys(secrets).length) c.secrets = secrets;
  const h = health(s);
  if (h) c.health = h;
  const res = s.get('deploy', 'resources');
  const limits = amounts(res.get('limits'));
  const requests = amounts(res.get('reservations'));
  if (limits || requests) c.resources = { ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) };
  c.user = s.get('user').str();
  c.readOnlyRootFilesystem = s.get('read_only').bool();
  const security: Json = {};
  const privileged = s.get('privileged').bool();
  if (privileged !== undefined) security.privileged = privileged;
  const add = capabilities(s.get('cap_add'));
  const drop = capabilities(s.get('cap_drop'));
  if (add || drop) security.capabilities = { ...(add ? { add } : {}), ...(drop ? { drop } : {}) };
  if (Object.keys(security).length) c.security = security;
  c.ulimits = ulimits(s.get('ulimits'));
  return c;
}
