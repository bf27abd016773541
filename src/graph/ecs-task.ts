/**
 * An ECS task definition in the picture: the task as a group and its containers as boxes. Reads
 * both spellings: the CloudFormation `AWS::ECS::TaskDefinition` (PascalCase) and the
 * RegisterTaskDefinition JSON (camelCase) — the same model, so one reader serves both.
 */
import type { Json, JsonObject } from '../core/serialize.js';
import { asArray, isObject, str } from './cfn.js';
import { imageLabel, type PanelBuilder } from './types.js';

/** `o.key` in either spelling (`containerDefinitions` or `ContainerDefinitions`). */
export function field(o: JsonObject | undefined, key: string): Json | undefined {
  if (!o) return undefined;
  return o[key] ?? o[key.charAt(0).toUpperCase() + key.slice(1)];
}

export interface TaskContainer {
  name: string;
  image: string;
  ports: { port: number; name?: string; protocol: string }[];
  essential: boolean;
}

export interface TaskShape {
  family: string;
  cpu?: string;
  memory?: string;
  networkMode?: string;
  containers: TaskContainer[];
  /** The container App Mesh's proxy configuration names (Envoy). */
  proxy?: string;
}

export function readTask(def: JsonObject): TaskShape {
  const containers: TaskContainer[] = [];
  for (const c of asArray(field(def, 'containerDefinitions'))) {
    if (!isObject(c)) continue;
    const ports: TaskContainer['ports'] = [];
    for (const p of asArray(field(c, 'portMappings'))) {
      if (!isObject(p)) continue;
      const port = Number(field(p, 'containerPort'));
      if (!Number.isFinite(port)) continue;
      const name = str(field(p, 'name'));
      ports.push({ port, protocol: str(field(p, 'protocol')) ?? 'tcp', ...(name ? { name } : {}) });
    }
    containers.push({ name: str(field(c, 'name')) ?? 'container', image: str(field(c, 'image')) ?? '', ports, essential: field(c, 'essential') !== false });
  }
  const proxyConfig = field(def, 'proxyConfiguration');
  const proxy = isObject(proxyConfig) ? str(field(proxyConfig, 'containerName')) : undefined;
  const shape: TaskShape = { family: str(field(def, 'family')) ?? 'task', containers };
  const cpu = str(field(def, 'cpu'));
  const memory = str(field(def, 'memory'));
  const networkMode = str(field(def, 'networkMode'));
  if (cpu) shape.cpu = cpu;
  if (memory) shape.memory = memory;
  if (networkMode) shape.networkMode = networkMode;
  if (proxy) shape.proxy = proxy;
  return shape;
}

/** `1024 CPU units` → `1 vCPU`; `2048` MiB → `2 GB`, as the Fargate console names task sizes. */
function size(cpu: string | undefined, memory: string | undefined): string | undefined {
  const parts: string[] = [];
  if (cpu && /^[0-9]+$/.test(cpu)) parts.push(`${Number(cpu) / 1024} vCPU`);
  else if (cpu) parts.push(`${cpu} CPU`);
  if (memory && /^[0-9]+$/.test(memory)) parts.push(Number(memory) % 1024 === 0 ? `${Number(memory) / 1024} GB` : `${memory} MiB`);
  else if (memory) parts.push(`${memory} memory`);
  return parts.length ? parts.join(', ') : undefined;
}

/**
 * The task's group and one box per container. `traffic` names the containers requests reach;
 * the others are sidecars. Returns the group id and the container node ids by name.
 */
export function drawTask(b: PanelBuilder, task: TaskShape, traffic: ReadonlySet<string>): { group: string; containers: Map<string, string> } {
  const details = [size(task.cpu, task.memory), task.networkMode].filter(Boolean).join(' · ');
  const group = b.group(`Task ${task.family}${details ? ` · ${details}` : ''}`, `task_${task.family}`);
  const containers = new Map<string, string>();
  const main = task.containers.find((c) => traffic.has(c.name)) ?? task.containers[0];
  for (const c of task.containers) {
    const isMain = c === main || traffic.has(c.name);
    const role = c.name === task.proxy ? 'sidecar · App Mesh proxy' : isMain ? 'container' : 'sidecar';
    const ports = c.ports.map((p) => `${p.port}/${p.protocol}${p.name ? ` (${p.name})` : ''}`).join(', ');
    const id = b.node(isMain ? 'container' : 'sidecar', `${c.name}`, [role, c.image ? imageLabel(c.image) : undefined, ports ? `port ${ports}` : undefined, !c.essential && 'not essential'], {
      id: `container_${c.name}`,
      group,
    });
    containers.set(c.name, id);
  }
  return { group, containers };
}
