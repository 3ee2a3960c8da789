import { describe, expect, it } from 'vitest';
import { ageSince, humanDuration, rfc1123z } from './age';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('HumanDuration (apimachinery util/duration)', () => {
  it.each([
    [0, '0s'],
    [59 * S, '59s'],
    [60 * S, '60s'],
    [119 * S, '119s'],
    [2 * M + S, '2m1s'],
    [2 * M, '2m'],
    [9 * M + 59 * S, '9m59s'],
    [10 * M, '10m'],
    [60 * M, '60m'],
    [179 * M, '179m'],
    [3 * H, '3h'],
    [3 * H + M, '3h1m'],
    [7 * H + 59 * M, '7h59m'],
    [8 * H, '8h'],
    [47 * H, '47h'],
    [2 * D, '2d'],
    [2 * D + H, '2d1h'],
    [7 * D + 23 * H, '7d23h'],
    [8 * D, '8d'],
    [400 * D, '400d'],
    [730 * D, '2y'],
    [(2 * 365 + 70) * D, '2y70d'],
    [8 * 365 * D, '8y'],
  ])('%d ms → %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });

  it('tolerates a second of clock skew and rejects more', () => {
    expect(humanDuration(-999)).toBe('0s');
    expect(humanDuration(-1500)).toBe('0s');
    expect(humanDuration(-2000)).toBe('<invalid>');
  });
});

describe('translateTimestampSince', () => {
  it('counts from the whole second the API stored', () => {
    expect(ageSince(999, 59_500)).toBe('59s');
    expect(ageSince(1_001, 60_500)).toBe('59s');
    expect(ageSince(undefined, 5)).toBe('<unknown>');
  });
});

describe('RFC1123Z', () => {
  it('formats virtual time as Go does, from 2026-01-01 (a Thursday)', () => {
    expect(rfc1123z(0)).toBe('Thu, 01 Jan 2026 00:00:00 +0000');
    expect(rfc1123z(59 * D + 3 * H + 4 * M + 5 * S + 999)).toBe('Sun, 01 Mar 2026 03:04:05 +0000');
    expect(rfc1123z(365 * D)).toBe('Fri, 01 Jan 2027 00:00:00 +0000');
  });
});
