// Stands in for the `server-only` marker package under Vitest. Next.js resolves `server-only` to an empty module
// for server code (the `react-server` export condition); Vitest does not use that condition, so without this alias
// the marker throws on import. Nothing else is replaced: tests talk to the real database and the real code.
export {};
