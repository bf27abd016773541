/** The EKS version table: support windows and AMI types per version. */
import { describe, expect, it } from 'vitest';
import { amiTypesFor, eksSupportStatus, EKS_VERSIONS, EKS_VERSIONS_AS_OF, latestStandardVersion } from '../../src/platform/eks-versions.js';

describe('EKS version table', () => {
  it('judges support on a fixed date, not the clock', () => {
    expect(EKS_VERSIONS_AS_OF).toBe('2026-11-01');
    expect(eksSupportStatus('1.28')).toBe('unsupported');
    expect(eksSupportStatus('1.28', '2024-11-25')).toBe('standard');
    expect(eksSupportStatus('1.28', '2024-11-26')).toBe('extended');
    expect(eksSupportStatus('1.28', '2025-11-26')).toBe('unsupported');
    expect(eksSupportStatus('1.31')).toBe('extended');
    expect(eksSupportStatus('1.34')).toBe('standard');
    expect(eksSupportStatus('1.99')).toBe('unknown');
    expect(latestStandardVersion()).toBe('1.35');
  });

  it('gives every version 14 months of standard and 12 of extended support', () => {
    const months = (a: string, b: string) => (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));
    for (const v of EKS_VERSIONS.filter((x) => x.version >= '1.24')) {
      expect(months(v.endOfStandardSupport, v.endOfExtendedSupport), v.version).toBe(12);
      expect(months(v.released, v.endOfStandardSupport), v.version).toBeGreaterThanOrEqual(14);
    }
  });

  it('offers Amazon Linux 2 AMI types up to 1.32 only', () => {
    expect(amiTypesFor('1.28')).toContain('AL2_x86_64');
    expect(amiTypesFor('1.32')).toContain('AL2_ARM_64');
    expect(amiTypesFor('1.33')).not.toContain('AL2_x86_64');
    expect(amiTypesFor('1.33')).toContain('AL2023_x86_64_STANDARD');
  });
});
