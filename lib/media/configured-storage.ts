import 'server-only';
import path from 'node:path';
import { getEnv, getMediaS3Config } from '@/lib/env';
import { s3MediaStorage } from './s3-storage';
import { localMediaStorage, type MediaStorage } from './storage';

let s3: MediaStorage | undefined;

/** The configured storage: the S3-compatible bucket when `MEDIA_S3_*` are set, otherwise `DATA_DIR/media`. */
export function getMediaStorage(): MediaStorage {
  const config = getMediaS3Config();
  if (!config) return localMediaStorage(path.join(getEnv().DATA_DIR, 'media'));
  // One client per process, so aws4fetch's cache of signing keys is reused.
  s3 ??= s3MediaStorage(config);
  return s3;
}
