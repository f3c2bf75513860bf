import type { IncomingMessage, ServerResponse } from 'node:http';

/** A GET for a reading page's HTML (not an RSC request of a client-side navigation). */
export declare function isReadingRequest(request: IncomingMessage): boolean;
/** The page without the framework's scripts and script preloads; null when it cannot do without them. */
export declare function withoutFrameworkScripts(html: string): string | null;
/**
 * For a reading request, sends the HTML response without the framework's scripts, and a 404 error shell as
 * `notFoundPage()` (null keeps the shell); anything else untouched.
 */
export declare function stripFrameworkScriptsFrom(
  request: IncomingMessage,
  response: ServerResponse,
  options?: { notFoundPage?: () => Promise<string | Buffer | null> },
): void;
