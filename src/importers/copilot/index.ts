/**
 * `codegen import copilot`: a Copilot service manifest (Load Balanced Web Service, Backend Service,
 * Worker Service) → a spec with the copilot target; `environments:` overrides become the spec's
 * `environments` (merged over the base the same way).
 */
import { Tracker, words, type Field } from '../fields.js';
import { secretRef } from '../ecs/task.js';
import { fitName } from '../names.js';
import { documentError, guessKind, type ImportContext } from '../types.js';
import { duration, newDraft, type SpecDraft } from '../write.js';
import { settleEssential } from '../ecs/task-storage.js';
import { readCopilotLogging } from './logging.js';
import { dur, seconds } from './durations.js';
import { readExtraNlb, readHttpExtras, readNlb } from './traffic.js';

type Json = Record<string, unknown>;

const TYPES = ['Load Balanced Web Service', 'Backend Service', 'Worker Service'];
const sub = (o: Json, k: string): Json => (o[k] ??= {}) as Json;

/** Millicores that codegen turns back into exactly `units` CPU units. */
function cpuMillis(units: number): string {
  const m0 = Math.floor((units * 1000) / 1024);
  return `${[m0, m0 + 1, m0 - 1].find((x) => Math.ceil((x * 1024) / 1000) === units) ?? m0}m`;
}

function variables(f: Field): Json | undefined {
  const out: Json = {};
  for (const [k, v] of f.entries()) {
    if (v.isMap() && v.get('from_cfn').exists) out[k] = { ref: { copilot: v.get('from_cfn').str() } };
    else if (v.str() !== undefined) out[k] = v.value === null ? '' : String(v.value);
  }
  return Object.keys(out).length ? out : undefined;
}

function secrets(f: Field): Json | undefined {
  const out: Json = {};
  for (const [k, v] of f.entries()) {
    const sm = v.get('secretsmanager');
    if (sm.exists) {
      const [name, jsonKey, stage] = (sm.str() ?? '').split(':');
      out[k] = { aws: { secretsManager: name, ...(jsonKey ? { jsonKey } : {}), ...(stage ? { versionStage: stage } : {}) } };
    } else if (typeof v.value === 'string') out[k] = { aws: secretRef(v.str()!) };
  }
  return Object.keys(out).length ? out : undefined;
}

/** `healthcheck` (image or sidecar) → `health.container`; the ECS defaults codegen writes are left out. */
function healthcheck(hc: Field): Json {
  const h: Json = {};
  const command = words(hc.get('command'));
  if (command) h.command = command;
  const interval = seconds(hc.get('interval'));
  if (interval !== undefined && interval !== 30) h.interval = duration(interval);
  const retries = hc.get('retries').num();
  if (retries !== undefined && retries !== 3) h.retries = retries;
  const timeout = seconds(hc.get('timeout'));
  if (timeout !== undefined && timeout !== 5) h.timeout = duration(timeout);
  const start = dur(hc.get('start_period'));
  if (start !== undefined) h.startPeriod = start;
  hc.use();
  return h;
}

/** `depends_on` → `dependsOn` (conditions upper-cased). */
function dependsOn(f: Field): Json | undefined {
  const deps: Json = {};
  for (const [c, cond] of f.entries()) if (typeof cond.value === 'string') deps[c] = cond.str()!.toUpperCase();
  return Object.keys(deps).length ? deps : undefined;
}

/** A sidecar's `mount_points` → `mounts` (Copilot's read_only defaults to true). */
function mountPoints(f: Field): Json[] | undefined {
  const out: Json[] = [];
  for (const mp of f.items()) {
    const volume = mp.get('source_volume').str();
    const path = mp.get('path').str();
    if (volume === undefined || path === undefined) continue;
    const ro = mp.get('read_only');
    out.push({ volume, path, ...(ro.value === false ? {} : { readOnly: true }) });
    ro.use(), mp.use();
  }
  return out.length ? out : undefined;
}

