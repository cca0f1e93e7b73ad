import net from 'node:net';

/** The names a browser on this machine uses for it; a DNS name can never rebind to these. */
const LOOPBACK_NAMES: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/**
 * The host part of a Host header or of an origin's authority, lower case, without port or
 * trailing dot: "LocalHost.:8750" → "localhost", "[::1]:8750" → "[::1]". Undefined when it is
 * not a host at all (empty, or a user-info or path part smuggled in).
 */
export function hostNameOf(authority: string): string | undefined {
  const value = authority.trim().toLowerCase();
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]/@\s]+)(?::(\d{1,5}))?$/.exec(value);
  if (!match?.[1]) return undefined;
  return match[1].endsWith('.') ? match[1].slice(0, -1) : match[1];
}

/**
 * The host names the server answers to: loopback ones, the configured ones, and the address it
 * was told to listen on when that is one address (not 0.0.0.0 or ::), so that the URL it prints
 * works.
 */
export function allowedHostNames(config: {
  host: string;
  allowedHosts: readonly string[];
}): ReadonlySet<string> {
  const names = new Set([...LOOPBACK_NAMES, ...config.allowedHosts]);
  const listening = config.host.toLowerCase();
  if (!isWildcardAddress(listening)) names.add(net.isIPv6(listening) ? `[${listening}]` : listening);
  return names;
}

function isWildcardAddress(host: string): boolean {
  return host === '' || host === '0.0.0.0' || host === '::' || host === '[::]';
}

/**
 * Whether listening on this address keeps the server to this machine: 127.0.0.0/8, ::1,
 * an IPv4-mapped loopback address, or the name localhost.
 */
export function isLoopbackListenAddress(host: string): boolean {
  const value = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (value === 'localhost') return true;
  if (value === '::1') return true;
  const ipv4 = value.startsWith('::ffff:') ? value.slice('::ffff:'.length) : value;
  return net.isIPv4(ipv4) && ipv4.startsWith('127.');
}
