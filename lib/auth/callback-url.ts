/** A same-origin path to return to after sign-in; anything else (other origins, `//host`, odd input) is refused. */
export function safeCallbackPath(value: string | string[] | undefined, fallback = '/editor'): string {
  if (typeof value !== 'string' || value.length > 2000) return fallback;
  let path = value;
  try {
    const url = new URL(value, 'http://dispatch.invalid');
    if (url.origin !== 'http://dispatch.invalid') return fallback;
    path = `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
  return path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') ? path : fallback;
}