/** `storage.ephemeral` and `storage.volumes` (each mounted in the main container at its `path`). */
function readStorage(st: Field, spec: Json): void {
  const eph = st.get('ephemeral').num();
  if (eph !== undefined) spec.ephemeralStorage = eph;
  const volumes: Json = {};
  const mounts: Json[] = [];
  for (const [name, v] of st.get('volumes').entries()) {
    const path = v.get('path').str();
    const efs = v.get('efs');
    if (path === undefined) continue;
    // efs: true (or uid/gid without an id): a file system Copilot manages; efs: false is an empty volume.
    const uid = efs.isMap() ? efs.get('uid').num() : undefined;
    const gid = efs.isMap() ? efs.get('gid').num() : undefined;
    if (efs.value === true || (efs.isMap() && efs.get('id').value === undefined && uid !== undefined && gid !== undefined)) {
      volumes[name] = { managedEfs: uid !== undefined ? { uid, gid } : {} };
      efs.use();
    } else if (efs.exists && !efs.isMap() && efs.value !== false) {
      efs.drop('no-form', `efs: ${String(efs.value)} of volume ${name} is neither a file system nor true, so the volume is not carried.`);
      continue;
    } else if (efs.isMap()) {
      const id = efs.get('id').str();
      if (id === undefined) {
        efs.drop('no-form', `Volume ${name} names no file system id (a managed file system or from_cfn), which has no form in the spec, so it is not carried.`);
        continue;
      }
      const out: Json = { fileSystemId: id };
      const root = efs.get('root_dir').str();
      if (root !== undefined) out.rootDirectory = root;
      const auth = efs.get('auth');
      const ap = auth.get('access_point_id').str();
      if (ap !== undefined) out.accessPointId = ap;
      // Copilot's auth.iam defaults to true.
      if (auth.get('iam').value !== false) out.iam = true;
      auth.get('iam').use(), auth.use(), efs.use();
      volumes[name] = { efs: out };
    } else volumes[name] = { emptyDir: {} };
    const ro = v.get('read_only');
    mounts.push({ volume: name, path, ...(ro.value === false ? {} : { readOnly: true }) });
    ro.use(), v.use();
  }
  if (Object.keys(volumes).length) spec.volumes = volumes;
  if (mounts.length) spec.mounts = mounts;
}

