/**
 * Copilot `logging`: the retention of the log group Copilot creates, and FireLens (Copilot adds
 * the Fluent Bit sidecar itself when any FireLens field is set). Copilot names and creates its
 * own group (`/copilot/<app>-<env>-<svc>`), so the awslogs group, prefixes and options of the
 * spec have no form there and are reported.
 * @see https://aws.github.io/copilot-cli/docs/include/logging/
 */
import type { DiagnosticInput } from '../../core/diagnostics.js';
import type { JsonObject } from '../../core/serialize.js';
import type { ServiceModel } from '../../model/types.js';

type Report = (d: DiagnosticInput) => void;

export function copilotLogging(m: ServiceModel, report: Report): JsonObject | undefined {
  const l = m.logging;
  const warn = (what: string, path: (string | number)[]) =>
    report({ code: 'COPILOT_LOGGING_NOT_CARRIED', severity: 'warning', message: `Copilot creates and names the service's log group itself; ${what} was not written.`, path });
  if (l.driver === 'none') {
    report({ code: 'COPILOT_LOGGING_OFF', severity: 'warning', message: 'Copilot always configures container logs (awslogs or FireLens); driver none was not written.', path: ['logging', 'driver'] });
    return undefined;
  }
  // With FireLens the default output names the group and prefix in its destination.
  if (l.driver === 'awslogs' && l.group !== `/ecs/${m.name}`) warn(`logging.group ${l.group}`, ['logging', 'group']);
  if (!l.createGroup) warn('logging.createGroup: false', ['logging', 'createGroup']);
  if (l.driver === 'awslogs' && l.streamPrefix !== 'ecs') warn(`logging.streamPrefix ${l.streamPrefix}`, ['logging', 'streamPrefix']);
  if (Object.keys(l.options).length) warn('logging.options', ['logging', 'options']);
  if (Object.keys(l.containers).length) warn('logging.containers', ['logging', 'containers']);
  const out: JsonObject = {};
  if (l.retentionDays !== undefined) out.retention = l.retentionDays;
  const f = l.firelens;
  if (f) {
    if (f.type === 'fluentd') report({ code: 'COPILOT_FIRELENS_FLUENTD', severity: 'warning', message: 'Copilot runs Fluent Bit as its log router; the fluentd type was not written (the image and options were).', path: ['logging', 'firelens', 'type'] });
    out.image = f.image;
    if (f.memoryReservationMiB !== undefined) report({ code: 'COPILOT_FIRELENS_MEMORY', severity: 'warning', message: 'Copilot sizes the log router it adds itself; logging.firelens.memoryReservation was not written to the Copilot manifest.', path: ['logging', 'firelens', 'memoryReservation'] });
    if (f.options) out.destination = { ...f.options };
    else {
      const destination: JsonObject = { Name: 'cloudwatch_logs' };
      if (l.region !== undefined) destination.region = l.region;
      else report({ code: 'COPILOT_FIRELENS_REGION', severity: 'warning', message: 'Fluent Bit\'s cloudwatch_logs output needs a region, and the spec names none; set region (or logging.region).', path: ['logging'] });
      destination.log_group_name = l.group;
      destination.log_stream_prefix = `${l.streamPrefix}/`;
      // Copilot does not create this group (only its own), so Fluent Bit does.
      destination.auto_create_group = 'true';
      out.destination = destination;
    }
    if (f.enableMetadata !== undefined) out.enableMetadata = f.enableMetadata;
    if (f.secretOptions.length) out.secretOptions = Object.fromEntries(f.secretOptions.map((s) => [s.name, s.valueFrom]));
    if (f.configFile !== undefined) {
      if (f.configFile.startsWith('arn:')) report({ code: 'COPILOT_FIRELENS_S3_CONFIG', severity: 'warning', message: 'Copilot reads a FireLens configuration file from the router image only; the S3 configFile was not written.', path: ['logging', 'firelens', 'configFile'] });
      else out.configFilePath = f.configFile;
    }
  }
  return Object.keys(out).length ? out : undefined;
}
