/** `DeploymentConfiguration` of an ECS-controlled service: rolling limits, or ECS-native blue/green, canary and linear. */
import type { JsonObject } from '../../core/serialize.js';
import type { ServiceModel } from '../../model/types.js';
import { at, inRange, minutes, type Engine, type Path, type Report } from './service-common.js';

/** A rolling maxSurge/maxUnavailable as a percent of the desired count (ECS takes percents only). */
function percentOf(v: number | `${number}%`, m: ServiceModel, path: Path, report: Report): number | undefined {
  if (typeof v === 'string') return Number(v.slice(0, -1));
  if (v === 0) return 0; // zero is zero percent whatever the count
  if (m.replicas === undefined || m.replicas === 0) {
    report({ code: 'ECS_ROLLING_ABSOLUTE', severity: 'warning', message: `ECS takes rolling limits as percents; ${v} replicas cannot be converted without a fixed replicas count, so the ECS default is used.`, path });
    return undefined;
  }
  const pct = (v * 100) / m.replicas;
  report({ code: 'ECS_ROLLING_PERCENT', severity: 'info', message: `${v} of ${m.replicas} replicas was converted to ${Math.round(pct * 100) / 100}% for ECS.`, path });
  return pct;
}

export function deploymentConfiguration(m: ServiceModel, engine: Engine, hasTraffic: boolean, report: Report): JsonObject | undefined {
  const out = strategyConfiguration(m, engine, hasTraffic, report);
  // CloudWatch alarms that fail the deployment (ECS controller only; CodeDeploy has its own, service-codedeploy.ts).
  if (out && m.deployment.rollbackAlarms.length) out.Alarms = { AlarmNames: [...m.deployment.rollbackAlarms], Enable: true, Rollback: m.deployment.rollbackOnFailure };
  return out;
}

function strategyConfiguration(m: ServiceModel, engine: Engine, hasTraffic: boolean, report: Report): JsonObject | undefined {
  const ecs = m.targets.ecs;
  const d = m.deployment;
  if (engine.kind === 'codedeploy') return undefined;
  if (engine.kind === 'rolling') {
    const out: JsonObject = { Strategy: 'ROLLING' };
    const surge = ecs.maximumPercent === undefined && d.rolling.maxSurge !== undefined ? percentOf(d.rolling.maxSurge, m, at(m, ['deployment', 'rolling', 'maxSurge']), report) : undefined;
    const unavailable = ecs.minimumHealthyPercent === undefined && d.rolling.maxUnavailable !== undefined ? percentOf(d.rolling.maxUnavailable, m, at(m, ['deployment', 'rolling', 'maxUnavailable']), report) : undefined;
    // ECS rounds maximumPercent down and minimumHealthyPercent up, so these never exceed the spec's limits.
    const max = ecs.maximumPercent ?? (surge !== undefined ? 100 + Math.floor(surge) : undefined);
    const min = ecs.minimumHealthyPercent ?? (unavailable !== undefined ? Math.max(0, 100 - Math.floor(unavailable)) : undefined);
    if (max !== undefined) out.MaximumPercent = max;
    if (min !== undefined) out.MinimumHealthyPercent = min;
    const breaker = ecs.circuitBreaker ?? true;
    out.DeploymentCircuitBreaker = { Enable: breaker, Rollback: breaker && d.rollbackOnFailure };
    return out;
  }
  if (!hasTraffic && engine.strategy !== 'BLUE_GREEN') {
    report({ code: 'ECS_STRATEGY_NEEDS_TRAFFIC', severity: 'error', message: `ECS ${engine.strategy.toLowerCase()} deployments shift traffic, so they need expose (a load balancer) or targets.ecs.service.serviceConnect.`, path: at(m, ['deployment', 'strategy']) });
  }
  const out: JsonObject = { Strategy: engine.strategy };
  const bg = d.blueGreen;
  const bakeSeconds = bg.bakeTimeSeconds ?? bg.terminationWaitSeconds;
  const bakePath = at(m, ['deployment', 'blueGreen', bg.bakeTimeSeconds !== undefined ? 'bakeTime' : 'terminationWait']);
  let bake = bakeSeconds !== undefined ? minutes(bakeSeconds, bakePath, report) : undefined;
  if (bake === undefined && engine.strategy === 'BLUE_GREEN') {
    // BakeTimeInMinutes is required for BLUE_GREEN (ECS API DeploymentConfiguration).
    report({ code: 'ECS_BAKE_TIME_DEFAULT', severity: 'warning', message: 'ECS blue/green needs a bake time and the spec sets none, so the blue tasks stop as soon as traffic has moved (0 min); set deployment.blueGreen.bakeTime to keep a rollback window.', path: at(m, ['deployment']) });
    bake = 0;
  }
  if (bake !== undefined) {
    inRange(bake, 0, 1440, 'BakeTimeInMinutes', bakePath, report);
    out.BakeTimeInMinutes = bake;
  }
  if (engine.strategy === 'CANARY') {
    const c = d.canary!;
    const here = (k: string) => at(m, ['deployment', 'canary', k]);
    const step = minutes(c.intervalSeconds, here('interval'), report);
    checkPercent(c.percent, 0.1, here('percent'), report);
    inRange(step, 0, 1440, 'CanaryBakeTimeInMinutes', here('interval'), report);
    // CloudFormation rejects canary deployments whose computed time exceeds 33 h (AWS::ECS::Service CanaryConfiguration).
    if ((bake ?? 0) + step > 33 * 60) report({ code: 'ECS_CANARY_TOO_LONG', severity: 'error', message: `Bake time plus canary interval is ${(bake ?? 0) + step} min; CloudFormation rejects canary deployments longer than 33 h (1980 min).`, path: here('interval') });
    out.CanaryConfiguration = { CanaryPercent: c.percent, CanaryBakeTimeInMinutes: step };
  }
  if (engine.strategy === 'LINEAR') {
    const l = d.linear!;
    const here = (k: string) => at(m, ['deployment', 'linear', k]);
    const step = minutes(l.intervalSeconds, here('interval'), report);
    checkPercent(l.percent, 3, here('percent'), report);
    inRange(step, 0, 1440, 'StepBakeTimeInMinutes', here('interval'), report);
    out.LinearConfiguration = { StepPercent: l.percent, StepBakeTimeInMinutes: step };
  }
  return out;
}

/** ECS canary/linear percents: `min`–100 in steps of 0.1 (ECS API CanaryConfiguration / LinearConfiguration). */
function checkPercent(p: number, min: number, path: Path, report: Report): void {
  if (p < min || p > 100 || Math.abs(p * 10 - Math.round(p * 10)) > 1e-9) {
    report({ code: 'ECS_TRAFFIC_PERCENT', severity: 'error', message: `ECS takes a traffic step percent from ${min} to 100 in steps of 0.1; got ${p}.`, path });
  }
}
