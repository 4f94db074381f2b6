import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { S3FileStoreOptions } from '../platform/files/s3-file-store';

type S3rverInstance = { run: () => Promise<AddressInfo>; close: () => Promise<void> };
type S3rverConstructor = new (options: {
  address: string;
  port: number;
  directory: string;
  silent: boolean;
  configureBuckets: Array<{ name: string }>;
}) => S3rverInstance;

// s3rver ships CommonJS without type declarations; this is the part of it the tests use.
const S3rver = createRequire(import.meta.url)('s3rver') as S3rverConstructor;

export const TEST_BUCKET = 'ocop-files';

/** An S3-compatible server in this process on 127.0.0.1 (a free port), keeping objects in a temporary folder. */
export async function startS3Server(): Promise<{ storeOptions: S3FileStoreOptions; stop: () => Promise<void> }> {
  const directory = mkdtempSync(join(tmpdir(), 'ocop-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true, configureBuckets: [{ name: TEST_BUCKET }] });
  const { port } = await server.run();
  return {
    storeOptions: {
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      bucket: TEST_BUCKET,
      // s3rver's fixed development credentials.
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
    },
    stop: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
