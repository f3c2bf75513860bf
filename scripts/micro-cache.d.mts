import type { IncomingMessage, ServerResponse } from 'node:http';

export declare function createMicroCache(options?: { now?: () => number }): {
  serve(request: IncomingMessage, response: ServerResponse): boolean;
  record(request: IncomingMessage, response: ServerResponse): void;
  size(): number;
};