/** One manifest body (the base or an environment override) → spec fields. */
function body(m: Field, type: string, spec: Json, base: boolean): void {
  const copilot = base ? sub(sub(spec, 'targets'), 'copilot') : undefined;
  const image = m.get('image');
  const location = image.get('location').str();
  if (location !== undefined) spec.image = location;
  const build = image.get('build');
  if (build.exists) {
    if (typeof build.value === 'string' && copilot) copilot.build = build.str();
    else if (build.isMap() && copilot) {
      const b: Json = {};
      for (const [from, to] of [['dockerfile', 'dockerfile'], ['context', 'context'], ['target', 'target']] as const) {
        const v = build.get(from).str();
        if (v !== undefined) b[to] = v;
      }
      const cache = build.get('cache_from');
      if (Array.isArray(cache.value) && cache.value.every((x) => typeof x === 'string')) b.cacheFrom = cache.take();
      const args: Json = {};
      for (const [k, v] of build.get('args').entries()) if (typeof v.value === 'string' || typeof v.value === 'number') args[k] = String(v.take());
      if (Object.keys(args).length) b.args = args;
      copilot.build = b;
    } else build.drop('no-form', 'This image.build has no form in the spec (a Dockerfile path or a map of dockerfile, context, target, cache_from and args).');
  }
  const port = image.get('port').num();
  if (port !== undefined) spec.ports = [{ port }];
  const hc = image.get('healthcheck');
  if (hc.exists) {
    sub(sub(spec, 'health'), 'container');
    Object.assign((spec.health as Json).container as Json, healthcheck(hc));
  }
  spec.dependsOn = dependsOn(image.get('depends_on'));
  spec.entrypoint = words(m.get('entrypoint'));
  spec.command = words(m.get('command'));
  const http = m.get('http');
  if (http.value === false) http.use();
  else if (http.isMap()) {
    const expose = sub(spec, 'expose');
    if (base && type === 'Load Balanced Web Service') expose.public = true;
    const path = http.get('path').str();
    if (path !== undefined && path !== '/') expose.path = path;
    const alias = http.get('alias');
    if (typeof alias.value === 'string') expose.hosts = [alias.str()];
    else if (Array.isArray(alias.value) && alias.value.every((x) => typeof x === 'string')) expose.hosts = alias.take();
    const version = http.get('version').str();
    if ((version === 'grpc' || version === 'http2') && Array.isArray(spec.ports) && spec.ports[0]) (spec.ports[0] as Json).appProtocol = version;
    if (http.get('redirect_to_https').value === false) (expose.tls = { redirect: false }), http.get('redirect_to_https').use();
    const h = http.get('healthcheck');
    const traffic: Json = {};
    if (typeof h.value === 'string') traffic.path = h.str();
    else if (h.isMap()) {
      const p = h.get('path').str();
      if (p !== undefined) traffic.path = p;
      const hp = h.get('port').num();
      if (hp !== undefined) traffic.port = hp;
      const codes = h.get('success_codes').str();
      if (codes !== undefined) traffic.successCodes = codes;
      for (const [k, key] of [['healthy_threshold', 'healthyThreshold'], ['unhealthy_threshold', 'unhealthyThreshold']] as const) {
        const n = h.get(k).num();
        if (n !== undefined) traffic[key] = n;
      }
      for (const [k, key] of [['interval', 'interval'], ['timeout', 'timeout'], ['grace_period', 'gracePeriod']] as const) {
        const d = dur(h.get(k));
        if (d !== undefined) traffic[key] = d;
      }
    }
    if (Object.keys(traffic).length) Object.assign(sub(sub(spec, 'health'), 'traffic'), traffic);
    readHttpExtras(http, spec);
    const target = base ? copilot! : sub(sub(spec, 'targets'), 'copilot');
    const alb = http.get('alb').str();
    if (alb !== undefined) target.alb = alb;
    const zone = http.get('hosted_zone').str();
    if (zone !== undefined) target.hostedZone = zone;
  }
  // An nlb next to the HTTP load balancer is a second one (targets.copilot.nlb); alone, it is expose's.
  if (http.isMap() && m.get('nlb').isMap()) readExtraNlb(m, base ? copilot! : sub(sub(spec, 'targets'), 'copilot'));
  else {
    readNlb(m, spec);
    if (base && type === 'Load Balanced Web Service' && m.get('nlb').isMap()) sub(spec, 'expose').public = true;
  }
  const cpu = m.get('cpu').num();
  const memory = m.get('memory').num();
  if ((cpu !== undefined && memory !== undefined && !(base && cpu === 256 && memory === 512)) || (!base && (cpu !== undefined || memory !== undefined))) {
    const limits: Json = {};
    if (cpu !== undefined) limits.cpu = cpuMillis(cpu);
    if (memory !== undefined) limits.memory = memory % 1024 === 0 ? `${memory / 1024}Gi` : `${memory}Mi`;
    spec.resources = { limits };
  } else if (base && cpu === 256 && memory === 512) {
    m.get('cpu').note('cpu 256 and memory 512 are the task size codegen writes by default, so the spec sets no resources.');
  }
  const count = m.get('count');
  const t = base ? copilot! : sub(sub(spec, 'targets'), 'copilot');
  if (typeof count.value === 'number') spec.replicas = count.num();
  else if (count.isMap() && count.get('spot').exists && !count.get('range').exists) {
    // count.spot: that many tasks, every one on Fargate Spot.
    spec.replicas = count.get('spot').num();
    t.spotFrom = 1;
  } else if (count.isMap()) {
    const range = count.get('range');
    const r = typeof range.value === 'string' ? /^(\d+)-(\d+)$/.exec(range.value) : null;
    const a: Json = {};
    if (r) (a.min = Number(r[1])), (a.max = Number(r[2])), range.use();
    else if (range.isMap()) {
      (a.min = range.get('min').num()), (a.max = range.get('max').num());
      const spotFrom = range.get('spot_from').num();
      if (spotFrom !== undefined) t.spotFrom = spotFrom;
    }
    const cpuPct = count.get('cpu_percentage').num();
    if (cpuPct !== undefined) a.cpu = cpuPct;
    const memPct = count.get('memory_percentage').num();
    if (memPct !== undefined) a.memory = memPct;
    const requests = count.get('requests').num();
    if (requests !== undefined) a.requests = requests;
    const rt = dur(count.get('response_time'));
    if (rt !== undefined) a.responseTime = rt;
    const cin = dur(count.get('cooldown', 'in'));
    if (cin !== undefined) a.scaleInCooldown = cin;
    const cout = dur(count.get('cooldown', 'out'));
    if (cout !== undefined) a.scaleOutCooldown = cout;
    spec.autoscaling = a;
  }
  const exec = m.get('exec').bool();
  if (exec !== undefined) t.exec = exec;
  const connect = m.get('network', 'connect').bool();
  if (connect !== undefined) t.connect = connect;
  const placementField = m.get('network', 'vpc', 'placement');
  const placement = typeof placementField.value === 'string' ? placementField.str() : undefined;
  if (placement !== undefined) t.placement = placement;
  const subnets = placementField.get('subnets');
  if (Array.isArray(subnets.value) && subnets.value.every((x) => typeof x === 'string')) t.subnets = subnets.take();
  const groups = m.get('network', 'vpc', 'security_groups');
  if (Array.isArray(groups.value) && groups.value.every((x) => typeof x === 'string')) t.securityGroups = groups.take();
  else if (groups.isMap()) {
    if (groups.get('deny_default').bool()) t.denyDefaultSecurityGroup = true;
    const list = groups.get('groups');
    if (Array.isArray(list.value) && list.value.every((x) => typeof x === 'string')) t.securityGroups = list.take();
  }
  const envFile = m.get('env_file').str();
  if (envFile !== undefined) t.envFile = envFile;
  const topics = m.get('publish', 'topics').items().map((topic) => {
    const out: Json = { name: topic.get('name').str() };
    const fifo = topic.get('fifo');
    if (typeof fifo.value === 'boolean') out.fifo = fifo.bool();
    else if (fifo.isMap()) {
      const dedup = fifo.get('content_based_deduplication').bool();
      out.fifo = dedup !== undefined ? { contentBasedDeduplication: dedup } : {};
    }
    return out;
  });
  if (topics.length) t.publish = topics;
  const alarms = m.get('deployment', 'rollback_alarms');
  if (Array.isArray(alarms.value) && alarms.value.every((x) => typeof x === 'string')) sub(spec, 'deployment').rollbackAlarms = alarms.take();
  spec.env = variables(m.get('variables'));
  spec.secrets = secrets(m.get('secrets'));
  const ro = m.get('storage', 'readonly_fs').bool();
  if (ro !== undefined) spec.readOnlyRootFilesystem = ro;
  readStorage(m.get('storage'), spec);
  const sidecars: Json = {};
  for (const [name, s] of m.get('sidecars').entries()) {
    const out: Json = { image: s.get('image').str() };
    out.essential = s.get('essential').value !== false;
    s.get('essential').use();
    const p = s.get('port').str();
    const pm = p ? /^(\d+)(?:\/(tcp|udp))?$/.exec(p) : null;
    if (pm) out.ports = [{ port: Number(pm[1]), ...(pm[2] === 'udp' ? { protocol: 'udp' } : {}) }];
    out.entrypoint = words(s.get('entrypoint'));
    out.command = words(s.get('command'));
    out.env = variables(s.get('variables'));
    out.secrets = secrets(s.get('secrets'));
    out.dependsOn = dependsOn(s.get('depends_on'));
    if (s.get('healthcheck').exists) out.health = { container: healthcheck(s.get('healthcheck')) };
    out.mounts = mountPoints(s.get('mount_points'));
    sidecars[name] = out;
  }
  settleEssential(spec, sidecars);
  if (Object.keys(sidecars).length) spec.sidecars = sidecars;
  const rolling = m.get('deployment', 'rolling').str();
  if (rolling !== undefined) t.rolling = rolling;
  if (m.get('observability', 'tracing').str() === 'awsxray') spec.tracing = { xray: true };
  readCopilotLogging(m, spec);
  if (!base && Object.keys(t).length === 0) delete (spec.targets as Json).copilot;
  if (!base && spec.targets && Object.keys(spec.targets as Json).length === 0) delete spec.targets;
}

