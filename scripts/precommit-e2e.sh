#!/usr/bin/env bash
# End-to-end check of .pre-commit-hooks.yaml with the real pre-commit framework: a throw-away git
# repository uses the codegen-check hook from this checkout (repo: this folder, rev: its HEAD
# commit), commits a stale output and sees the hook fail, then regenerates and sees it pass.
# Needs `pre-commit` and git; the hook is installed from the committed HEAD, not the work tree.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
command -v pre-commit >/dev/null || { echo "precommit-e2e: pre-commit is not installed" >&2; exit 3; }
rev="$(git -C "$root" rev-parse HEAD)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/cache" GIT_CONFIG_GLOBAL="$work/gitconfig" GIT_CONFIG_NOSYSTEM=1
git config --global user.name "pre-commit e2e"
git config --global user.email "e2e@example.com"
git config --global init.defaultBranch main
codegen() { node "$root/dist/cli.cjs" "$@"; }

repo="$work/repo"
mkdir -p "$repo" && cd "$repo" && git init -q
cat > service.yaml <<'SPEC'
apiVersion: codegen/v1
name: demo
region: us-east-1
image: nginx:1.27.3
ports:
  - port: 8080
targets:
  ecs:
    executionRoleArn: arn:aws:iam::123456789012:role/exec
SPEC
printf '{ "specs": ["service.yaml"], "out": "out" }\n' > codegen.config.json
cat > .pre-commit-config.yaml <<CFG
repos:
  - repo: $root
    rev: $rev
    hooks:
      - id: codegen-check
CFG
codegen generate >/dev/null
pre-commit install >/dev/null
git add -A
echo "precommit-e2e: 1. commit with up-to-date output (installs the hook environment)"
git commit -q -m "service and its output"

echo "precommit-e2e: 2. change the spec, commit without regenerating: the hook must fail"
sed -i 's/port: 8080/port: 9090/' service.yaml
git add service.yaml
if git commit -q -m "stale output" >"$work/stale.log" 2>&1; then
  cat "$work/stale.log"; echo "precommit-e2e: FAIL: the commit of a stale output passed" >&2; exit 1
fi
grep -q "OUTPUT_STALE" "$work/stale.log" || { cat "$work/stale.log"; echo "precommit-e2e: FAIL: the hook did not name the stale file" >&2; exit 1; }
grep "OUTPUT_STALE" "$work/stale.log" | head -3

echo "precommit-e2e: 3. regenerate and commit: the hook must pass"
codegen generate >/dev/null
git add -A
git commit -q -m "regenerated"
test -z "$(git status --porcelain)"
echo "precommit-e2e: passed (hook failed on the stale output, passed after regeneration)"
