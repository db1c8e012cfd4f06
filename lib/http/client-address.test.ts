import { describe, expect, it, vi } from 'vitest';
import { parseConfig } from '@/lib/config';
import { clientAddress, clientKey, normaliseIp, UNKNOWN_CLIENT } from './client-address';
import { PEER_HEADER } from './headers';

const direct = { trustedProxies: { hops: 0 } };
const hops = (n: number) => ({ trustedProxies: { hops: n } });
const cidrs = (...blocks: string[]) => ({ trustedProxies: { cidrs: blocks } });

function request(peer: string | undefined, forwarded?: string | string[]) {
  const headers = new Headers();
  if (peer !== undefined) headers.set(PEER_HEADER, peer);
  for (const value of [forwarded ?? []].flat()) headers.append('x-forwarded-for', value);
  return headers;
}

describe('normaliseIp', () => {
  it.each([
    ['192.0.2.7', '192.0.2.7'],
    ['  192.0.2.7 ', '192.0.2.7'],
    ['::ffff:192.0.2.7', '192.0.2.7'],
    ['::FFFF:c000:0207', '192.0.2.7'],
    ['2001:DB8:0:0::1', '2001:db8::1'],
    ['[2001:db8::1]', '2001:db8::1'],
    ['[2001:db8::1]:443', '2001:db8::1'],
    ['192.0.2.7:51234', '192.0.2.7'],
    ['fe80::1%eth0', 'fe80::1'],
    ['::1', '::1'],
  ])('reads %j as %j', (raw, expected) => expect(normaliseIp(raw)).toBe(expected));

  it.each([
    '',
    'unknown',
    '_hidden',
    '256.1.1.1',
    '01.2.3.4',
    '1.2.3',
    'localhost',
    '1.2.3.4.5',
    '2001:db8::1::2',
    '[192.0.2.7',
    'a'.repeat(5000),
    '192.0.2.7; drop table',
  ])('refuses %j', (raw) => expect(normaliseIp(raw)).toBeUndefined());
});

describe('clientAddress without trusted proxies (the default)', () => {
  it('is the socket peer, whatever X-Forwarded-For says', () => {
    expect(clientAddress(request('203.0.113.9'), direct)).toBe('203.0.113.9');
    for (let i = 0; i < 20; i++)
      expect(clientAddress(request('203.0.113.9', `10.0.0.${i}`), direct)).toBe('203.0.113.9');
    expect(clientAddress(request('203.0.113.9', ['1.1.1.1', '2.2.2.2, 3.3.3.3']), direct)).toBe(
      '203.0.113.9',
    );
  });

  it('reads an IPv4-mapped peer as IPv4, as a dual-stack socket reports it', () => {
    expect(clientAddress(request('::ffff:127.0.0.2'), direct)).toBe('127.0.0.2');
  });

  it('is the default of the configuration', () => {
    expect(parseConfig({}).trustedProxies).toEqual({ hops: 0 });
    expect(clientAddress(request('203.0.113.9', '1.1.1.1'), parseConfig({}))).toBe('203.0.113.9');
  });

  it('falls back to one fixed key without the peer header, and warns once', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(clientAddress(request(undefined, '1.1.1.1'), direct)).toBe(UNKNOWN_CLIENT);
    expect(clientAddress(request('', '2.2.2.2'), hops(1))).toBe(UNKNOWN_CLIENT);
    expect(clientAddress(request('not an address'), direct)).toBe(UNKNOWN_CLIENT);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toContain(PEER_HEADER);
    warn.mockRestore();
  });
});

