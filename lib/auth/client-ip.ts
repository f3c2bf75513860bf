import { CLIENT_ADDRESS_HEADER } from '@/lib/client-address.js';

export { CLIENT_ADDRESS_HEADER };

/** The client's address as the server established it (see scripts/server.mjs), for throttling and audit. */
export function clientIpFrom(headerValue: string | null | undefined): string | null {
  return headerValue ? headerValue.slice(0, 64) : null;
}
