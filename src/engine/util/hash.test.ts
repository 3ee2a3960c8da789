import { describe, expect, it } from 'vitest';
import { safeEncodeString, sha256Base32 } from './hash';

describe('kube-proxy chain hashes (E.2)', () => {
  it('E.2 KUBE-SVC hash matches upstream test vectors', () => {
    expect(sha256Base32('ns1/svc1:p80tcp').slice(0, 16)).toBe('XPGD46QRK7WJZT7O');
    expect(sha256Base32('ns2/svc2:p80tcp').slice(0, 16)).toBe('GNZBNJ2PO5MGZ6GT');
    expect(sha256Base32('default/backend-service:httptcp').slice(0, 16)).toBe('X4EKD7X5RW4LUWSF');
    expect(sha256Base32('default/backend-servicetcp').slice(0, 16)).toBe('ZZAJ2COS27FT6J6V');
  });
  it('E.2 KUBE-SEP hash includes the endpoint', () => {
    expect(sha256Base32('ns1/svc1:p80tcp10.180.0.1:80').slice(0, 16)).toBe('SXIVWICOYRO3J4NJ');
  });
  it('E.7 nftables HASH8', () => {
    expect(sha256Base32('ns1/svc1/tcp/p80').slice(0, 8)).toBe('ULMVA6XW');
    expect(sha256Base32('ns1/svc1/tcp/p80__10.180.0.1/80').slice(0, 8)).toBe('5OJB2KTY');
  });
  it('B.6 pod-template-hash maps decimal digits to the 10-letter alphabet', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
  });
});
