/**
 * docs/spec.md, generated from the JSON Schema so the reference cannot drift from what codegen
 * accepts (`npm run gen:schema` writes it; test/schema.test.ts fails when it is stale).
 */
import { SPEC_NOTES } from './spec-docs-notes.js';

type Node = { [k: string]: unknown };

const INTRO = `# Spec reference (\`codegen/v1\`)

Generated from [\`schema/service.schema.json\`](../schema/service.schema.json) by \`npm run gen:schema\`;
do not edit by hand. Editors with yaml-language-server show the same text as hover docs when a spec
starts with \`# yaml-language-server: $schema=<path to>/service.schema.json\`.

**Overlays.** Every core field may be repeated under \`targets.<target>\` (that target only) and under
\`environments.<name>\` (applied with \`--env NAME\`). Both merge as RFC 7386 JSON Merge Patch: maps merge
key by key, lists and scalars replace, \`null\` removes the base value. A target section's own fields
(listed under each target below) never share a name with a core field.

**Durations** are seconds (a number) or a string with units, largest first: \`500ms\`, \`30s\`, \`5m\`, \`2m30s\`, \`1h\` (at most one day; see [Durations](#durations)).
**CPU** is Kubernetes notation (\`500m\`, \`0.5\`); **memory** is \`Mi\`/\`Gi\` (binary; \`M\`/\`G\` decimal with a warning).
`;

/** Rules for containers that no single field description can hold: port names, sidecar defaults, ordering, volumes. */
const CONTAINER_NOTES = `## Containers: ports, sidecars, start ordering, volumes

**Port names.** \`ports[].name\` (and a Service port's \`name\`) is an IANA service name, as
Kubernetes requires (IANA_SVC_NAME): at most 15 characters, lowercase letters, digits and \`-\`, at
least one letter, no \`-\` at either end and no \`--\`; unique among the ports of the pod. The schema
checks characters and length; the Kubernetes target reports the rest (\`K8S_INVALID_PORT_NAME\`). A
port without a name gets a derived one: its \`appProtocol\` (\`http\`, \`http2\`, \`grpc\`, \`tcp\`), or
\`udp\` for a UDP port, and \`<that>-<port>\` (cut to 15 characters) when two unnamed ports would share
it. Derived names are written everywhere a name is needed (Kubernetes container and Service ports,
ECS \`portMappings[].name\` for Service Connect, which takes up to 64 lowercase letters, digits, \`_\`
and \`-\`, not starting with \`-\`, so every valid port name fits both);
\`targets.kubernetes.derivedPortNames: false\` leaves them off Kubernetes container ports, as many
manifests do, and Services then target those ports by number. A Service with several ports needs a
name on each (Kubernetes refuses it otherwise).

**Service ports.** \`servicePort\` is the port clients use (default: \`port\`): the default Kubernetes
Service maps it to the container port by name, and ECS Service Connect uses it as the client alias
port. \`targets.kubernetes.services\` lists Services instead of the default one (e.g. an internal
ClusterIP plus an internet-facing LoadBalancer), each with its own name, type, annotations and
ports, \`targetPort\` a number or a container port name; the Ingress or HTTPRoute routes to the first
listed Service with a port for the exposed container port. On ECS the load balancer's target group
forwards to the container port: ECS registers each task at its IP and \`containerPort\` under
\`awsvpc\`, or at its instance and host port under \`bridge\` (\`hostPort: 0\` is a dynamic port), so the
target group's own \`Port\` is only its default.

**Sidecars.** Sidecars keep the order the spec gives (every target writes them in that order after
the main container, so patch pointers such as \`/containerDefinitions/2\` stay put). A sidecar is
essential unless it sets \`essential: false\`, as ECS (\`essential\` defaults to true) and Copilot
(\`sidecars.<name>.essential\` defaults to true) have it: when an essential container stops, the task
stops. The one exception is a container another one waits for with \`COMPLETE\` or \`SUCCESS\`: it is
meant to exit, ECS refuses those conditions on an essential container, so its default is false
(an explicit \`essential: true\` there is an error). Containers codegen adds itself are not
essential when they serve observability (the X-Ray daemon of \`tracing.xray\`) and essential when
traffic depends on them (App Mesh's Envoy). Kubernetes has no \`essential\`.

**Start ordering** (\`dependsOn\` on the main container and on sidecars): container name →
\`START\`, \`HEALTHY\` (the other container has a \`health.container\` check), \`COMPLETE\` or \`SUCCESS\`.
ECS writes \`dependsOn\`, Copilot \`depends_on\` (\`image.depends_on\` for the main container). Kubernetes
starts a pod's regular containers together, so a container that another one waits for runs before
them: with \`COMPLETE\` or \`SUCCESS\` as an init container (it must exit 0 — \`COMPLETE\` becomes
\`SUCCESS\`, with a warning), with \`START\` or \`HEALTHY\` as a native sidecar (an init container with
\`restartPolicy: Always\`, Kubernetes 1.29 or later), which the next container waits for until it has
started and passed its \`health.startup\` probe, and which keeps running beside the app. Init
containers are listed in dependency order, else in spec order. Nothing can start after the main
container on Kubernetes; such a wait is a warning. A cycle, an unknown container or a container
waiting for itself is an error on every target.

**Stopping.** \`terminationGracePeriod\` is the pod's \`terminationGracePeriodSeconds\` on Kubernetes
and \`stopTimeout\` on every ECS container of the spec (Fargate allows at most 120 s;
\`targets.ecs.stopTimeout\` still sets the main container's own); Copilot has no field (a warning).
\`ulimits\` are ECS only (Kubernetes and Copilot: a warning).

**Volumes** (\`volumes\`, mounted with \`mounts\` on the main container and on each sidecar):

| volume | ECS | Kubernetes | Copilot |
|---|---|---|---|
| \`emptyDir\` | a task volume with a name only (no size or medium: a warning) | \`emptyDir\` with \`sizeLimit\`, \`medium\` | \`storage.volumes\` without \`efs\` (no size: a warning) |
| \`efs\` | \`efsVolumeConfiguration\` (transit encryption on by default, access point, IAM) | \`persistentVolumeClaim\` \`claimName\` (EFS CSI driver; required) | \`storage.volumes.<v>.efs\` (always encrypted) |
| \`hostPath\` | \`host.sourcePath\`, EC2 only (Fargate: an error) | \`hostPath\`, with a warning | none (a warning) |
| \`configMap\` | none (a warning: bake the files into the image or fill an emptyDir from a sidecar) | \`configMap\` | none (a warning) |

A mount's \`subPath\` is Kubernetes only (ECS and Copilot mount the volume's root, with a warning).
A Copilot volume is mounted in the main container at \`storage.volumes.<v>.path\`, so a volume only
sidecars mount is not carried there. \`ephemeralStorage\` is the Fargate task disk in GiB (ECS
\`ephemeralStorage\`, Copilot \`storage.ephemeral\`; EC2 and Kubernetes: a warning).
`;