export function importCopilot(ctx: ImportContext): SpecDraft[] {
  const drafts: SpecDraft[] = [];
  for (const doc of ctx.documents) {
    const tracker = new Tracker(doc, ctx.diagnostics);
    const root = tracker.root();
    const type = root.get('type').value;
    if (typeof type !== 'string' || !TYPES.includes(type)) {
      const other = guessKind(doc.value);
      const known = typeof type === 'string' && /Job$|Static Site|Request-Driven/.test(type);
      ctx.diagnostics.push(documentError(doc, known ? 'IMPORT_NOT_CARRIED_KIND' : 'IMPORT_WRONG_KIND', known ? `A Copilot ${type} has no form in the spec (a service spec describes Load Balanced Web, Backend and Worker Services).` : 'This is not a Copilot service manifest (no type: Load Balanced Web Service, Backend Service or Worker Service).', other && other !== 'copilot' ? `it looks like ${other} input: codegen import ${other}` : undefined));
      continue;
    }
    root.get('type').use();
    const given = ctx.options.name ?? root.get('name').str();
    const name = given === undefined || ctx.options.name ? given : fitName(given, 'name', root.get('name'));
    if (!name) {
      ctx.diagnostics.push(documentError(doc, 'IMPORT_NO_NAME', 'The manifest has no name.', 'pass --name NAME'));
      continue;
    }
    const draft = newDraft(name, [`Imported by \`codegen import copilot\` from ${doc.source.file}.`]);
    const spec = draft.spec;
    body(root, type, spec, true);
    const copilot = (spec.targets as Json).copilot as Json;
    const defaultType = (spec.expose as Json | undefined)?.public ? 'Load Balanced Web Service' : 'Backend Service';
    if (type !== defaultType) copilot.type = type;
    if (type === 'Backend Service' && spec.expose) draft.comments.push({ path: ['expose'], text: 'A Backend Service with http is reached through an internal load balancer: expose.public stays false.' });
    if (root.get('image', 'build').exists && spec.image === undefined) {
      spec.image = `${name}:latest`;
      root.get('image', 'build').note(`Copilot builds the image; the spec needs the reference the ECS and Kubernetes targets pull, so image is written as ${name}:latest — replace it with your registry's.`, 'IMPORT_CHOICE');
      draft.comments.push({ path: ['image'], text: 'Placeholder: Copilot built this image from targets.copilot.build; write the registry reference here.' });
    }
    const envs: Json = {};
    for (const [env, f] of root.get('environments').entries()) {
      const e: Json = {};
      body(f, type, e, false);
      if (e.autoscaling && spec.replicas !== undefined) e.replicas = null;
      if (e.replicas !== undefined && e.replicas !== null && spec.autoscaling) e.autoscaling = null;
      envs[env] = e;
    }
    if (Object.keys(envs).length) spec.environments = envs;
    copilot.acknowledgeDeprecation = true;
    draft.comments.push({ path: ['targets', 'copilot'], text: 'Legacy: the Copilot CLI reached end of support on 2026-06-12. Keep this target while migrating; the ecs target replaces it.' });
    tracker.leftovers(`Manifest ${name}`);
    drafts.push(draft);
  }
  return drafts;
}
