#!/bin/sh
# Stands in for Prisma's native schema engine, which cannot be downloaded here; see docs/MIGRATIONS.md.
if [ "$1" = "--version" ]; then echo "schema-engine-cli stand-in"; exit 0; fi
echo "The native Prisma schema engine is not installed; use npm run db:migrate:create (wasm engine)." >&2
exit 1
