/** `toCloudFormationCasing`: RegisterTaskDefinition names → AWS::ECS::TaskDefinition names. */
import { describe, expect, it } from 'vitest';
import { toCloudFormationCasing } from '../../src/emitters/ecs/task.js';

describe('toCloudFormationCasing', () => {
  it('renames the properties that are not just capitalized', () => {
    expect(
      toCloudFormationCasing({
        proxyConfiguration: { type: 'APPMESH', containerName: 'envoy', properties: [{ name: 'AppPorts', value: '8080' }] },
        runtimePlatform: { cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' },
        volumes: [
          { name: 'efs', efsVolumeConfiguration: { fileSystemId: 'fs-1', authorizationConfig: { iam: 'ENABLED', accessPointId: 'fsap-1' } } },
          { name: 'fsx', fsxWindowsFileServerVolumeConfiguration: { fileSystemId: 'fs-2', rootDirectory: '\\data' } },
        ],
      }),
    ).toEqual({
      ProxyConfiguration: { Type: 'APPMESH', ContainerName: 'envoy', ProxyConfigurationProperties: [{ Name: 'AppPorts', Value: '8080' }] },
      RuntimePlatform: { CpuArchitecture: 'ARM64', OperatingSystemFamily: 'LINUX' },
      Volumes: [
        { Name: 'efs', EFSVolumeConfiguration: { FilesystemId: 'fs-1', AuthorizationConfig: { IAM: 'ENABLED', AccessPointId: 'fsap-1' } } },
        { Name: 'fsx', FSxWindowsFileServerVolumeConfiguration: { FileSystemId: 'fs-2', RootDirectory: '\\data' } },
      ],
    });
  });

  it('keeps user maps as written but converts lists of objects', () => {
    expect(
      toCloudFormationCasing({
        logConfiguration: { logDriver: 'awsfirelens', options: { Name: 'cloudwatch', region: 'x' }, secretOptions: [{ name: 'apikey', valueFrom: 'arn' }] },
        dockerLabels: { 'com.example': 'v' },
        systemControls: [{ namespace: 'net.core.somaxconn', value: '1024' }],
      }),
    ).toEqual({
      LogConfiguration: { LogDriver: 'awsfirelens', Options: { Name: 'cloudwatch', region: 'x' }, SecretOptions: [{ Name: 'apikey', ValueFrom: 'arn' }] },
      DockerLabels: { 'com.example': 'v' },
      SystemControls: [{ Namespace: 'net.core.somaxconn', Value: '1024' }],
    });
  });

  it('passes intrinsic functions through', () => {
    expect(toCloudFormationCasing({ value: { 'Fn::Sub': '${X}' }, r: { Ref: 'AWS::Region' } })).toEqual({ Value: { 'Fn::Sub': '${X}' }, R: { Ref: 'AWS::Region' } });
  });
});
