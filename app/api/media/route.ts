import { z } from 'zod';
import { CLIENT_ADDRESS_HEADER, clientIpFrom } from '@/lib/auth/client-ip';
import { ForbiddenError } from '@/lib/auth/permissions';
import { getViewer } from '@/lib/auth/session';
import { uploadImage } from '@/lib/data/media-uploads';
import { getSiteEnv } from '@/lib/env';
import { getLogger } from '@/lib/log.js';
import { IMAGE_MESSAGES, MAX_UPLOAD_BYTES } from '@/lib/media/image-processing';

// Image uploads from the editor (fetch with FormData: `file`, optional `alt`). Next checks the Origin of
// server actions only, so this handler checks it itself, and it bounds the body before buffering it.

// The multipart envelope (boundary, part headers, alt text) around the file.
const MAX_BODY_BYTES = MAX_UPLOAD_BYTES + 64 * 1024;

const formSchema = z.object({
  file: z.instanceof(File, { error: 'Choose an image file to upload.' }),
  alt: z.string({ error: 'The alt text must be text.' }),
});

function reply(status: number, body: object): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
}

/**
 * Whether the browser says the request comes from a page of this site. As for Next's server actions, the
 * Origin host must equal the host the request was addressed to; a cross-site page cannot forge Origin, nor
 * set X-Forwarded-Host without a CORS preflight that this route never grants.
 */
function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin || !URL.canParse(origin)) return false;
  const originHost = new URL(origin).host;
  const forwardedHost = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  return originHost === forwardedHost || originHost === request.headers.get('host') || origin === new URL(getSiteEnv().SITE_URL).origin;
}

/** The form, or why not: the body is counted as it arrives, so a missing or false Content-Length changes nothing. */
async function readForm(request: Request): Promise<FormData | 'too-large' | 'unreadable'> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!request.body || !contentType.toLowerCase().startsWith('multipart/form-data')) return 'unreadable';
  let received = 0;
  let tooLarge = false;
  const limited = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        if (received <= MAX_BODY_BYTES) return controller.enqueue(chunk);
        tooLarge = true;
        controller.error(new Error('Body too large'));
      },
    }),
  );
  try {
    return await new Response(limited, { headers: { 'Content-Type': contentType } }).formData();
  } catch {
    return tooLarge ? 'too-large' : 'unreadable';
  }
}

export async function POST(request: Request) {
  if (!isSameOrigin(request)) return reply(403, { ok: false, message: 'Uploads are accepted only from this site’s own pages.' });
  const viewer = await getViewer();
  if (!viewer) return reply(401, { ok: false, message: 'Sign in to upload images.' });
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return reply(413, { ok: false, message: IMAGE_MESSAGES.tooLarge });

  const form = await readForm(request);
  if (form === 'too-large') return reply(413, { ok: false, message: IMAGE_MESSAGES.tooLarge });
  if (form === 'unreadable') return reply(400, { ok: false, message: 'Send the image as multipart/form-data with a “file” field.' });
  const fields = formSchema.safeParse({ file: form.get('file'), alt: form.get('alt') ?? '' });
  if (!fields.success) return reply(400, { ok: false, message: fields.error.issues[0]?.message ?? 'Invalid upload.' });
  const { file, alt } = fields.data;
  if (file.size > MAX_UPLOAD_BYTES) return reply(413, { ok: false, message: IMAGE_MESSAGES.tooLarge });

  try {
    const ip = clientIpFrom(request.headers.get(CLIENT_ADDRESS_HEADER));
    const result = await uploadImage(viewer, { bytes: Buffer.from(await file.arrayBuffer()), originalName: file.name, alt }, ip);
    if (result.ok) return reply(201, result);
    return reply(result.reason === 'storage' ? 503 : 400, { ok: false, message: result.message });
  } catch (error) {
    if (error instanceof ForbiddenError) return reply(403, { ok: false, message: 'You may not upload images.' });
    getLogger().error({ err: error }, 'Image upload failed');
    return reply(500, { ok: false, message: 'The image could not be saved. Please try again.' });
  }
}
