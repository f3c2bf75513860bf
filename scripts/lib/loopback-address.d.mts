/** The http:// origin to reach a server listening on `host`:`port` from this machine. */
export declare function loopbackOrigin(host: string, port: number | string): string;
