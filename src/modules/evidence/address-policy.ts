/**
 * Which network addresses the archiver may connect to.
 *
 * Archiving fetches URLs that users type in, from inside the organisation's network. Without a
 * policy, "archive http://169.254.169.254/latest/meta-data/" would hand cloud credentials to
 * whoever asked (server-side request forgery). The archiver therefore refuses every address that
 * is not on the public internet, unless the host is explicitly allowed by the operator.
 */
import { BlockList, isIP } from 'node:net';

export type ForbiddenCategory =
  | 'cloud-metadata'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'shared-address-space'
  | 'link-local'
  | 'unique-local'
  | 'multicast'
  | 'broadcast'
  | 'reserved'
  | 'not-an-ip';

export type AddressVerdict =
  | { forbidden: false; address: string }
  | { forbidden: true; address: string; category: ForbiddenCategory };

type Family = 'ipv4' | 'ipv6';
type Rule = { category: ForbiddenCategory; family: Family; network: string; prefix: number };

/** Most specific first: 169.254.169.254 is named cloud-metadata, not link-local. */
const rules: Rule[] = [
  { category: 'cloud-metadata', family: 'ipv4', network: '169.254.169.254', prefix: 32 }, // AWS, GCP, Azure, …
  { category: 'cloud-metadata', family: 'ipv4', network: '100.100.100.200', prefix: 32 }, // Alibaba Cloud
  { category: 'cloud-metadata', family: 'ipv6', network: 'fd00:ec2::254', prefix: 128 }, // AWS over IPv6
  { category: 'broadcast', family: 'ipv4', network: '255.255.255.255', prefix: 32 },
  { category: 'unspecified', family: 'ipv4', network: '0.0.0.0', prefix: 8 }, // "this network"
  { category: 'loopback', family: 'ipv4', network: '127.0.0.0', prefix: 8 },
  { category: 'private', family: 'ipv4', network: '10.0.0.0', prefix: 8 },
  { category: 'private', family: 'ipv4', network: '172.16.0.0', prefix: 12 },
  { category: 'private', family: 'ipv4', network: '192.168.0.0', prefix: 16 },
  { category: 'shared-address-space', family: 'ipv4', network: '100.64.0.0', prefix: 10 }, // CGNAT
  { category: 'link-local', family: 'ipv4', network: '169.254.0.0', prefix: 16 },
  { category: 'multicast', family: 'ipv4', network: '224.0.0.0', prefix: 4 },
  { category: 'reserved', family: 'ipv4', network: '240.0.0.0', prefix: 4 },
  { category: 'reserved', family: 'ipv4', network: '192.0.0.0', prefix: 24 }, // IETF protocol assignments
  { category: 'reserved', family: 'ipv4', network: '192.0.2.0', prefix: 24 }, // documentation
  { category: 'reserved', family: 'ipv4', network: '198.51.100.0', prefix: 24 },
  { category: 'reserved', family: 'ipv4', network: '203.0.113.0', prefix: 24 },
  { category: 'reserved', family: 'ipv4', network: '198.18.0.0', prefix: 15 }, // benchmarking
  { category: 'unspecified', family: 'ipv6', network: '::', prefix: 128 },
  { category: 'loopback', family: 'ipv6', network: '::1', prefix: 128 },
  { category: 'link-local', family: 'ipv6', network: 'fe80::', prefix: 10 },
  { category: 'private', family: 'ipv6', network: 'fec0::', prefix: 10 }, // deprecated site-local
  { category: 'unique-local', family: 'ipv6', network: 'fc00::', prefix: 7 },
  { category: 'multicast', family: 'ipv6', network: 'ff00::', prefix: 8 },
  { category: 'reserved', family: 'ipv6', network: '100::', prefix: 64 }, // discard-only
  { category: 'reserved', family: 'ipv6', network: '2001:db8::', prefix: 32 }, // documentation
];

const blockListByCategory = buildBlockLists(rules);

function buildBlockLists(allRules: Rule[]): Array<[ForbiddenCategory, BlockList]> {
  const lists = new Map<ForbiddenCategory, BlockList>();
  for (const rule of allRules) {
    const list = lists.get(rule.category) ?? new BlockList();
    list.addSubnet(rule.network, rule.prefix, rule.family);
    lists.set(rule.category, list);
  }
  return [...lists.entries()];
}

