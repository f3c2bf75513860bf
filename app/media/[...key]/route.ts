import { readMediaFile } from '@/lib/data/media';

type Context = { params: Promise<{ key: string[] }> };

export async function GET(_request: Request, { params }: Context) {
  const { key } = await params;
  const file = await readMediaFile(key);
  if (!file) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      'Content-Type': file.contentType,
      // Storage keys are unique per upload, so a stored file never changes.
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
