import type { IncomingMessage, ServerResponse } from 'node:http';

export declare const MICRO_CACHE_CLEAR: unique symbol;

export declare function createMicroCache(options?: { now?: () => number }): {
  serve(request: IncomingMessage, response: ServerResponse): boolean;
  record(request: IncomingMessage, response: ServerResponse): void;
  clear(): void;
  size(): number;
};
