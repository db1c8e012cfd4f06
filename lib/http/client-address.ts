import net from 'node:net';
import { getConfig, type Config } from '@/lib/config';
import { PEER_HEADER } from './headers';

// The one place that decides who a request comes from. X-Forwarded-For is a header any client
// may set, so it is believed only as far as TRUSTED_PROXIES says: by default not at all, and
// then the socket's address (which scripts/serve.ts puts in PEER_HEADER) is the client.

/** The key for requests whose peer is unknown: only under `next dev`, which bypasses serve.ts. */
export const UNKNOWN_CLIENT = 'onbekend';

type TrustConfig = Pick<Config, 'trustedProxies'>;

/** `1.2.3.4` from an IPv4-mapped IPv6 address in the canonical form URL gives (`::ffff:102:304`). */
function unmapped(v6: string): string {
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(v6);
  if (!mapped) return v6;
  const [high, low] = [parseInt(mapped[1]!, 16), parseInt(mapped[2]!, 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/**
 * One address in a canonical form, or undefined when it is none: IPv6 lower-case and compressed,
 * IPv4-mapped IPv6 as plain IPv4, without brackets, zone or the port some proxies append.
 */
export function normaliseIp(raw: string): string | undefined {
  let value = raw.trim();
  if (value.length > 64) return undefined;
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d{1,5}$/.test(value)) value = value.slice(0, value.indexOf(':'));
  value = value.replace(/%[\w.-]*$/, '');
  const family = net.isIP(value);
  if (family === 4) return value;
  if (family !== 6) return undefined;
  return unmapped(new URL(`http://[${value}]/`).hostname.slice(1, -1));
}

/** The X-Forwarded-For entries, left to right; undefined where an entry is no address. */
function forwardedFor(headers: Headers): (string | undefined)[] {
  const header = headers.get('x-forwarded-for');
  if (!header) return [];
  return header.split(',').map(normaliseIp);
}

const blockLists = new WeakMap<object, net.BlockList>();

function blockListOf(trusted: { cidrs: string[] }): net.BlockList {
  let list = blockLists.get(trusted);
  if (list) return list;
  list = new net.BlockList();
  for (const entry of trusted.cidrs) {
    const [raw, prefix] = entry.trim().split('/');
    const address = normaliseIp(raw ?? '');
    if (!address) continue;
    const family = net.isIP(address) === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) {
      list.addAddress(address, family);
      continue;
    }
    // A mapped block (::ffff:10.0.0.0/104) is the IPv4 block it maps.
    const bits = Number(prefix) - (family === 'ipv4' && raw!.includes(':') ? 96 : 0);
    list.addSubnet(address, Math.max(0, bits), family);
  }
  blockLists.set(trusted, list);
  return list;
}

const isTrusted = (list: net.BlockList, address: string) =>
  list.check(address, net.isIP(address) === 4 ? 'ipv4' : 'ipv6');

let warned = false;

/**
 * The client's address: the socket peer, or, behind trusted proxies, the address the nearest
 * untrusted hop was seen at. Never a value a client chose, unless a trusted proxy passed it on.
 */
export function clientAddress(headers: Headers, config: TrustConfig = getConfig()): string {
  const peer = normaliseIp(headers.get(PEER_HEADER) ?? '');
  if (!peer) {
    if (!warned) {
      warned = true;
      console.warn(
        `Geen ${PEER_HEADER}-header: de app draait niet achter scripts/serve.ts (next dev?). Alle bezoekers delen nu één limiet.`,
      );
    }
    return UNKNOWN_CLIENT;
  }
  const trusted = config.trustedProxies;
  if ('hops' in trusted && trusted.hops === 0) return peer;
  const forwarded = forwardedFor(headers);
  let client = peer;
  if ('hops' in trusted) {
    // The chain is [...forwarded, peer]; the client sits `hops` places left of the peer. A
    // malformed entry where a trusted proxy should have written one stops the walk there.
    for (let i = 1; i <= trusted.hops && i <= forwarded.length; i++) {
      const next = forwarded[forwarded.length - i];
      if (!next) break;
      client = next;
    }
    return client;
  }
  const list = blockListOf(trusted);
  for (let i = 1; i <= forwarded.length && isTrusted(list, client); i++) {
    const next = forwarded[forwarded.length - i];
    if (!next) break;
    client = next;
  }
  return client;
}

/** IPv6 written out in its eight groups, for cutting off the interface half. */
function groups(v6: string): string[] {
  const [head, tail] = v6.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right];
}

/**
 * What limits count per client: the address, or for IPv6 its /64, which one household or
 * office gets whole (a client can pick any of its 2^64 addresses for each request).
 */
export function clientKey(headers: Headers, config: TrustConfig = getConfig()): string {
  const address = clientAddress(headers, config);
  if (net.isIP(address) !== 6) return address;
  return `${groups(address).slice(0, 4).join(':')}::/64`;
}