describe('clientAddress behind a number of proxies', () => {
  it('takes the entry the last proxy added, ignoring what the client put before it', () => {
    expect(clientAddress(request('10.0.0.1', '198.51.100.4'), hops(1))).toBe('198.51.100.4');
    expect(clientAddress(request('10.0.0.1', '6.6.6.6, 198.51.100.4'), hops(1))).toBe(
      '198.51.100.4',
    );
    // Several header lines are one list, in order.
    expect(clientAddress(request('10.0.0.1', ['6.6.6.6', '198.51.100.4']), hops(1))).toBe(
      '198.51.100.4',
    );
  });

  it('counts two hops from the peer', () => {
    const headers = request('10.0.0.2', '6.6.6.6, 198.51.100.4, 10.0.0.1');
    expect(clientAddress(headers, hops(2))).toBe('198.51.100.4');
    expect(clientAddress(headers, hops(1))).toBe('10.0.0.1');
  });

  it('clamps to the leftmost entry when the chain is shorter than the hops', () => {
    expect(clientAddress(request('10.0.0.1', '198.51.100.4'), hops(3))).toBe('198.51.100.4');
    expect(clientAddress(request('10.0.0.1'), hops(2))).toBe('10.0.0.1');
  });

  it('stops at a malformed entry instead of reading past it', () => {
    // nginx writes "unknown" for a Unix-socket client; left of it is what the client sent.
    expect(clientAddress(request('10.0.0.2', '6.6.6.6, unknown, 10.0.0.1'), hops(3))).toBe(
      '10.0.0.1',
    );
    expect(clientAddress(request('10.0.0.1', 'garbage'), hops(1))).toBe('10.0.0.1');
    expect(clientAddress(request('10.0.0.1', ',,,'), hops(1))).toBe('10.0.0.1');
  });

  it('normalises forwarded entries like the peer', () => {
    expect(clientAddress(request('10.0.0.1', '[2001:DB8::7]:1234'), hops(1))).toBe('2001:db8::7');
    expect(clientAddress(request('10.0.0.1', '::ffff:198.51.100.4'), hops(1))).toBe('198.51.100.4');
  });

  it('reads TRUSTED_PROXIES=1 from the environment', () => {
    const config = parseConfig({ TRUSTED_PROXIES: '1' });
    expect(clientAddress(request('127.0.0.1', '198.51.100.4'), config)).toBe('198.51.100.4');
  });
});

describe('clientAddress behind proxies named by address', () => {
  const config = cidrs('10.0.0.0/8', '192.168.1.5', '2001:db8:aa::/48');

  it('walks left past trusted proxies to the first address outside them', () => {
    expect(clientAddress(request('10.0.0.1', '6.6.6.6, 198.51.100.4'), config)).toBe(
      '198.51.100.4',
    );
    expect(
      clientAddress(request('10.0.0.1', '6.6.6.6, 198.51.100.4, 192.168.1.5, 10.9.9.9'), config),
    ).toBe('198.51.100.4');
    expect(clientAddress(request('2001:db8:aa::1', '2001:db8:bb::9'), config)).toBe(
      '2001:db8:bb::9',
    );
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', () => {
    expect(clientAddress(request('198.51.100.4', '10.0.0.1, 1.2.3.4'), config)).toBe(
      '198.51.100.4',
    );
    expect(clientAddress(request('192.168.1.6', '1.2.3.4'), config)).toBe('192.168.1.6');
  });

  it('takes the leftmost address when every hop is trusted', () => {
    expect(clientAddress(request('10.0.0.1', '10.5.5.5'), config)).toBe('10.5.5.5');
  });

  it('stops at a malformed entry at the proxy that wrote it', () => {
    expect(clientAddress(request('10.0.0.1', '6.6.6.6, nonsense, 10.0.0.7'), config)).toBe(
      '10.0.0.7',
    );
  });

  it('treats a mapped peer and a mapped block as IPv4', () => {
    expect(clientAddress(request('::ffff:10.0.0.1', '198.51.100.4'), config)).toBe('198.51.100.4');
    const mapped = cidrs('::ffff:172.16.0.0/108');
    expect(clientAddress(request('172.16.3.4', '198.51.100.4'), mapped)).toBe('198.51.100.4');
    expect(clientAddress(request('172.32.0.1', '198.51.100.4'), mapped)).toBe('172.32.0.1');
  });

  it('reads a CIDR list from the environment', () => {
    const parsed = parseConfig({ TRUSTED_PROXIES: '127.0.0.0/8, ::1' });
    expect(clientAddress(request('127.0.0.1', '198.51.100.4'), parsed)).toBe('198.51.100.4');
    expect(clientAddress(request('::1', '198.51.100.4'), parsed)).toBe('198.51.100.4');
  });
});

describe('clientKey', () => {
  it('is the address for IPv4 and the /64 for IPv6', () => {
    expect(clientKey(request('198.51.100.4'), direct)).toBe('198.51.100.4');
    expect(clientKey(request('2001:db8:1:2:aaaa:bbbb:cccc:dddd'), direct)).toBe(
      '2001:db8:1:2::/64',
    );
    expect(clientKey(request('2001:db8:1:2::1'), direct)).toBe('2001:db8:1:2::/64');
    expect(clientKey(request('2001:db8::1'), direct)).toBe('2001:db8:0:0::/64');
    expect(clientKey(request('::1'), direct)).toBe('0:0:0:0::/64');
    expect(clientKey(request('::ffff:127.0.0.3'), direct)).toBe('127.0.0.3');
  });

  it('makes rotating the interface half of an IPv6 address no new client', () => {
    const keys = new Set(
      Array.from({ length: 50 }, (_, i) => clientKey(request(`2001:db8:5:6::${i + 1}`), direct)),
    );
    expect(keys.size).toBe(1);
  });
});
