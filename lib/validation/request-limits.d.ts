export declare const MAX_BODY_JSON_BYTES: number;
export declare const SERVER_ACTION_BODY_LIMIT_BYTES: number;
