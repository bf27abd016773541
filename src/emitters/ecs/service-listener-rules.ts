/**
 * The conditions of an exposed service's ALB listener rules: hosts, path patterns, HTTP headers and
 * source IPs, packed into as few rules as the ALB allows. An ALB rule takes at most one host,
 * path-pattern and source-ip condition, any number of http-header conditions, three values per
 * condition, five values and five wildcards in all; the values of one condition are alternatives,
 * so a spec with more becomes several rules with the same action.
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/rule-condition-types.html
 */
import type { JsonObject } from '../../core/serialize.js';
import type { ServiceModel } from '../../model/types.js';
import { at, type Report } from './service-common.js';

const PER_CONDITION = 3;
const PER_RULE = 5;
const WILDCARDS_PER_RULE = 5;
/** More rules than this for one service is a spec to split, not a template to write. */
const MAX_RULES = 10;

/** `/api` → `/api`, `/api/*`; `/` → `/*`: the prefix itself and everything under it. */
export function pathValues(path: string): string[] {
  const base = path.replace(/\/+$/, '');
  return base === '' ? ['/*'] : [base, `${base}/*`];
}

const wildcards = (values: string[]) => values.reduce((n, v) => n + (v.match(/[*?]/g)?.length ?? 0), 0);

/** Groups of at most `size` values; a path's two values stay together. */
function chunks<T>(groups: T[][], size: number): T[][] {
  const out: T[][] = [];
  for (const g of groups) {
    const last = out[out.length - 1];
    if (last && last.length + g.length <= size) last.push(...g);
    else out.push([...g]);
  }
  return out;
}

/** The condition lists, one per listener rule, in a stable order (hosts, then paths, then the rest). */
export function ruleConditions(m: ServiceModel, report: Report): JsonObject[][] {
  const e = m.expose!;
  const headers: JsonObject[] = e.headers.map((h) => ({ Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: h.name, Values: h.values } }));
  const headerValues = e.headers.reduce((n, h) => n + h.values.length, 0);
  const headerWildcards = wildcards(e.headers.flatMap((h) => h.values));
  // targets.ecs.service.pathPatterns: the ALB's patterns as written, one value each.
  const patterns = m.targets.ecs.service?.pathPatterns;
  if (patterns && (e.paths.length > 1 || e.paths[0] !== '/')) {
    report({ code: 'ECS_PATH_PATTERNS', severity: 'warning', message: `targets.ecs.service.pathPatterns replace the ECS listener rule's paths; expose.${e.paths.length > 1 ? 'paths' : 'path'} (${e.paths.join(', ')}) is not used there.`, path: ['targets', 'ecs', 'service', 'pathPatterns'] });
  }
  const dims = {
    hosts: e.hosts.map((h) => [h]),
    paths: patterns ? patterns.map((p) => [p]) : e.paths.map(pathValues),
    sources: e.allowedSourceIps.map((s) => [s]),
  };
  // Shrink the largest dimension's chunk size until every rule fits in five values.
  const size = { hosts: PER_CONDITION, paths: PER_CONDITION, sources: PER_CONDITION };
  for (;;) {
    const worst = headerValues + (dims.hosts.length ? Math.min(size.hosts, e.hosts.length) : 0) + maxChunk(dims.paths, size.paths) + (dims.sources.length ? Math.min(size.sources, e.allowedSourceIps.length) : 0);
    if (worst <= PER_RULE) break;
    const shrinkable = (['hosts', 'sources', 'paths'] as const).filter((k) => size[k] > (k === 'paths' ? Math.max(...dims.paths.map((p) => p.length)) : 1) && dims[k].length > 0);
    if (!shrinkable.length) {
      report({ code: 'ECS_ALB_RULE_LIMIT', severity: 'error', message: `An ALB listener rule takes at most ${PER_RULE} condition values; the ${headerValues} header values leave too few for the hosts, paths and source IPs of one rule.`, path: at(m, ['expose']) });
      return [];
    }
    const k = shrinkable.sort((a, b) => size[b] - size[a])[0]!;
    size[k] -= 1;
  }
  const hostChunks = dims.hosts.length ? chunks(dims.hosts, size.hosts) : [undefined];
  const pathChunks = chunks(dims.paths, size.paths);
  const sourceChunks = dims.sources.length ? chunks(dims.sources, size.sources) : [undefined];
  const rules: JsonObject[][] = [];
  for (const hosts of hostChunks) {
    for (const paths of pathChunks) {
      for (const sources of sourceChunks) {
        const c: JsonObject[] = [];
        if (hosts) c.push({ Field: 'host-header', HostHeaderConfig: { Values: hosts } });
        c.push({ Field: 'path-pattern', PathPatternConfig: { Values: paths } });
        c.push(...headers);
        if (sources) c.push({ Field: 'source-ip', SourceIpConfig: { Values: sources } });
        if (wildcards([...(hosts ?? []), ...paths]) + headerWildcards > WILDCARDS_PER_RULE) {
          report({ code: 'ECS_ALB_RULE_LIMIT', severity: 'error', message: `An ALB listener rule takes at most ${WILDCARDS_PER_RULE} wildcards (* and ?) in its hosts, paths and headers; ${[...(hosts ?? []), ...paths].join(', ')} with the headers have more.`, path: at(m, ['expose']) });
          return [];
        }
        rules.push(c);
      }
    }
  }
  if (rules.length > MAX_RULES) {
    report({ code: 'ECS_ALB_RULE_LIMIT', severity: 'error', message: `The hosts, paths and source IPs need ${rules.length} ALB listener rules (at most ${PER_CONDITION} values per condition, ${PER_RULE} per rule); codegen writes at most ${MAX_RULES} per service.`, path: at(m, ['expose']) });
    return [];
  }
  return rules;
}

function maxChunk(groups: string[][], size: number): number {
  return Math.max(0, ...chunks(groups, size).map((c) => c.length));
}
