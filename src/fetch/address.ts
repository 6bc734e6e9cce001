import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Why an address may not be fetched, or null when it is a public unicast
 * address. Loopback, private, link-local (cloud metadata services live
 * there), carrier-grade NAT, multicast, reserved and the IPv6 forms that
 * embed an IPv4 address are all refused: a page must not make newstrace
 * reach into the network it runs in.
 */
export function refusedAddress(address: string): string | null {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.process(address);
  } catch {
    return `"${address}" is not an IP address`;
  }
  const range = parsed.range();
  return range === 'unicast' ? null : `${address} is a ${range} address`;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http(s).request that resolves the host and refuses it when
 * any of its addresses is not public. Checking the addresses the connection
 * is made to (not a separate resolution beforehand) leaves no gap for a
 * host that answers differently the second time.
 */
export function guardedLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { family: typeof options.family === 'number' ? options.family : 0, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    for (const { address } of addresses) {
      const reason = refusedAddress(address);
      if (reason) {
        const refused = Object.assign(new Error(`refused: ${hostname} resolves to ${reason} (--allow-private fetches such addresses)`), { code: 'EREFUSED_ADDRESS' });
        return callback(refused, []);
      }
    }
    if (options.all) return callback(null, addresses);
    const first = addresses[0] as LookupAddress;
    callback(null, first.address, first.family);
  });
}

/** The reason a URL's host, when it is an IP address written out, may not be fetched. */
export function refusedLiteral(url: URL): string | null {
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return isIP(host) ? refusedAddress(host) : null;
}
