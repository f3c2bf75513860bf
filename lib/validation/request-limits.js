// The size limits of what the newsroom sends, in one place: next.config.js (plain JavaScript) reads the request
// limit, and lib/validation/article.ts the body limit, so the editor can refuse a draft before it is sent.

/** An article body as JSON, in UTF-8 bytes: about two million characters of English text. */
export const MAX_BODY_JSON_BYTES = 2_000_000;

/** A server action's request: a whole draft at the body limit, its other fields and the encoding around them. */
export const SERVER_ACTION_BODY_LIMIT_BYTES = 3_000_000;
