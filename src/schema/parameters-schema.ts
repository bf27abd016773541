/** `parameters.<name>`: CloudFormation parameters a spec declares, and `{ param: Name }` whole values that use them. */
import { arr, enumOf, int, num, obj, oneOf, str } from './dsl.js';

/** A declared parameter or a pseudo parameter, used as a whole value: `{ param: Name }`. */
export const PARAMETER_NAME_PATTERN = '^[A-Za-z0-9]{1,255}$';
export const PARAM_REF_PATTERN = '^([A-Za-z0-9]{1,255}|AWS::(Region|AccountId|StackName|Partition|URLSuffix))$';
export const paramRef = (d: string) =>
  obj(`${d} The CloudFormation targets take \`Ref\` to the parameter; the others take its default (see docs/parameters.md).`, {
    param: str('Name of a parameter declared under `parameters` (or, where a string is wanted, a pseudo parameter such as `AWS::Region`).', { pattern: PARAM_REF_PATTERN }),
  }, ['param']);

/** CloudFormation parameter types a spec may declare (the common ones and the AWS-specific ones that take IDs). */
export const PARAMETER_TYPES = [
  'String', 'Number', 'CommaDelimitedList', 'List<Number>',
  'AWS::EC2::VPC::Id', 'AWS::EC2::Subnet::Id', 'AWS::EC2::SecurityGroup::Id',
  'List<AWS::EC2::Subnet::Id>', 'List<AWS::EC2::SecurityGroup::Id>',
  'AWS::SSM::Parameter::Value<String>',
] as const;

const scalar = (d: string) => oneOf(d, [{ type: 'string', description: 'A string.' }, { type: 'number', description: 'A number.' }]);

export const parameterSchema = obj(
  'A CloudFormation parameter (template `Parameters` entry). Use it as `${Name}` in the string fields that take parameters, or as `{ param: Name }` for replicas, autoscaling bounds and env values; only the templates that use it declare it.',
  {
    type: enumOf('CloudFormation parameter type (default `String`).', PARAMETER_TYPES, { default: 'String' }),
    description: str('What the parameter is for (the template\'s `Description`).'),
    default: scalar('Value used when the stack is deployed without one; also the literal that targets without parameters (Kubernetes, Copilot, the ECS task definition JSON) take.'),
    allowedValues: arr('The only values CloudFormation accepts (`AllowedValues`).', scalar('An allowed value.'), { minItems: 1 }),
    allowedPattern: str('Regular expression a String value must match (`AllowedPattern`).', { minLength: 1 }),
    minLength: int('Shortest String value (`MinLength`).', { minimum: 0 }),
    maxLength: int('Longest String value (`MaxLength`).', { minimum: 0 }),
    minValue: num('Smallest Number value (`MinValue`).'),
    maxValue: num('Largest Number value (`MaxValue`).'),
    constraintDescription: str('Message CloudFormation shows when a value breaks a constraint (`ConstraintDescription`).'),
  },
);
