import type { IncomingMessage, ServerResponse } from 'node:http';

export declare const MICRO_CACHE_CLEAR: unique symbol;

export declare function createMicroCache(options?: { now?: () => number }): {
  /** Answers from the cache, waits for the same address already on its way, or calls `forward` to reach Next. */
  handle(request: IncomingMessage, response: ServerResponse, forward: () => void): void;
  clear(): void;
  size(): number;
};
