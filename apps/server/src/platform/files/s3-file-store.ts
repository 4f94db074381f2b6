import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { type FileStore, FileMissingError, type StoredBlob } from './file-store';

const KEY = /^[0-9a-f]{64}$/;

/** Where an S3-compatible service is and how to sign in; the wiring reads them from the configuration. */
export type S3FileStoreOptions = {
  /** `https://s3.example.vn`; omitted for AWS itself, which derives it from the region. */
  endpoint?: string | undefined;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `bucket` in the path rather than the host name: MinIO, Ceph and most self-hosted services need it. */
  forcePathStyle: boolean;
  /** Object keys are `<prefix><sha256>`; default `files/`. */
  prefix?: string;
};

/**
 * Files in one bucket of an S3-compatible service, under `files/<sha256>` like the local store's
 * content addressing. A streamed upload is spooled to a private temporary file while it is hashed
 * (the key is the hash, known only at the end, and PutObject needs the length up front), then sent
 * once; bytes already stored under that key are not sent again. Reads stream the object body.
 */
export function createS3FileStore(options: S3FileStoreOptions): FileStore & { close: () => void } {
  const client = new S3Client({
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    region: options.region,
    forcePathStyle: options.forcePathStyle,
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    // The SDK's default CRC checksums send streamed bodies aws-chunked, which many S3-compatible
    // services (older MinIO and Ceph, s3rver) store verbatim, chunk headers and all. Plain bodies
    // with a Content-Length work everywhere, and the key itself is the content's SHA-256.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const bucket = options.bucket;
  const prefix = options.prefix ?? 'files/';

  function objectKey(key: string): string {
    if (!KEY.test(key)) throw new Error(`Invalid file key: ${key}`);
    return `${prefix}${key}`;
  }

  async function exists(key: string): Promise<boolean> {
    try {
      await client.send(new HeadObjectCommand({ Bucket: bucket, Key: objectKey(key) }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  async function putBuffer(content: Buffer): Promise<StoredBlob> {
    const key = createHash('sha256').update(content).digest('hex');
    if (!(await exists(key))) {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: objectKey(key), Body: content, ContentLength: content.length }));
    }
    return { key, sizeBytes: content.length };
  }

  async function putStream(content: Readable): Promise<StoredBlob> {
    const spoolDir = await mkdtemp(join(tmpdir(), 'ocop-s3-'));
    try {
      const spoolPath = join(spoolDir, randomBytes(8).toString('hex'));
      const hash = createHash('sha256');
      let sizeBytes = 0;
      const hashing = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          sizeBytes += chunk.length;
          done(null, chunk);
        },
      });
      await pipeline(content, hashing, createWriteStream(spoolPath, { mode: 0o600 }));
      const key = hash.digest('hex');
      if (!(await exists(key))) {
        await client.send(
          new PutObjectCommand({ Bucket: bucket, Key: objectKey(key), Body: createReadStream(spoolPath), ContentLength: sizeBytes }),
        );
      }
      return { key, sizeBytes };
    } finally {
      await rm(spoolDir, { recursive: true, force: true });
    }
  }

  return {
    put: (content) => (Buffer.isBuffer(content) ? putBuffer(content) : putStream(content)),
    openRead: async (key) => {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: objectKey(key) }));
        if (!(object.Body instanceof Readable)) throw new Error(`S3 answered no stream for ${key}`);
        return object.Body;
      } catch (error) {
        if (isNotFound(error)) throw new FileMissingError(key);
        throw error;
      }
    },
    exists,
    delete: async (key) => {
      // DeleteObject answers 204 for a missing key too.
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: objectKey(key) }));
    },
    close: () => client.destroy(),
  };
}

function isNotFound(error: unknown): boolean {
  if (!(error instanceof S3ServiceException)) return false;
  return error.name === 'NoSuchKey' || error.name === 'NotFound' || error.$metadata.httpStatusCode === 404;
}
