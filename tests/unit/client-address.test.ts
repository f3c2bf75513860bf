import { describe, expect, it } from 'vitest';
import { resolveClientAddress } from '@/lib/client-address.js';

describe('resolveClientAddress', () => {
  it('takes the connecting peer and ignores X-Forwarded-For when no proxy is trusted', () => {
    expect(resolveClientAddress('198.51.100.7', '203.0.113.5', 0)).toBe('203.0.113.5');
    expect(resolveClientAddress(undefined, '::ffff:127.0.0.1', 0)).toBe('127.0.0.1');
  });

  it('takes the address the trusted proxies received from, whatever the client prepended', () => {
    expect(resolveClientAddress('spoofed, 198.51.100.7', '10.0.0.2', 1)).toBe('198.51.100.7');
    expect(resolveClientAddress('spoofed, 198.51.100.7, 10.0.0.1', '10.0.0.2', 2)).toBe('198.51.100.7');
  });

  it('falls back to the leftmost entry when the chain is shorter than the trusted hops', () => {
    expect(resolveClientAddress('', '10.0.0.2', 3)).toBe('10.0.0.2');
    expect(resolveClientAddress(undefined, undefined, 0)).toBeNull();
  });
});
