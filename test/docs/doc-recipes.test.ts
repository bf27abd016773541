/**
 * The executable-docs harness (test/helpers/doc-recipes.ts) can fail: a wrong exit code, a line
 * that is not in the output or the file, a file the prose does not name, and the `aws` stand-in's
 * checks each turn into a problem. Pages are written here, so the cases do not depend on a doc.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandsOf, missingLines, readRecipes, runRecipe } from '../helpers/doc-recipes.js';

const F = '```';
const SPEC = `apiVersion: codegen/v1
name: demo
region: us-east-1
image: nginx:1.27.3
ports:
  - port: 8080
targets:
  ecs:
    executionRoleArn: arn:aws:iam::123456789012:role/exec
`;

function run(page: string) {
  const { recipes, stacks } = readRecipes(page, 'page.md');
  expect(recipes).toHaveLength(1);
  const { dir, results } = runRecipe(recipes[0]!, stacks);
  return { dir, problems: results.flatMap((r) => r.problems) };
}

describe('reading a page', () => {
  it('takes marked blocks per ## section, continuation lines, and the exit code a comment names', () => {
    const page = `# T\n\n${F}sh\nnot marked\n${F}\n\n## One\n\n${F}sh run\na --x \\\n  --y\n# a comment\nb   # exit 1: why\n${F}\n\n## Two, unmarked\n\ntext\n`;
    const { recipes } = readRecipes(page, 'p.md');
    expect(recipes.map((r) => r.title)).toEqual(['One']);
    expect(commandsOf(recipes[0]!.blocks[0]!)).toEqual([
      { text: 'a --x \\\n  --y', line: 10, exit: 0 },
      { text: 'b   # exit 1: why', line: 13, exit: 1 },
    ]);
  });

  it('matches output lines in order, with … for any text; file excerpts line by line', () => {
    expect(missingLines('codegen: checked … files\nB', 'x codegen: checked 3 files in 4 ms\nA\nB\n', false)).toEqual([]);
    expect(missingLines('B\nA', 'A\nB\n', false)).toEqual(['A']);
    expect(missingLines('  a: 1\n…\n  c: 3', '  a: 1\n  b: 2\n  c: 3\n', true)).toEqual([]);
    expect(missingLines('a: 1', '  a: 1\n', true)).toEqual(['a: 1']);
  });
});

describe('running a recipe', () => {
  const good = `## R\n\nIn \`service.yaml\`:\n\n${F}yaml file=service.yaml\n${SPEC}${F}\n\n${F}sh run\nnpx codegen generate service.yaml\nnpx codegen generate service.yaml --check\n${F}\n\n${F}text output\ncodegen: checked 2 files for 1 service: up to date in … ms\n${F}\n\n${F}json output=out/demo/ecs/task-definition.json\n      "name": "app",\n…\n          "containerPort": 8080,\n${F}\n`;

  it('a recipe that is right has no problem', () => {
    expect(run(good).problems).toEqual([]);
  });

  it('a command that exits otherwise than the page says is a problem', () => {
    const { problems } = run(good.replace('--check\n', '--check   # exit 1\n'));
    expect(problems.join('\n')).toMatch(/^page\.md:\d+: exit 0, expected 1/m);
  });

  it('an output line or a file line that is not there is a problem', () => {
    expect(run(good.replace('up to date', 'stale')).problems.join('\n')).toContain('not in the output of page.md:');
    expect(run(good.replace('"containerPort": 8080', '"containerPort": 9090')).problems.join('\n')).toContain('not in out/demo/ecs/task-definition.json');
  });

  it('a file the text before it does not name is a problem', () => {
    expect(run(good.replace('In `service.yaml`:', 'Write this:')).problems.join('\n')).toContain('does not name service.yaml');
  });

  it('merge edits a YAML file as overlays merge, keeping the rest', () => {
    const page = `## R\n\n\`service.yaml\`:\n\n${F}yaml file=service.yaml\n# keep me\n${SPEC}${F}\n\nEdit \`service.yaml\`:\n\n${F}yaml merge=service.yaml\nimage: nginx:1.27.4\ntargets:\n  ecs:\n    executionRoleArn: null\n  kubernetes: {}\n${F}\n\n${F}sh run\ntrue\n${F}\n`;
    const { dir, problems } = run(page);
    expect(problems).toEqual([]);
    const text = readFileSync(join(dir, 'service.yaml'), 'utf8');
    expect(text).toContain('# keep me');
    expect(text).toContain('image: nginx:1.27.4');
    expect(text).not.toContain('executionRoleArn');
    expect(text).toMatch(/kubernetes: \{\}/);
  });

  it('the aws stand-in: a missing file, and IAM resources without --capabilities, fail; get-template answers from the page', () => {
    const NAMED = '{ cluster: c, subnets: [subnet-0a1b2c3d], securityGroups: [sg-0a1b2c3d] }';
    const deploy = (extra: string, service = NAMED) => {
      const spec = SPEC.replace(/targets:[\s\S]*/, `targets:\n  ecs: { service: ${service} }\n`); // no role ARN: the template creates the roles
      return `## R\n\n\`service.yaml\`:\n\n${F}yaml file=service.yaml\n${spec}${F}\n\n${F}sh run\nnpx codegen generate service.yaml -q\naws cloudformation deploy --stack-name demo --template-file out/demo/ecs/service.cfn.yaml ${extra}\n${F}\n`;
    };
    expect(run(deploy('--capabilities CAPABILITY_IAM')).problems).toEqual([]);
    expect(run(deploy('')).problems.join('\n')).toContain('creates IAM resources');
    expect(run(deploy('--capabilities CAPABILITY_IAM --parameter-overrides file://nothing.json')).problems.join('\n')).toContain('file://nothing.json does not exist');
    // Without a cluster, subnets and security groups in the spec, the template's parameters have no default.
    expect(run(deploy('--capabilities CAPABILITY_IAM', '{}')).problems.join('\n')).toContain('Parameters: [ECSCluster, Subnets, SecurityGroups] must have values');
    expect(run(deploy('--capabilities CAPABILITY_IAM --parameter-overrides ECSCluster=c Subnets=s SecurityGroups=g', '{}')).problems).toEqual([]);
    const stack = `## R\n\n<!-- stack demo: fixtures/minimal/service.yaml -->\n\n${F}sh run\naws cloudformation get-template --stack-name demo --query TemplateBody --output text > got.yaml\ngrep -q 'apiVersion: codegen/v1' got.yaml\n${F}\n`;
    expect(run(stack).problems).toEqual([]);
  });
});
