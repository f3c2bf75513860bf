export declare const publicContentSecurityPolicy: string;
export declare function nonceContentSecurityPolicy(nonce: string, options?: { development?: boolean }): string;
export declare const baselineHeaders: { key: string; value: string }[];
export declare const signedInPathPrefixes: string[];
export declare const SHARED_MAX_AGE_HEADER: string;
