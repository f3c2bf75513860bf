/**
 * The client's address for throttling and audit. Next's server appends the connecting peer to
 * X-Forwarded-For, so the last entry is the one no client can forge.
 */
export function clientIpFrom(forwardedFor: string | null | undefined): string | null {
  const last = forwardedFor?.split(',').at(-1)?.trim();
  return last ? last.slice(0, 64) : null;
}