function deref(root: Node, n: Node | undefined): Node | undefined {
  let cur = n;
  for (let i = 0; cur && typeof cur.$ref === 'string' && i < 8; i++) {
    const name = (cur.$ref as string).replace('#/$defs/', '');
    cur = (root.$defs as Record<string, Node>)[name];
  }
  return cur;
}

function typeOf(root: Node, n: Node): string {
  const d = deref(root, n) ?? n;
  if (Array.isArray(d.enum)) return (d.enum as unknown[]).map((v) => `\`${String(v)}\``).join(' \\| ');
  if (d.const !== undefined) return `\`${String(d.const)}\``;
  const alts = (d.oneOf ?? d.anyOf) as Node[] | undefined;
  if (alts && alts.every((a) => a.type || a.$ref)) return [...new Set(alts.map((a) => typeOf(root, a)))].join(' \\| ');
  if (d.type === 'array') return `list of ${typeOf(root, (d.items as Node) ?? {})}`;
  if (d.type === 'object' && d.additionalProperties && typeof d.additionalProperties === 'object') return `map of ${typeOf(root, d.additionalProperties as Node)}`;
  return String(d.type ?? 'object');
}

function oneLine(s: unknown): string {
  return String(s ?? '').replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
}

function table(root: Node, props: Record<string, Node>, required: readonly string[], prefix: string, out: string[], nested: [string, Node][]): void {
  out.push('| field | type | description |', '|---|---|---|');
  for (const [k, v] of Object.entries(props)) {
    const name = `${prefix}${k}`;
    out.push(`| \`${name}\`${required.includes(k) ? ' (required)' : ''} | ${typeOf(root, v)} | ${oneLine(v.description)} |`);
    const d = deref(root, v);
    const inner = d?.type === 'array' ? deref(root, d.items as Node) : d?.type === 'object' && d.additionalProperties && typeof d.additionalProperties === 'object' ? deref(root, d.additionalProperties as Node) : d;
    if (inner?.properties && !name.startsWith('targets.') && !name.startsWith('environments')) nested.push([`${name}${d?.type === 'array' ? '[]' : d !== inner ? '.<name>' : ''}`, inner]);
  }
}

export function specDocs(schema: Node): string {
  const out: string[] = [INTRO, '## Core fields', ''];
  const nested: [string, Node][] = [];
  const props = schema.properties as Record<string, Node>;
  table(schema, props, (schema.required as string[]) ?? [], '', out, nested);
  // One section per nested object, breadth-first, each once.
  const seen = new Set<string>();
  while (nested.length) {
    const [name, node] = nested.shift()!;
    if (seen.has(name)) continue;
    seen.add(name);
    out.push('', `### \`${name}\``, '');
    if (node.description) out.push(oneLine(node.description), '');
    table(schema, node.properties as Record<string, Node>, (node.required as string[]) ?? [], `${name}.`, out, nested);
  }
  out.push('', '## Target sections', '');
  const defs = schema.$defs as Record<string, Node>;
  for (const t of ['ecs', 'kubernetes', 'appmesh', 'copilot']) {
    const def = defs[`${t}Target`]!;
    const own = Object.fromEntries(Object.entries(def.properties as Record<string, Node>).filter(([, v]) => !String(v.$ref ?? '').includes('override_')));
    out.push(`### \`targets.${t}\``, '', oneLine(def.description), '');
    const sub: [string, Node][] = [];
    table(schema, own, [], `targets.${t}.`, out, sub);
    out.push('');
  }
  out.push(CONTAINER_NOTES);
  out.push(SPEC_NOTES.trimEnd());
  return `${out.join('\n')}\n`;
}
