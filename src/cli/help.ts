/** The text of `codegen --help`. */
import pkg from '../../package.json' with { type: 'json' };
import { TARGETS } from '../model/types.js';

export const HELP = `codegen ${pkg.version} — compile a service spec into deployment artifacts

Usage:
  codegen generate [SPEC...] [--out DIR] [--target T,...] [--env NAME] [--check] [--prune] [--no-verify] [--cache]
                   (a spec with \`kind: Platform\` compiles to DIR/<platform>/platform.cfn.yaml)
  codegen validate [SPEC...] [--env NAME] [--format FMT] [--max-warnings N]
  codegen verify [SPEC...] [--target T,...] [--env NAME]
  codegen diff [SPEC...] [--out DIR] [--target T,...] [--env NAME] [--format text|json]
  codegen init [--name NAME] [--force]
  codegen import KIND FILE|DIR... [--out PATH] [--force]   (KIND: kubernetes, ecs, copilot, compose, appmesh)
  codegen --help | --version

Commands:
  generate   Validate SPEC files (schema, model, rules) and write every artifact under DIR/<service>/
             (all files or none; nothing is written while an error remains).
             --check writes nothing: exits 1 and names each stale, missing or extra file.
  validate   Check SPEC files (schema, model and best-practice rules) without writing.
  verify     Compile SPEC files and check every artifact against the targets' bundled schemas;
             write nothing.
  diff       Show what generate would change in DIR, per file: JSON-pointer paths with the value
             on disk → the generated value (multi-document YAML by #index, text by line), and
             new and extra files. Writes nothing; exits 1 when anything differs.
  init       Write a starter service.yaml and codegen.config.json (never overwrites without --force).
  import     Turn what runs today (Kubernetes manifests, ECS task definitions and templates, Copilot
             manifests, Compose files, App Mesh) into specs; every field not carried is reported at
             its file:line:column. Prints to stdout, or writes --out (a file, or a folder for several
             specs) atomically, never replacing a file without --force.

With no SPEC, the specs come from the config file (codegen.config.mjs, .js or .json, found from
the working directory upward), which also sets the output folder, targets, rules, plugins,
templates and patch files.

Options:
  -o, --out DIR        Output folder (default: out)
  -t, --target T,...   Targets to generate: ${TARGETS.join(', ')} (default: those the spec enables)
  -e, --env NAME       Apply the environments.NAME overlay
      --check          Compare DIR with what would be written; write nothing
      --prune          Remove files under DIR/<service>/ that are no longer generated
      --no-verify      Skip checking every artifact against the targets' bundled schemas
                       (on by default: a violation is an error and nothing is written)
      --cache          Skip compiling specs that did not change and whose files are intact
                       (generate and --check; not with plugins or templates)
      --cache-location FILE   Where --cache keeps its record (default: .codegen-cache)
      --concurrency N|auto|off
                       Compile specs in N worker threads (auto, the default: one per two
                       processors, one per 50 specs, at least two or none; not with plugins,
                       templates or --cache); the output is that of one thread
  -f, --format FMT     Diagnostics as text (default, with code frames, on stderr), json, github
                       (workflow annotations) or sarif (SARIF 2.1.0); json, github, sarif go to stdout
      --max-warnings N Fail (exit 1, write nothing) when there are more than N warnings
  -q, --quiet          Print errors only (no warnings, no summary)
      --verbose        Also print info diagnostics (such as Fargate size rounding)
  -c, --config FILE    Use this config file instead of searching for one
  -h, --help           Show this help
  -v, --version        Show the version

Exit codes: 0 ok · 1 errors in a spec, stale output with --check, or differences with diff · 2 usage error
`;
