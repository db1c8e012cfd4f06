import { describe, expect, it } from 'vitest';
import { deliveryOfVerp, verpAddress, verpKey } from './verp';

const key = verpKey('x'.repeat(32));

describe('VERP envelope senders', () => {
  it('names its delivery and reads back, also lower-cased or in angle brackets', () => {
    const address = verpAddress(123456, 'Bounces.Example.NL', key);
    expect(address).toMatch(/^bounces\+[0-9a-f]{32}@bounces\.example\.nl$/);
    expect(deliveryOfVerp(address, key)).toBe(123456);
    expect(deliveryOfVerp(`<${address.toUpperCase()}>`, key)).toBe(123456);
  });

  it('shows no row number: neighbouring deliveries share nothing visible', () => {
    const [a, b] = [verpAddress(41, 'example.nl', key), verpAddress(42, 'example.nl', key)];
    expect(a).not.toContain('41');
    const common = [...a.slice(8, 40)].filter((c, i) => c === b[8 + i]).length;
    expect(common).toBeLessThan(12);
  });

  it('refuses a changed token, another key and strangers', () => {
    const address = verpAddress(42, 'example.nl', key);
    const token = address.slice(8, 40);
    for (const at of [0, 15, 31]) {
      const flipped = token.slice(0, at) + (token[at] === '0' ? '1' : '0') + token.slice(at + 1);
      expect(deliveryOfVerp(address.replace(token, flipped), key)).toBeNull();
    }
    expect(deliveryOfVerp(address, verpKey('y'.repeat(32)))).toBeNull();
    expect(deliveryOfVerp('redactie@example.nl', key)).toBeNull();
    expect(deliveryOfVerp('bounces+zz-nothex@example.nl', key)).toBeNull();
    expect(deliveryOfVerp(`bounces+${'0'.repeat(32)}@example.nl`, key)).toBeNull();
  });
});
