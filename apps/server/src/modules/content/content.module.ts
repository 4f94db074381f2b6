import type { FastifyPluginAsync } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Clock } from '../../platform/clock';
import type { Transactions } from '../../platform/database/transaction';
import type { FileStore } from '../../platform/files/file-store';
import type { JobQueue } from '../../platform/jobs/job-queue';
import type { AuditService } from '../identity';
import { contentFeedRoutes } from './items/content-feed';
import { createContentFiles } from './items/content-files';
import { contentPages } from './items/content.pages';
import { createContentRepository } from './items/content.repository';
import { contentRoutes } from './items/content.routes';
import { createContentService } from './items/content.service';

/**
 * News articles and legal texts of the programme with their attachments: written by the OCOP
 * secretariat in the back office (`content.manage`), shown on the public edge (`/tin-tuc`,
 * `/van-ban`, the RSS feed, a sitemap, downloads of published items' files).
 */
export function createContentModule(deps: {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  store: FileStore;
  publicUrl: string;
  jobs: JobQueue;
  /** Whether the registry's rows use a blob of the shared store (attachments are removed only when neither does). */
  blobUsedElsewhere: (key: string) => Promise<boolean>;
}) {
  const items = createContentRepository({ transactions: deps.transactions });
  const content = createContentService({ ...deps, items });
  const files = createContentFiles({ ...deps, items, usedElsewhere: deps.blobUsedElsewhere });
  const routes: FastifyPluginAsyncZod[] = [contentRoutes(content, files)];
  const publicRoutes: FastifyPluginAsync[] = [contentPages(content, deps.publicUrl), contentFeedRoutes(content, files, deps.publicUrl)];
  return { content, files, routes, publicRoutes, registerJobs: files.registerJobs };
}

export type ContentModule = ReturnType<typeof createContentModule>;
