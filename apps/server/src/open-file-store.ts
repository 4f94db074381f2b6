import { join } from 'node:path';
import type { Config } from './config';
import type { FileStore } from './platform/files/file-store';
import { createLocalFileStore } from './platform/files/local-file-store';
import { createS3FileStore } from './platform/files/s3-file-store';

/** The file store the configuration names (FILE_STORE), for the server and the admin commands alike. */
export async function openFileStore(config: Pick<Config, 'dataDir' | 'fileStore'>): Promise<FileStore> {
  const chosen = config.fileStore;
  if (chosen.kind === 'local') return createLocalFileStore(join(config.dataDir, 'files'));
  return createS3FileStore(chosen);
}
