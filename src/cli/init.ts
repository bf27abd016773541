/**
 * `codegen init`: a commented starter spec (with the yaml-language-server `$schema` modeline) and a
 * config next to it, and `.codegen-cache` in `.gitignore`. Never overwrites: when either file
 * exists, nothing is written (unless --force).
 *
 * The starter is deployable as written: its image, nginx-unprivileged from NGINX's Amazon ECR Public
 * repository, listens on 8080 (its default.conf), serves `/` with the stock index page (the health
 * path of every check below), runs as a non-root user and has curl for the ECS container health
 * check (github.com/nginx/docker-nginx-unprivileged, README and Dockerfile).
 *
 * The schema modeline resolves from the folder init runs in: the installed package
 * (`node_modules/svcgen/schema/…`, looked up from this folder upward), or, inside a checkout of
 * this repository, its `schema/` folder; otherwise the path npm will install to.
 */
import { appendFileSync, existsSync, lstatSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { readRegularFile } from '../core/read-file.js';
import { replaceFile } from '../project/output-fs.js';

interface InitIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
}

const NAME = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;
const INSTALLED = './node_modules/svcgen/schema';
/** The file `--cache` keeps its record in (src/project/cache.ts). */
export const CACHE_FILE = '.codegen-cache';

/** A DNS-1123 label from a folder name, or `my-service`. */
export function serviceNameFrom(folder: string): string {
  const n = folder
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return NAME.test(n) ? n : 'my-service';
}

/**
 * The folder holding svcgen's schemas as a path relative to `cwd` (POSIX, starting with `.`), and
 * whether it exists: the installed package from `cwd` upward, else this repository's own `schema/`
 * when `cwd` is inside a checkout of it, else the path `npm i -D svcgen` installs to.
 */
export function schemaFolder(cwd: string): { path: string; found: boolean } {
  const rel = (abs: string) => {
    const r = relative(cwd, abs).split(sep).join('/');
    return r.startsWith('.') ? r : `./${r}`;
  };
  for (let dir = cwd; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules/svcgen/schema/service.schema.json'))) return { path: rel(join(dir, 'node_modules/svcgen/schema')), found: true };
    try {
      // readRegularFile: a FIFO or device named package.json in a parent folder must not block init.
      const pkg = JSON.parse(readRegularFile(join(dir, 'package.json'))) as { name?: unknown };
      if (pkg.name === 'svcgen' && existsSync(join(dir, 'schema/service.schema.json'))) return { path: rel(join(dir, 'schema')), found: true };
    } catch {
      // no package.json here, not a regular file, or not JSON: keep looking upward
    }
    if (dirname(dir) === dir) return { path: INSTALLED, found: false };
  }
}

export function starterSpec(name: string, schemas = INSTALLED): string {
  return `# yaml-language-server: $schema=${schemas}/service.schema.json
# A codegen service spec. \`npx codegen generate\` compiles it into deployment artifacts under
# out/${name}/; \`npx codegen validate\` checks it. Every field is described in the schema (hover in your editor).
apiVersion: codegen/v1
name: ${name}
region: us-east-1
# NGINX's unprivileged image: listens on 8080, serves / with its index page, runs as a non-root
# user and has curl. Replace it with your own image; pin a version tag or a digest, never \`latest\`.
image: public.ecr.aws/nginx/nginx-unprivileged:1.30.0
ports:
  - port: 8080
# Limits of 0.5 vCPU / 1 GiB are exactly a Fargate task size (no rounding).
resources:
  requests: { cpu: 250m, memory: 512Mi }
  limits: { cpu: 500m, memory: 1Gi }
health:
  # The load balancer's health check (ALB target group, Ingress annotations). Point these at your
  # application's own endpoints (say /health and /ready) when you change the image.
  traffic:
    path: /
  # Kubernetes probes: readiness gates traffic; liveness restarts a hung process, so it only checks
  # that the server accepts connections (a failing dependency should not restart every pod).
  readiness:
    http: { path: / }
  liveness:
    tcp: {}
    period: 10s
  # ECS checks the process with a command run in the container (the image must have curl).
  container:
    curl: true
    interval: 30
    timeout: 5
    retries: 3
deployment:
  strategy: rolling
  rolling: { maxSurge: 25%, maxUnavailable: 0 }
logging:
  retentionDays: 30
tracing:
  xray: true
targets:
  ecs:
    # Replace with your task execution role (it pulls the image and writes the logs).
    executionRoleArn: arn:aws:iam::123456789012:role/ecsTaskExecutionRole
  kubernetes: {}
`;
}

/**
 * The starter config. Its `specs` names the starter file itself: generated files always sit at
 * least three folders below the output folder (`<out>/<service>/<target>/…`), so a name at the top
 * of the project can never match one, wherever `--out` points.
 */
export function starterConfig(schemas = INSTALLED): string {
  const config = {
    $schema: `${schemas}/config.schema.json`,
    specs: ['service.yaml'],
    out: 'out',
    templates: [],
    patches: [],
    plugins: [],
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** Add `.codegen-cache` to `.gitignore` (created when missing); false when it is listed already. */
function ignoreCache(cwd: string): boolean {
  const file = join(cwd, '.gitignore');
  // A link, FIFO or folder there is left alone (never followed, never opened).
  const st = lstatSync(file, { throwIfNoEntry: false });
  if (st && !st.isFile()) return false;
  const text = st ? readRegularFile(file, { follow: false }) : '';
  if (text.split(/\r?\n/).some((l) => l.trim() === CACHE_FILE || l.trim() === `/${CACHE_FILE}`)) return false;
  appendFileSync(file, `${text && !text.endsWith('\n') ? '\n' : ''}${CACHE_FILE}\n`);
  return true;
}

/** Returns the exit code: 0 written, 1 a file exists (nothing written), 2 bad name. */
export async function runInit(args: readonly string[], values: { force?: boolean; name?: string }, io: InitIo): Promise<number> {
  if (args.length) {
    io.stderr(`codegen: init takes no arguments (got ${args.join(' ')}); it writes into the current folder.\n`);
    return 2;
  }
  const name = values.name ?? serviceNameFrom(basename(io.cwd));
  if (!NAME.test(name)) {
    io.stderr(`codegen: --name ${JSON.stringify(name)} is not a valid service name (lowercase letters, digits and hyphens).\n`);
    return 2;
  }
  const schemas = schemaFolder(io.cwd);
  const files: [string, string][] = [
    ['service.yaml', starterSpec(name, schemas.path)],
    ['codegen.config.json', starterConfig(schemas.path)],
  ];
  const existing = files.filter(([f]) => existsSync(join(io.cwd, f))).map(([f]) => f);
  if (existing.length && !values.force) {
    io.stderr(`codegen: ${existing.join(' and ')} already exist${existing.length === 1 ? 's' : ''}; nothing was written (use --force to overwrite).\n`);
    return 1;
  }
  // --force replaces a file (a link or FIFO there included) by a rename, never writing through it.
  for (const [f, text] of files) {
    if (values.force) replaceFile(join(io.cwd, f), text);
    else writeFileSync(join(io.cwd, f), text, { flag: 'wx' });
  }
  const ignored = ignoreCache(io.cwd);
  io.stdout(
    `codegen: wrote ${files.map(([f]) => f).join(' and ')} for service ${name}${ignored ? `, and added ${CACHE_FILE} to .gitignore` : ''}; next: npx codegen generate\n` +
      (schemas.found ? '' : `codegen: svcgen is not installed here; npm i -D svcgen adds it to this repository (and the schema at ${schemas.path} for your editor)\n`),
  );
  return 0;
}
