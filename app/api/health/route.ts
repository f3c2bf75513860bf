import { checkDatabaseHealth } from '@/lib/data/health';

export const dynamic = 'force-dynamic';

export async function GET() {
  const database = await checkDatabaseHealth();
  const body = database.ok
    ? { status: 'ok', database: { status: 'up', latencyMs: database.latencyMs } }
    : { status: 'unavailable', database: { status: 'down', error: database.error } };
  return Response.json(body, {
    status: database.ok ? 200 : 503,
    headers: { 'Cache-Control': 'no-store', ...(database.ok ? {} : { 'Retry-After': '5' }) },
  });
}