/**
 * Classifies an IP address (as text, IPv4 or IPv6, brackets allowed). Addresses that carry an
 * IPv4 address inside an IPv6 one (IPv4-mapped `::ffff:a.b.c.d`, IPv4-compatible `::a.b.c.d`,
 * NAT64 `64:ff9b::/96`) are judged by the IPv4 address they carry, since that is where the
 * packets end up.
 */
export function classifyAddress(input: string): AddressVerdict {
  const address = input.startsWith('[') && input.endsWith(']') ? input.slice(1, -1) : input;
  const family = isIP(address);
  if (family === 0) return { forbidden: true, address: input, category: 'not-an-ip' };
  if (family === 6) {
    const embedded = embeddedIpv4(address);
    if (embedded !== null) {
      const inner = classifyAddress(embedded);
      return inner.forbidden ? { ...inner, address: input } : checkRules(address, 'ipv6', input);
    }
    return checkRules(address, 'ipv6', input);
  }
  return checkRules(address, 'ipv4', input);
}

function checkRules(address: string, family: Family, original: string): AddressVerdict {
  for (const [category, list] of blockListByCategory) {
    if (list.check(address, family)) return { forbidden: true, address: original, category };
  }
  return { forbidden: false, address: original };
}

/** Expands an IPv6 address to its eight 16-bit groups; null when it is not valid IPv6. */
export function ipv6Groups(address: string): number[] | null {
  if (isIP(address) !== 6) return null;
  let text = address.toLowerCase();
  const zoneAt = text.indexOf('%');
  if (zoneAt >= 0) text = text.slice(0, zoneAt);
  // A dotted IPv4 tail (::ffff:1.2.3.4) becomes two hex groups.
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...tailGroups];
  return groups.length === 8 ? groups.map((group) => parseInt(group, 16)) : null;
}

/** The IPv4 address inside an IPv4-mapped, IPv4-compatible or NAT64 IPv6 address, else null. */
export function embeddedIpv4(address: string): string | null {
  const groups = ipv6Groups(address);
  if (!groups) return null;
  const [g0, g1, g2, g3, g4, g5, g6, g7] = groups as [number, number, number, number, number, number, number, number];
  const isMapped = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0xffff;
  const isCompatible = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0 && g6 !== 0;
  const isNat64 = g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0;
  if (!isMapped && !isCompatible && !isNat64) return null;
  return [g6 >> 8, g6 & 0xff, g7 >> 8, g7 & 0xff].join('.');
}

// ---------------------------------------------------------------------------------------------
// The operator's allow list: ANSWERABLE_FETCH_ALLOW_HOSTS="archive.local,127.0.0.1:8080,[::1]:9000"

export interface AllowedHost {
  /** Lower-case host name or IP address, IPv6 without brackets. */
  host: string;
  /** When absent, every port of the host is allowed. */
  port?: number;
}

export function parseAllowList(setting: string | undefined): AllowedHost[] {
  if (!setting) return [];
  return setting
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map(parseAllowedHost);
}

function parseAllowedHost(item: string): AllowedHost {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(item);
  if (bracketed) return withPort(bracketed[1]!, bracketed[2], item);
  // A bare IPv6 address has several colons and no port.
  if (isIP(item) === 6) return { host: item.toLowerCase() };
  const hostAndPort = /^([^:]+)(?::(\d+))?$/.exec(item);
  if (!hostAndPort) throw new Error(`Invalid entry in the fetch allow list: "${item}"`);
  return withPort(hostAndPort[1]!, hostAndPort[2], item);
}

function withPort(host: string, portText: string | undefined, item: string): AllowedHost {
  const normalisedHost = host.toLowerCase().replace(/\.$/, '');
  if (portText === undefined) return { host: normalisedHost };
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`Invalid port in the fetch allow list: "${item}"`);
  }
  return { host: normalisedHost, port };
}

/** Whether `host` (as written in the URL, brackets allowed) on `port` is on the allow list. */
export function isHostAllowed(allowList: readonly AllowedHost[], host: string, port: number): boolean {
  const bare = (host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host).toLowerCase().replace(/\.$/, '');
  return allowList.some((allowed) => sameHost(allowed.host, bare) && (allowed.port === undefined || allowed.port === port));
}

function sameHost(allowed: string, candidate: string): boolean {
  if (allowed === candidate) return true;
  // Compare IPv6 addresses by value, so that "::1" allows "0:0:0:0:0:0:0:1".
  const left = ipv6Groups(allowed);
  const right = ipv6Groups(candidate);
  return left !== null && right !== null && left.every((group, index) => group === right[index]);
}
