/** Ports: names derived and checked for repeats; a probe's or expose's port reference resolved. */
import type { SpecPath } from '../../core/diagnostics.js';
import type { CodegenServiceSpecV1 as ServiceSpec } from '../../schema/spec.generated.js';
import type { PortModel } from '../types.js';
import type { Report } from './common.js';

export function normalizePorts(ports: NonNullable<ServiceSpec['ports']>, path: SpecPath, rep: Report): PortModel[] {
  const out: PortModel[] = [];
  const byName = new Map<string, number>();
  const byPort = new Set<string>();
  ports.forEach((p, i) => {
    const appProtocol = p.appProtocol ?? (p.protocol === 'udp' ? 'tcp' : 'http');
    const base = p.protocol === 'udp' ? 'udp' : appProtocol;
    let name = p.name ?? base;
    if (!p.name && (byName.has(name) || ports.some((o, j) => j !== i && !o.name && (o.appProtocol ?? (o.protocol === 'udp' ? 'tcp' : 'http')) === appProtocol && (o.protocol ?? 'tcp') === (p.protocol ?? 'tcp'))) ) {
      name = `${base}-${p.port}`.slice(0, 15);
    }
    if (byName.has(name)) {
      rep({ code: 'DUPLICATE_PORT_NAME', severity: 'error', message: `Port name "${name}" is used twice.`, path: [...path, i, 'name'] });
    }
    const key = `${p.port}/${p.protocol ?? 'tcp'}`;
    if (byPort.has(key)) {
      rep({ code: 'DUPLICATE_PORT', severity: 'error', message: `Port ${key} is listed twice.`, path: [...path, i, 'port'] });
    }
    byName.set(name, p.port);
    byPort.add(key);
    out.push({
      name,
      port: p.port,
      protocol: p.protocol ?? 'tcp',
      appProtocol,
      servicePort: p.servicePort ?? p.port,
      ...(p.hostPort !== undefined ? { hostPort: p.hostPort } : {}),
      ...(p.name === undefined ? { derived: true as const } : {}),
    });
  });
  return out;
}

export function resolvePort(port: number | string | undefined, ports: PortModel[], path: SpecPath, rep: Report): { port: number; portName?: string } | undefined {
  if (port === undefined) {
    const first = ports[0];
    if (!first) {
      rep({ code: 'NO_PORTS', severity: 'error', message: 'This check needs a port: set one here or list ports.', path });
      return undefined;
    }
    return { port: first.port, portName: first.name };
  }
  if (typeof port === 'number') {
    const named = ports.find((p) => p.port === port);
    return named ? { port, portName: named.name } : { port };
  }
  const named = ports.find((p) => p.name === port);
  if (!named) {
    rep({ code: 'UNKNOWN_PORT', severity: 'error', message: `No port is named "${port}".`, path, ...(ports.length ? { hint: `ports are ${ports.map((p) => `"${p.name}"`).join(', ')}` } : {}) });
    return undefined;
  }
  return { port: named.port, portName: named.name };
}
