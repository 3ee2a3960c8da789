import { describe, expect, it } from 'vitest';
import { crc32 } from './crc32';
import { DICTIONARY_V1 } from './dictionary';

describe('the v1 dictionary', () => {
  it('is frozen: every v1 link depends on these exact bytes', () => {
    expect({ bytes: DICTIONARY_V1.length, crc: crc32(DICTIONARY_V1).toString(16) }).toEqual({
      bytes: 6539,
      crc: 'b1a6b958',
    });
  });

  it('fits the DEFLATE window, so all of it is usable', () => {
    expect(DICTIONARY_V1.length).toBeLessThanOrEqual(32_768);
  });
});

describe('crc32', () => {
  it('matches the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789')).toString(16)).toBe('cbf43926');
  });
});
