/**
 * ECS task definition JSON against botocore's RegisterTaskDefinition input shape (walked here:
 * required and unknown members, types, enums, min/max), plus the Fargate rules of the ECS
 * developer guide: awsvpc, task-level cpu/memory in the Fargate size table, hostPort equal to
 * containerPort under awsvpc, and at least one essential container; dependsOn, volumesFrom and
 * mountPoints must name containers and volumes of the task.
 */
import { isFargateSize, nearestFargateSizes } from '../data/fargate.js';
import { isObject, show, type Pointer, type Reporter } from './report.js';
import { readData } from './vendor.js';

interface Shape {
  type: 'structure' | 'list' | 'map' | 'string' | 'integer' | 'long' | 'boolean' | 'double' | 'float' | 'timestamp' | 'blob';
  members?: Record<string, { shape: string }>;
  required?: string[];
  member?: { shape: string };
  key?: { shape: string };
  value?: { shape: string };
  enum?: string[];
  min?: number;
  max?: number;
}

interface Model {
  operations: { RegisterTaskDefinition: { input: { shape: string } } };
  shapes: Record<string, Shape>;
}

const MODEL = 'ecs/ecs-2014-11-13.RegisterTaskDefinition.json';
const CODE = 'VERIFY_ECS_MODEL';

/** Walks `value` with the shape `name`; `path` is one stack for the whole walk, copied only for a report. */
/** A finding at `path` (copied: the walk goes on changing it). */
function shapeFail(r: Reporter, path: readonly (string | number)[], message: string, hint?: string): void {
  r.add(CODE, [...path], message, 'error', hint);
}

function walkShape(model: Model, name: string, value: unknown, path: (string | number)[], r: Reporter): void {
  const shape = model.shapes[name];
  if (!shape) return;
  switch (shape.type) {
    case 'structure': {
      if (!isObject(value)) return shapeFail(r, path, `must be an object (${name}), not ${show(value)}`);
      for (const req of shape.required ?? []) if (!(req in value)) r.add(CODE, [...path, req], `missing required member "${req}" of ${name}`);
      const members = shape.members ?? {};
      for (const k of Object.keys(value)) {
        const m = Object.hasOwn(members, k) ? members[k] : undefined;
        path.push(k);
        if (!m) {
          const lower = Object.keys(members).find((x) => x.toLowerCase() === k.toLowerCase());
          shapeFail(r, path, `unknown member "${k}" of ${name}`, lower ? `did you mean "${lower}"?` : undefined);
        } else walkShape(model, m.shape, value[k], path, r);
        path.pop();
      }
      return;
    }
    case 'list': {
      if (!Array.isArray(value)) return shapeFail(r, path, `must be a list (${name}), not ${show(value)}`);
      if (shape.min !== undefined && value.length < shape.min) shapeFail(r, path, `needs at least ${shape.min} item(s)`);
      if (shape.max !== undefined && value.length > shape.max) shapeFail(r, path, `holds at most ${shape.max} item(s)`);
      for (let i = 0; i < value.length; i++) {
        if (!(i in value)) continue;
        path.push(i);
        walkShape(model, shape.member!.shape, value[i], path, r);
        path.pop();
      }
      return;
    }
    case 'map': {
      if (!isObject(value)) return shapeFail(r, path, `must be a map (${name}), not ${show(value)}`);
      for (const k of Object.keys(value)) {
        path.push(k);
        walkShape(model, shape.key!.shape, k, path, r);
        walkShape(model, shape.value!.shape, value[k], path, r);
        path.pop();
      }
      return;
    }
    case 'string': {
      if (typeof value !== 'string') return shapeFail(r, path, `must be a string, not ${show(value)}`);
      if (shape.enum && !shape.enum.includes(value)) return shapeFail(r, path, `must be one of ${shape.enum.map((e) => JSON.stringify(e)).join(', ')}, not ${show(value)}`);
      if (shape.min !== undefined && value.length < shape.min) shapeFail(r, path, `must be at least ${shape.min} character(s) long`);
      if (shape.max !== undefined && value.length > shape.max) shapeFail(r, path, `must be at most ${shape.max} characters long`);
      return;
    }
    case 'integer':
    case 'long': {
      if (typeof value !== 'number' || !Number.isInteger(value)) return shapeFail(r, path, `must be an integer, not ${show(value)}`);
      if (shape.min !== undefined && value < shape.min) shapeFail(r, path, `must be at least ${shape.min}`);
      if (shape.max !== undefined && value > shape.max) shapeFail(r, path, `must be at most ${shape.max}`);
      return;
    }
    case 'double':
    case 'float':
      if (typeof value !== 'number') shapeFail(r, path, `must be a number, not ${show(value)}`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') shapeFail(r, path, `must be true or false, not ${show(value)}`);
      return;
    default:
      return;
  }
}

/** ECS task cpu/memory strings: "512", "0.5 vCPU", "1024", "1 GB" → CPU units / MiB. */
function parseSize(v: unknown, unit: 'vcpu' | 'gb'): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return undefined;
  const m = /^\s*([0-9]+(?:\.[0-9]+)?)\s*(vcpu|gb)?\s*$/i.exec(v);
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] ? (m[2].toLowerCase() === unit ? n * 1024 : undefined) : n;
}

