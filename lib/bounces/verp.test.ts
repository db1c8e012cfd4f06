import { describe, expect, it } from 'vitest';
import { deliveryOfVerp, verpAddress, verpKey } from './verp';

const key = verpKey('x'.repeat(32));

describe('VERP envelope senders', () => {
  it('names its delivery and reads back, also lower-cased or in angle brackets', () => {
    const address = verpAddress(123456, 'Bounces.Example.NL', key);
    expect(address).toMatch(/^bounces\+2n9c-[0-9a-f]{16}@bounces\.example\.nl$/);
    expect(deliveryOfVerp(address, key)).toBe(123456);
    expect(deliveryOfVerp(`<${address.toUpperCase()}>`, key)).toBe(123456);
  });

  it('refuses a changed id, a changed MAC, another key and strangers', () => {
    const address = verpAddress(42, 'example.nl', key);
    expect(deliveryOfVerp(address.replace('+16-', '+17-'), key)).toBeNull();
    const mac = address.slice(address.indexOf('-') + 1, address.indexOf('@'));
    const flipped = mac.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    expect(deliveryOfVerp(address.replace(mac, flipped), key)).toBeNull();
    expect(deliveryOfVerp(address, verpKey('y'.repeat(32)))).toBeNull();
    expect(deliveryOfVerp('redactie@example.nl', key)).toBeNull();
    expect(deliveryOfVerp('bounces+zz-nothex@example.nl', key)).toBeNull();
  });
});
