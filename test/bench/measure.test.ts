/**
 * bench/lib/measure.mjs: which mount holds a folder (how the benchmark's conditions name its
 * disk), read from a hand-written /proc/self/mountinfo.
 */
import { describe, expect, it } from 'vitest';
import { mountOf } from '../../bench/lib/measure.mjs';

// Fields: id, parent, major:minor, root, mount point, options, [optional fields], -, type, source, super options.
const MOUNTINFO = [
  '22 1 254:0 / / rw,relatime shared:1 - ext4 /dev/vda rw,discard',
  '23 22 0:21 / /proc rw,nosuid - proc proc rw',
  '24 22 0:22 / /dev/shm rw,nosuid,nodev shared:2 - tmpfs tmpfs rw,size=24683772k',
  '25 22 8:1 / /data rw master:3 - xfs /dev/sda1 rw',
  '26 25 0:30 / /data/build\\040cache rw - tmpfs tmpfs rw',
  '27 25 8:2 / /data/build rw - ext4 /dev/sda2 rw',
  '28 25 8:3 / /data/build rw - btrfs /dev/sda3 rw',
  'not a mountinfo line',
  '',
].join('\n');

describe('mountOf', () => {
  it('takes the longest mount point on the path', () => {
    expect(mountOf(MOUNTINFO, '/dev/shm/codegen-bench-x')).toEqual({ point: '/dev/shm', type: 'tmpfs', device: '0:22' });
    expect(mountOf(MOUNTINFO, '/data/specs')).toEqual({ point: '/data', type: 'xfs', device: '8:1' });
    expect(mountOf(MOUNTINFO, '/tmp/codegen-bench-x')).toEqual({ point: '/', type: 'ext4', device: '254:0' });
  });

  it('matches a mount point as a whole path, and the mount point itself', () => {
    // /dev/shmx is not under /dev/shm; /data is its own mount.
    expect(mountOf(MOUNTINFO, '/dev/shmx/a')?.point).toBe('/');
    expect(mountOf(MOUNTINFO, '/data')?.type).toBe('xfs');
  });

  it('reads the escaped characters of a mount point', () => {
    expect(mountOf(MOUNTINFO, '/data/build cache/out')).toEqual({ point: '/data/build cache', type: 'tmpfs', device: '0:30' });
  });

  it('takes the last of equal mount points: the one mounted over the other', () => {
    expect(mountOf(MOUNTINFO, '/data/build/out')).toEqual({ point: '/data/build', type: 'btrfs', device: '8:3' });
  });

  it('finds nothing in a text without a root mount that holds the path', () => {
    expect(mountOf('25 22 8:1 / /data rw - xfs /dev/sda1 rw\n', '/tmp/x')).toBeUndefined();
    expect(mountOf('', '/tmp/x')).toBeUndefined();
  });
});
