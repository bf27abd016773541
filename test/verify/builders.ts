/** Known-good hand-built artifacts for each target; tests break one thing at a time. */
import type { Artifact, JsonObject } from '../../src/core/serialize.js';

export function artifact(kind: string, path: string, documents: JsonObject[], format: 'yaml' | 'json' = 'yaml'): Artifact {
  return { path, format, kind, emitter: `test:${kind}`, documents };
}

export const ecsTaskDefinition = (): JsonObject => ({
  family: 'web',
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  cpu: '512',
  memory: '1024',
  executionRoleArn: 'arn:aws:iam::123456789012:role/exec',
  containerDefinitions: [
    {
      name: 'app',
      image: 'nginx:1.27',
      essential: true,
      portMappings: [{ containerPort: 8080, protocol: 'tcp' }],
      dependsOn: [{ containerName: 'envoy', condition: 'HEALTHY' }],
      mountPoints: [{ sourceVolume: 'tmp', containerPath: '/tmp' }],
    },
    { name: 'envoy', image: 'envoy:v1', essential: true },
  ],
  volumes: [{ name: 'tmp' }],
});

export const k8sDeployment = (): JsonObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: {
        containers: [
          {
            name: 'app',
            image: 'nginx:1.27',
            imagePullPolicy: 'IfNotPresent',
            ports: [{ containerPort: 8080, protocol: 'TCP' }],
            readinessProbe: { httpGet: { path: '/health', port: 8080 }, periodSeconds: 10 },
            resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { memory: '512Mi' } },
          },
        ],
      },
    },
  },
});

export const k8sService = (): JsonObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web' },
  spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }], type: 'ClusterIP' },
});

export const k8sHpa = (): JsonObject => ({
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: { name: 'web' },
  spec: {
    scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
    minReplicas: 2,
    maxReplicas: 10,
    metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
  },
});

export const cfnTemplate = (): JsonObject => ({
  AWSTemplateFormatVersion: '2010-09-09',
  Description: 'web service',
  Parameters: { Subnets: { Type: 'List<AWS::EC2::Subnet::Id>' }, Env: { Type: 'String', AllowedValues: ['prod', 'dev'], Default: 'dev' } },
  Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } },
  Resources: {
    LogGroup: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: { 'Fn::Sub': '/ecs/${AWS::StackName}-web' }, RetentionInDays: 30 } },
    Cluster: { Type: 'AWS::ECS::Cluster', Properties: { ClusterName: 'web' } },
    Service: {
      Type: 'AWS::ECS::Service',
      DependsOn: ['LogGroup'],
      Properties: {
        Cluster: { Ref: 'Cluster' },
        LaunchType: 'FARGATE',
        DesiredCount: { 'Fn::If': ['IsProd', 3, 1] },
        TaskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1',
        NetworkConfiguration: { AwsvpcConfiguration: { Subnets: { Ref: 'Subnets' }, AssignPublicIp: 'DISABLED' } },
      },
    },
    Topic: { Type: 'AWS::SNS::Topic', Properties: { TopicName: 'alerts' } },
  },
  Outputs: { ClusterArn: { Value: { 'Fn::GetAtt': ['Cluster', 'Arn'] }, Export: { Name: { 'Fn::Sub': '${AWS::StackName}-cluster' } } } },
});

export const copilotManifest = (): JsonObject => ({
  name: 'web',
  type: 'Load Balanced Web Service',
  image: { location: 'nginx:1.27', port: 8080, depends_on: { envoy: 'healthy' } },
  http: { path: '/', healthcheck: { path: '/health', interval: '10s', healthy_threshold: 2 } },
  cpu: 512,
  memory: 1024,
  count: { range: '1-10', cpu_percentage: 70 },
  variables: { LOG_LEVEL: 'info' },
  sidecars: { envoy: { image: 'envoy:v1', port: 9901 } },
  deployment: { rolling: 'recreate' },
  environments: { prod: { count: 3 } },
});

export const kustomization = (): JsonObject => ({
  apiVersion: 'kustomize.config.k8s.io/v1beta1',
  kind: 'Kustomization',
  resources: ['deployment.yaml', 'service.yaml'],
  commonLabels: { app: 'web' },
  images: [{ name: 'nginx', newTag: '1.27' }],
});
