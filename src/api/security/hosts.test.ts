import { describe, expect, it } from 'vitest';
import { allowedHostNames, hostNameOf, isLoopbackListenAddress } from './hosts.ts';

describe('hostNameOf', () => {
  it('takes the host of a Host header, lower case, without port or trailing dot', () => {
    expect(hostNameOf('127.0.0.1:8750')).toBe('127.0.0.1');
    expect(hostNameOf('LocalHost.')).toBe('localhost');
    expect(hostNameOf('[::1]:8750')).toBe('[::1]');
    expect(hostNameOf('desk.example.org')).toBe('desk.example.org');
  });

  it('is undefined for what is not a host', () => {
    for (const value of ['', ':8750', 'user@127.0.0.1', '127.0.0.1/x', 'a b', 'localhost:port', '[::1']) {
      expect(hostNameOf(value), value).toBeUndefined();
    }
  });
});

describe('allowedHostNames', () => {
  it('holds loopback names, configured names and a specific listening address', () => {
    expect([...allowedHostNames({ host: '127.0.0.1', allowedHosts: ['desk.example.org'] })].sort()).toEqual([
      '127.0.0.1',
      '[::1]',
      'desk.example.org',
      'localhost',
    ]);
    expect(allowedHostNames({ host: '192.168.1.20', allowedHosts: [] }).has('192.168.1.20')).toBe(true);
    expect(allowedHostNames({ host: 'fd00::5', allowedHosts: [] }).has('[fd00::5]')).toBe(true);
    // A wildcard address is not a name anyone sends.
    expect(allowedHostNames({ host: '0.0.0.0', allowedHosts: [] }).has('0.0.0.0')).toBe(false);
  });
});

describe('isLoopbackListenAddress', () => {
  it('knows loopback from the rest', () => {
    for (const host of ['127.0.0.1', '127.8.0.1', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1']) {
      expect(isLoopbackListenAddress(host), host).toBe(true);
    }
    for (const host of ['0.0.0.0', '::', '', '10.0.0.5', 'fd00::1', 'example.org', '128.0.0.1']) {
      expect(isLoopbackListenAddress(host), host).toBe(false);
    }
  });
});