function fargateRules(td: Record<string, unknown>, r: Reporter): void {
  const compat = Array.isArray(td.requiresCompatibilities) ? td.requiresCompatibilities : [];
  const containers = Array.isArray(td.containerDefinitions) ? td.containerDefinitions.filter(isObject) : [];
  const awsvpc = td.networkMode === 'awsvpc';
  if (compat.includes('FARGATE')) {
    if (!awsvpc) r.add('VERIFY_ECS_FARGATE', ['networkMode'], `FARGATE needs networkMode "awsvpc", not ${show(td.networkMode)}`);
    const cpu = parseSize(td.cpu, 'vcpu');
    const memory = parseSize(td.memory, 'gb');
    if (td.cpu === undefined) r.add('VERIFY_ECS_FARGATE', ['cpu'], 'FARGATE needs a task-level cpu');
    if (td.memory === undefined) r.add('VERIFY_ECS_FARGATE', ['memory'], 'FARGATE needs a task-level memory');
    if (cpu !== undefined && memory !== undefined && !isFargateSize(cpu, memory)) {
      const near = nearestFargateSizes(cpu, memory).map((s) => `${s.cpu}/${s.memory}`).join(', ');
      r.add('VERIFY_ECS_FARGATE', ['cpu'], `cpu ${show(td.cpu)} with memory ${show(td.memory)} is not a Fargate task size`, 'error', `nearest valid cpu/memory: ${near}`);
    } else if ((td.cpu !== undefined && cpu === undefined) || (td.memory !== undefined && memory === undefined)) {
      r.add('VERIFY_ECS_FARGATE', [cpu === undefined ? 'cpu' : 'memory'], `cannot read the task size ${show(cpu === undefined ? td.cpu : td.memory)}`);
    }
  }
  containers.forEach((c, i) => {
    if (!awsvpc || !Array.isArray(c.portMappings)) return;
    c.portMappings.forEach((pm: unknown, j: number) => {
      if (isObject(pm) && pm.hostPort !== undefined && pm.hostPort !== pm.containerPort) {
        r.add('VERIFY_ECS_FARGATE', ['containerDefinitions', i, 'portMappings', j, 'hostPort'], `under awsvpc hostPort must equal containerPort (${show(pm.containerPort)}), not ${show(pm.hostPort)}`);
      }
    });
  });
  if (containers.length && !containers.some((c) => c.essential === undefined || c.essential === true)) {
    r.add('VERIFY_ECS_MODEL', ['containerDefinitions'], 'at least one container must be essential');
  }
}

/** Names inside the task: dependsOn/volumesFrom name containers, mountPoints name volumes. */
function references(td: Record<string, unknown>, r: Reporter): void {
  const containers = Array.isArray(td.containerDefinitions) ? td.containerDefinitions : [];
  const names = containers.map((c) => (isObject(c) ? c.name : undefined));
  const volumes = new Set((Array.isArray(td.volumes) ? td.volumes : []).map((v) => (isObject(v) ? v.name : undefined)));
  const code = 'VERIFY_ECS_REFERENCE';
  containers.forEach((c, i) => {
    if (!isObject(c)) return;
    if (typeof c.name === 'string' && names.indexOf(c.name) !== i) r.add(code, ['containerDefinitions', i, 'name'], `the container name "${c.name}" is used twice`);
    const each = (field: string, key: string, known: (v: unknown) => boolean, what: string) => {
      const list = c[field];
      if (!Array.isArray(list)) return;
      list.forEach((x, j) => {
        if (isObject(x) && x[key] !== undefined && !known(x[key])) r.add(code, ['containerDefinitions', i, field, j, key], `${show(x[key])} is not ${what} of this task definition`);
      });
    };
    each('dependsOn', 'containerName', (v) => names.includes(v), 'a container');
    each('volumesFrom', 'sourceContainer', (v) => names.includes(v), 'a container');
    each('mountPoints', 'sourceVolume', (v) => volumes.has(v), 'a volume');
  });
}

export function verifyEcsTaskDefinition(doc: Record<string, unknown>, r: Reporter): void {
  const model = readData<Model>(MODEL);
  walkShape(model, model.operations.RegisterTaskDefinition.input.shape, doc, [], r);
  fargateRules(doc, r);
  references(doc, r);
}
