export declare const CLIENT_ADDRESS_HEADER: string;
export declare function resolveClientAddress(forwardedFor: string | string[] | undefined | null, peerAddress: string | undefined | null, trustedHops: number): string | null;
