import type { DestinationStream, Logger } from 'pino';

export declare const REQUEST_ID_HEADER: string;
export declare const REDACTED_PATHS: string[];
export declare function getLogger(destination?: DestinationStream): Logger;
export declare function createDetachedLogger(destination: DestinationStream): Logger;
export declare function parseRequestId(header: string | string[] | undefined | null): string;
export declare function runWithRequestId<T>(requestId: string, work: () => T): T;
export declare function currentRequestId(): string | null;
export declare function pathForLog(url: string | undefined | null): string;
