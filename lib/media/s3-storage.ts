import 'server-only';
import { AwsClient } from 'aws4fetch';
import type { MediaS3Config } from '@/lib/env';
import { isValidMediaKey, MediaStorageError, type MediaStorage } from './storage';

// A slow or failing store should fail the request within seconds, not after aws4fetch's default ten retries.
const RETRIES = 2;

/**
 * Files in an S3-compatible bucket, addressed path-style (`endpoint/bucket/key`) so MinIO, Ceph and s3rver work
 * as well as AWS. S3 writes are atomic per object, so readers never see part of a file.
 */
export function s3MediaStorage(config: MediaS3Config): MediaStorage {
  const client = new AwsClient({
    accessKeyId: config.accessKeyId,
    secretAccessKey: config.secretAccessKey,
    region: config.region,
    service: 's3',
    retries: RETRIES,
  });
  const base = `${config.endpoint.replace(/\/+$/, '')}/${encodeURIComponent(config.bucket)}`;
  // Messages name the bucket and key only: never the credentials.
  const where = (key: string) => `bucket “${config.bucket}” at ${new URL(config.endpoint).host}, key ${key}`;

  async function send(action: string, key: string, init: RequestInit, allowed: number[] = []): Promise<Response> {
    if (!isValidMediaKey(key)) throw new Error(`Invalid media key: ${key}`);
    let response: Response;
    try {
      response = await client.fetch(`${base}/${key}`, init);
    } catch (error) {
      throw new MediaStorageError(`The image storage could not be reached to ${action} (${where(key)}).`, { cause: error });
    }
    if (response.ok || allowed.includes(response.status)) return response;
    // The S3 error code (AccessDenied, SignatureDoesNotMatch, NoSuchBucket) tells the operator what to fix.
    const code = /<Code>([^<]{1,100})<\/Code>/.exec(await response.text().catch(() => ''))?.[1];
    throw new MediaStorageError(`The image storage refused to ${action} (${where(key)}): HTTP ${response.status}${code ? ` ${code}` : ''}.`);
  }

  return {
    async put(key, bytes, contentType) {
      await send('store the image', key, { method: 'PUT', body: new Uint8Array(bytes), headers: { 'Content-Type': contentType } });
    },
    async get(key) {
      if (!isValidMediaKey(key)) return null;
      const response = await send('read the image', key, { method: 'GET' }, [404]);
      if (response.status === 404) {
        await response.body?.cancel();
        return null;
      }
      return { bytes: Buffer.from(await response.arrayBuffer()), contentType: response.headers.get('content-type') ?? 'application/octet-stream' };
    },
    async delete(key) {
      const response = await send('delete the image', key, { method: 'DELETE' }, [404]);
      await response.body?.cancel();
    },
  };
}
