/**
 * Every `pattern` of the spec schemas in words, with an example that matches, so a schema error
 * says which rule a value broke rather than quoting the field's description or a regular
 * expression. Keyed by the pattern text exactly as the schema has it; `test/schema-patterns.test.ts`
 * fails when a schema pattern has no entry here.
 */
import { DURATION_PATTERN } from './dsl.js';

export interface PatternRule {
  /** What a value must be, as a phrase that completes "must be …". */
  rule: string;
  /** A value that matches. */
  example: string;
}

const DNS_LABEL_63 = 'a DNS label: lowercase letters, digits and hyphens, starting with a letter, not ending with a hyphen, at most 63 characters';

export const PATTERN_RULES: Readonly<Record<string, PatternRule>> = {
  // Service spec
  '^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$': { rule: DNS_LABEL_63, example: 'orders-api' },
  '^([a-z]{2}(-[a-z]+)+-[0-9]|\\$\\{[A-Za-z0-9:]+\\})$': { rule: 'an AWS region code (two letters, one or more hyphenated words, and a digit) or one `${Name}` parameter such as `${AWS::Region}`', example: 'eu-west-1' },
  '^([A-Za-z0-9]{1,255}|AWS::(Region|AccountId|StackName|Partition|URLSuffix))$': { rule: 'a declared parameter name (letters and digits, at most 255 characters) or a pseudo parameter: AWS::Region, AWS::AccountId, AWS::StackName, AWS::Partition or AWS::URLSuffix', example: 'ImageTag' },
  '^(arn:(aws[a-z-]*|\\$\\{AWS::Partition\\}):iam::([0-9]{12}|\\$\\{[A-Za-z0-9:]+\\}):role/([A-Za-z0-9+=,.@_/-]|\\$\\{[A-Za-z0-9:]+\\})+|\\$\\{[A-Za-z0-9]+\\})$': { rule: 'an IAM role ARN (`arn:aws:iam::`, a 12-digit account ID, `:role/` and the role name; the partition, the account and parts of the name may be `${Name}` parameters) or one `${Name}` parameter', example: 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/ecsTaskExecutionRole' },
  '^(arn:(aws[a-z-]*|\\$\\{AWS::Partition\\}):elasticloadbalancing:|\\$\\{[A-Za-z0-9]+\\}$)': { rule: 'an Elastic Load Balancing ARN (`arn:aws:elasticloadbalancing:…`, the partition may be `${AWS::Partition}`) or one `${Name}` parameter', example: 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/shop/0a1b2c3d/4e5f6a7b' },
  '^[a-z]{2}(-[a-z]+)+-[0-9]$': { rule: 'an AWS region code: two letters, one or more hyphenated words, and a digit', example: 'eu-west-1' },
  '^[A-Za-z_][A-Za-z0-9_]*$': { rule: 'an environment variable name: letters, digits and underscores, not starting with a digit', example: 'DB_HOST' },
  '^[A-Za-z0-9./_-]+$': { rule: 'a label key: letters, digits, `.`, `/`, `_` and `-`', example: 'app.kubernetes.io/part-of' },
  '^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$': { rule: 'a label value: at most 63 letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit (or empty)', example: 'frontend' },
  '^[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)?$': { rule: 'a rule id: lowercase words joined by hyphens, optionally after a plugin name and `/`', example: 'require-logging' },
  '\\S': { rule: 'text with at least one character that is not a space', example: 'the load balancer checks /ping' },
  '^(/.*)?$': { rule: 'a JSON Pointer: empty, or starting with `/`', example: '/spec/replicas' },
  [DURATION_PATTERN]: { rule: 'a duration: whole numbers with the units h, m, s or ms, largest first, each unit at most once (or a number of seconds)', example: '2m30s' },
  '^[0-9]{1,3}%$': { rule: 'a percentage: a whole number followed by `%`', example: '25%' },
  '^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$': { rule: 'a lowercase host name (dot-separated labels of letters, digits and hyphens), optionally starting with `*.`', example: 'api.example.com' },
  "^/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$": { rule: 'a URL path: starts with `/`, then URL path characters only (no spaces, `?` or `#`)', example: '/health' },
  '^([A-Za-z0-9_-]{1,255}|\\$\\{[A-Za-z0-9]+\\})$': { rule: 'a container name as ECS takes it (at most 255 letters, digits, `_` and `-`) or one `${Name}` parameter', example: 'web_app' },
  '^[^\\u0000-\\u001f\\u007f]{1,256}$': { rule: 'a name of 1 to 256 printable characters (no control characters)', example: 'ServiceScaleOutPolicy' },
  '^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|K|M|G|T)$': { rule: 'an amount of memory with its unit, in Kubernetes notation (`Mi`, `Gi`, … binary; `M`, `G`, … decimal)', example: '50Mi' },
  '^([-A-Za-z0-9_.$/~"\'@:+&*?]{1,128}|\\$\\{[A-Za-z0-9]+\\})$': { rule: 'an ALB path pattern (at most 128 letters, digits and `_ - . $ / ~ " \' @ : + & * ?`; `*` and `?` are wildcards) or one `${Name}` parameter', example: '/api/*' },
  '^[a-z0-9]([-a-z0-9]{0,13}[a-z0-9])?$': { rule: 'a port name: lowercase letters, digits and hyphens, not starting or ending with a hyphen, at most 15 characters', example: 'http' },
  '^arn:aws[a-z-]*:acm:': { rule: 'an ACM certificate ARN (`arn:aws:acm:…`)', example: 'arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d' },
  '^[0-9]{3}([-,][0-9]{3})*$': { rule: 'HTTP status codes: three-digit codes separated by `,` or given as a range with `-`', example: '200-299' },
  '^/[A-Za-z0-9._~/-]*$': { rule: 'a URL path of letters, digits, `.`, `_`, `~`, `/` and `-`, starting with `/` (it is written into a shell command)', example: '/health' },
  '^[A-Za-z0-9-]+$': { rule: 'an HTTP header name: letters, digits and hyphens', example: 'X-Health-Check' },
  '^([0-9]+m|[0-9]+(\\.[0-9]+)?|[1-9][0-9]* units)$': { rule: 'a CPU amount: millicores with `m` or cores as a number (Kubernetes notation), or whole ECS CPU units followed by ` units`', example: '500m' },
  '^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|K|M|G|T)?$': { rule: 'a memory amount: a number with a unit Ki, Mi, Gi, Ti (binary) or K, M, G, T (decimal)', example: '512Mi' },
  '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$': { rule: 'a Kubernetes object name: lowercase letters, digits, `-` and `.`, starting and ending with a letter or digit', example: 'db-credentials' },
  '^([A-Za-z0-9_-]|\\$\\{[A-Za-z0-9]+\\})+$': { rule: 'letters, digits, underscores and hyphens, and `${Name}` parameters', example: '${App}-TaskDef' },
  '^[A-Za-z0-9_-]{1,255}$': { rule: 'letters, digits, underscores and hyphens, at most 255 characters', example: 'orders_api-v2' },
  '^(LATEST|[0-9]+\\.[0-9]+\\.[0-9]+)$': { rule: '`LATEST` or a version such as `1.4.0`', example: '1.4.0' },
  '^[0-9]+(\\.[0-9]+)? ?(vCPU|vcpu)$': { rule: 'a number of vCPUs followed by `vCPU`', example: '0.5 vCPU' },
  '^[0-9]+(\\.[0-9]+)? ?(GB|gb)$': { rule: 'a number of gigabytes followed by `GB`', example: '2 GB' },
  '^arn:aws[a-z-]*:iam:': { rule: 'an IAM ARN (`arn:aws:iam::…`)', example: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole' },
  '^arn:aws[a-z-]*:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]+$': { rule: 'an IAM role ARN: `arn:aws:iam::`, a 12-digit account ID, `:role/` and the role name', example: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole' },
  '^arn:aws[a-z-]*:iam::': { rule: 'an IAM ARN (`arn:aws:iam::…`)', example: 'arn:aws:iam::123456789012:role/orders' },
  '^[A-Za-z0-9+=,.@_-]{1,64}$': { rule: 'an IAM role name: letters, digits and + = , . @ _ -, at most 64 characters', example: 'CodeDeployServiceRole' },
  '^subnet-[0-9a-f]+$': { rule: 'a subnet ID: `subnet-` and hexadecimal digits', example: 'subnet-0a1b2c3d' },
  '^sg-[0-9a-f]+$': { rule: 'a security group ID: `sg-` and hexadecimal digits', example: 'sg-0a1b2c3d' },
  '^(subnet-[0-9a-f]+|\\$\\{[A-Za-z0-9]+\\})$': { rule: 'a subnet ID (`subnet-` and hexadecimal digits) or one `${Name}` parameter', example: 'subnet-0a1b2c3d' },
  '^(sg-[0-9a-f]+|\\$\\{[A-Za-z0-9]+\\})$': { rule: 'a security group ID (`sg-` and hexadecimal digits) or one `${Name}` parameter', example: 'sg-0a1b2c3d' },
  '^vpc-[0-9a-f]+$': { rule: 'a VPC ID: `vpc-` and hexadecimal digits', example: 'vpc-0a1b2c3d' },
  '^arn:aws[a-z-]*:elasticloadbalancing:': { rule: 'an Elastic Load Balancing ARN (`arn:aws:elasticloadbalancing:…`)', example: 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/shop/0a1b2c3d/4e5f6a7b' },
  '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$': { rule: 'a DNS label: lowercase letters, digits and hyphens, starting and ending with a letter or digit', example: 'production' },
  '^[a-z0-9]([-a-z0-9.]{0,61}[a-z0-9])?$': { rule: 'lowercase letters, digits, `-` and `.`, starting and ending with a letter or digit, at most 63 characters', example: 'shop-public' },
  '^Z[A-Z0-9]{1,31}$': { rule: 'a Route 53 hosted zone ID: Z followed by capital letters and digits, at most 32 characters', example: 'Z0873220N255IR3MTNR4' },
  '^[A-Za-z0-9]{1,255}$': { rule: 'a CloudFormation logical ID: letters and digits only, at most 255 characters', example: 'OrdersService' },
  '^arn:aws[a-z-]*:iam::([0-9]{12}|aws):policy/[A-Za-z0-9+=,.@_/-]+$': { rule: 'an IAM managed policy ARN: `arn:aws:iam::`, a 12-digit account ID or `aws`, `:policy/` and the policy name', example: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' },
  '^[A-Za-z0-9_-]{1,256}$': { rule: 'an SNS topic name: letters, digits, hyphens and underscores, at most 256 characters', example: 'order-events' },
  '^(core|cpu|data|fsize|locks|memlock|msgqueue|nice|nofile|nproc|rss|rtprio|rttime|sigpending|stack)$': { rule: 'an ulimit name: core, cpu, data, fsize, locks, memlock, msgqueue, nice, nofile, nproc, rss, rtprio, rttime, sigpending or stack', example: 'nofile' },
  '^fs-[0-9a-f]{8,40}$': { rule: 'an EFS file system ID: `fs-` and 8 to 40 hexadecimal digits', example: 'fs-0123456789abcdef0' },
  '^/[A-Za-z0-9._/-]*$': { rule: 'an absolute path of letters, digits, `.`, `_`, `/` and `-`', example: '/data' },
  '^fsap-[0-9a-f]{8,40}$': { rule: 'an EFS access point ID: `fsap-` and 8 to 40 hexadecimal digits', example: 'fsap-0123456789abcdef0' },
  '^/': { rule: 'an absolute path (starting with `/`)', example: '/var/cache' },
  '^[^/]': { rule: 'a relative path (not starting with `/`)', example: 'conf/app.yaml' },
  '^[-._a-zA-Z0-9]+$': { rule: 'a ConfigMap key: letters, digits, `-`, `_` and `.`', example: 'app.properties' },
  // Service spec: logging, load balancing, scaling, service discovery
  '^[a-z0-9]([-a-z0-9]{0,30}[a-z0-9])?$': { rule: 'a policy name: lowercase letters, digits and hyphens, not starting or ending with a hyphen, at most 32 characters', example: 'cpu-burst' },
  '^[A-Za-z0-9][-A-Za-z0-9_.]{0,127}$': { rule: 'a scheduled action name: letters, digits, `-`, `_` and `.`, starting with a letter or digit, at most 128 characters', example: 'night' },
  '^(cron\\([^()]+\\)|rate\\([1-9][0-9]* (minute|minutes|hour|hours|day|days)\\)|at\\([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\))$': { rule: 'an Application Auto Scaling schedule: `cron(…)` with six fields, `rate(<n> minute|minutes|hour|hours|day|days)` or `at(yyyy-mm-ddThh:mm:ss)`', example: 'cron(0 22 * * ? *)' },
  '^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$': { rule: 'an IANA time zone name such as `Europe/Berlin` or `UTC`', example: 'Europe/Berlin' },
  '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2})?(Z|[+-][0-9]{2}:[0-9]{2})?$': { rule: 'an ISO 8601 date and time (`yyyy-mm-ddThh:mm[:ss]`, optionally `Z` or an offset)', example: '2026-12-01T00:00:00Z' },
  "^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,40}$": { rule: 'an HTTP header name (token characters only: letters, digits and `!#$%&\'*+.^_`|~-`), at most 40 characters', example: 'X-Tenant' },
  '^([0-9]{1,3}\\.){3}[0-9]{1,3}/[0-9]{1,2}$|^[0-9A-Fa-f:]+/[0-9]{1,3}$': { rule: 'a CIDR block: an IPv4 address and a prefix length (`10.0.0.0/8`), or an IPv6 address and prefix length', example: '10.0.0.0/8' },
  "^[A-Za-z0-9!#$%&'*+.^_`|~-]+$": { rule: 'a cookie name (token characters only: letters, digits and `!#$%&\'*+.^_`|~-`)', example: 'SESSION' },
  '^[A-Za-z0-9_.-]+$': { rule: 'a log driver option name: letters, digits, `_`, `.` and `-`', example: 'max-buffer-size' },
  '^[A-Za-z0-9_-]+$': { rule: 'a container name as ECS takes it: letters, digits, `_` and `-`', example: 'log_router' },
  '^ns-[a-z0-9]+$': { rule: 'a Cloud Map namespace ID: `ns-` and lowercase letters and digits', example: 'ns-7tjvsguakedmh6zb' },
  '^(arn:(aws[a-z-]*|\\$\\{AWS::Partition\\}):servicediscovery:|\\$\\{[A-Za-z0-9]+\\}$)': { rule: 'an AWS Cloud Map ARN (`arn:aws:servicediscovery:…`, the partition may be `${AWS::Partition}`) or one `${Name}` parameter', example: 'arn:aws:servicediscovery:eu-west-1:123456789012:service/srv-abc123' },
  '^((?=^.{1,127}$)^([a-zA-Z0-9_][a-zA-Z0-9-_]{0,61}[a-zA-Z0-9_]|[a-zA-Z0-9])(\\.([a-zA-Z0-9_][a-zA-Z0-9-_]{0,61}[a-zA-Z0-9_]|[a-zA-Z0-9]))*$)$': { rule: 'a Cloud Map service name: dot-separated DNS labels of letters, digits, `_` and `-` (not starting or ending with `-`), at most 127 characters', example: 'inventory' },
  '^[a-zA-Z0-9!-~]{1,255}$': { rule: 'an attribute key: printable ASCII characters without spaces, at most 255', example: 'ECS_TASK_DEFINITION_FAMILY' },
  '^[0-9]+$': { rule: 'a numeric user id (digits only)', example: '1337' },
  // Platform spec
  '^vpc-[0-9a-f]{8,17}$': { rule: 'a VPC ID: `vpc-` and 8 to 17 hexadecimal digits', example: 'vpc-0a1b2c3d4e5f60718' },
  '^[A-Za-z][A-Za-z0-9]{0,254}$': { rule: 'a CloudFormation parameter name: a letter, then letters and digits', example: 'VpcId' },
  '^subnet-[0-9a-f]{8,17}$': { rule: 'a subnet ID: `subnet-` and 8 to 17 hexadecimal digits', example: 'subnet-0a1b2c3d4e5f60718' },
  '^sg-[0-9a-f]{8,17}$': { rule: 'a security group ID: `sg-` and 8 to 17 hexadecimal digits', example: 'sg-0a1b2c3d4e5f60718' },
  '^[0-9A-Za-z][A-Za-z0-9\\-_]{0,99}$': { rule: 'letters, digits, hyphens and underscores, starting with a letter or digit, at most 100 characters', example: 'shop-cluster' },
  '^1\\.[0-9]{2}$': { rule: 'a Kubernetes minor version: `1.` and two digits', example: '1.33' },
  '^arn:aws[a-z-]*:iam::[0-9x]+:role/.+$': { rule: 'an IAM role ARN (`arn:aws:iam::<account>:role/<name>`)', example: 'arn:aws:iam::123456789012:role/eks-cluster' },
  '^[0-9.]+/[0-9]+$': { rule: 'an IPv4 CIDR block', example: '203.0.113.0/24' },
  '^[0-9A-Za-z][A-Za-z0-9\\-_]{0,62}$': { rule: 'letters, digits, hyphens and underscores, starting with a letter or digit, at most 63 characters', example: 'general' },
  '^[a-z][a-z0-9-]*\\.[a-z0-9]+$': { rule: 'an EC2 instance type: family, `.`, size', example: 'm7g.large' },
  '^[A-Za-z0-9][A-Za-z0-9_-]{0,254}$': { rule: 'letters, digits, underscores and hyphens, starting with a letter or digit, at most 255 characters', example: 'shop' },
  '^[!-~]{1,1024}$': { rule: 'printable ASCII without spaces, at most 1024 characters', example: 'shop.local' },
  // Config file
  '^[a-z][a-z0-9-]*$': { rule: 'a target name: lowercase letters, digits and hyphens, starting with a letter', example: 'ecs' },
  '^[A-Z][A-Z0-9_]*$': { rule: 'a diagnostic code: capital letters, digits and underscores, starting with a letter', example: 'COPILOT_DEPRECATED' },
};

/** `must be <rule>, e.g. <example>` for a pattern, or a plain statement of the expression for one not listed. */
export function patternRule(pattern: string): string {
  const r = Object.hasOwn(PATTERN_RULES, pattern) ? PATTERN_RULES[pattern] : undefined;
  return r ? `must be ${r.rule}, e.g. \`${r.example}\`` : `must match the regular expression ${pattern}`;
}
