// Where a process on this machine reaches a server listening on `host`: a wildcard address is reached on 127.0.0.1,
// an IPv6 address needs brackets in a URL. Shared by the launcher's health probe and the server's own requests.

/** The http:// origin to reach a server listening on `host`:`port` from this machine. */
export function loopbackOrigin(host, port) {
  const reachable = ['0.0.0.0', '::', ''].includes(host) ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return `http://${reachable}:${port}`;
}
