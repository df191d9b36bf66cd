import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifyAddress, embeddedIpv4, isHostAllowed, parseAllowList } from './address-policy.ts';

describe('classifyAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'shared-address-space'],
    ['100.127.255.255', 'shared-address-space'],
    ['169.254.1.1', 'link-local'],
    ['fe80::1', 'link-local'],
    ['febf:ffff::1', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['ff02::1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['169.254.169.254', 'cloud-metadata'],
    ['fd00:ec2::254', 'cloud-metadata'],
    ['100.100.100.200', 'cloud-metadata'],
    ['240.0.0.1', 'reserved'],
  ])('refuses %s as %s', (address, category) => {
    expect(classifyAddress(address)).toMatchObject({ forbidden: true, category });
  });

  it.each([
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['[::ffff:10.0.0.1]', 'private'],
    ['::ffff:169.254.169.254', 'cloud-metadata'],
    ['0:0:0:0:0:ffff:c0a8:0101', 'private'],
    ['::127.0.0.1', 'loopback'],
    ['64:ff9b::7f00:1', 'loopback'],
    ['64:ff9b::a9fe:a9fe', 'cloud-metadata'],
  ])('judges %s by the IPv4 address it carries (%s)', (address, category) => {
    expect(classifyAddress(address)).toMatchObject({ forbidden: true, category });
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '2a00:1450:4001:80b::200e', '::ffff:8.8.8.8', '64:ff9b::808:808'])(
    'allows the public address %s',
    (address) => {
      expect(classifyAddress(address).forbidden).toBe(false);
    },
  );

  it('refuses what is not an IP address', () => {
    expect(classifyAddress('localhost')).toMatchObject({ forbidden: true, category: 'not-an-ip' });
  });

  it('every IPv4-mapped form gets the same verdict as the IPv4 address', () => {
    fc.assert(
      fc.property(fc.ipV4(), (ipv4) => {
        const [a, b, c, d] = ipv4.split('.').map(Number) as [number, number, number, number];
        const hex = `::ffff:${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
        const expected = classifyAddress(ipv4).forbidden;
        expect(classifyAddress(`::ffff:${ipv4}`).forbidden).toBe(expected);
        expect(classifyAddress(hex).forbidden).toBe(expected);
        expect(embeddedIpv4(hex)).toBe(ipv4);
      }),
    );
  });
});

describe('the allow list', () => {
  it('parses host and host:port entries, IPv6 in brackets', () => {
    expect(parseAllowList(' archive.local , 127.0.0.1:8080,[::1]:9000,::1, Example.ORG. ')).toEqual([
      { host: 'archive.local' },
      { host: '127.0.0.1', port: 8080 },
      { host: '::1', port: 9000 },
      { host: '::1' },
      { host: 'example.org' },
    ]);
    expect(parseAllowList(undefined)).toEqual([]);
    expect(() => parseAllowList('host:99999')).toThrow(/port/);
  });

  it('matches host and port', () => {
    const allowList = parseAllowList('127.0.0.1:8080,intranet,[::1]');
    expect(isHostAllowed(allowList, '127.0.0.1', 8080)).toBe(true);
    expect(isHostAllowed(allowList, '127.0.0.1', 8081)).toBe(false);
    expect(isHostAllowed(allowList, 'INTRANET', 80)).toBe(true);
    expect(isHostAllowed(allowList, '[0:0:0:0:0:0:0:1]', 1)).toBe(true);
    expect(isHostAllowed(allowList, 'localhost', 8080)).toBe(false);
  });
});
