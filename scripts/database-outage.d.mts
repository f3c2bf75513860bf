import type { IncomingMessage, ServerResponse } from 'node:http';

export declare const RETRY_AFTER_SECONDS: number;

export declare function isDatabaseReachable(connectionString: string | undefined): Promise<boolean>;

export declare function answerOutagesWith503(
  request: IncomingMessage,
  response: ServerResponse,
  options: { probe: () => Promise<boolean>; siteName?: string },
): void;
