/** A same-origin path to return to after sign-in; anything else (other origins, `//host`, odd input) is null. */
export function safeCallbackPath(value: string | string[] | undefined): string | null {
  if (typeof value !== 'string' || value.length > 2000) return null;
  let path = value;
  try {
    const url = new URL(value, 'http://dispatch.invalid');
    if (url.origin !== 'http://dispatch.invalid') return null;
    path = `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return null;
  }
  return path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') ? path : null;
}

/** Where a sign-in without a callback lands: a fellow on their profile, everyone else in the newsroom. */
export function landingPathFor(viewer: { role: string; authorId: string | null }): string {
  return viewer.role === 'FELLOW' && viewer.authorId ? '/profile' : '/editor';
}
