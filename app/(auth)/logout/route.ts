/**
 * Signing out is the newsroom's Sign out button (signOutAction), a POST: a GET here, from a bookmark or a link or an
 * image on another site, signs nobody out and goes to the newsroom, where the button is. The address is relative:
 * the request's own URL names the configured site host, which may not be the host the browser used.
 */
export function GET() {
  return new Response(null, { status: 303, headers: { Location: '/editor' } });
}
