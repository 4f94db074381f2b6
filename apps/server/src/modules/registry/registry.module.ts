import type { Transactions } from '../../platform/database/transaction';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Clock } from '../../platform/clock';
import type { AdminUnitService } from '../geography';
import type { AuditService } from '../identity';
import { classificationRoutes } from './classification/classification.routes';
import { createClassificationService } from './classification/classification.service';
import { producerRoutes } from './producers/producer.routes';
import { createProducerService } from './producers/producer.service';
import { productRoutes } from './products/product.routes';
import { createProductService } from './products/product.service';
import type { ParseContext } from './imports/sheet-columns';
import { vietnamYear } from '@ocop/domain/registry';
import { createUnitDirectory } from './shared/unit-directory';
import { createPublicChangeToken } from './shared/public-change-token';
import { fileRoutes } from './documents/file.routes';
import { createFileService } from './documents/file.service';
import { createFileRepository } from './documents/file.repository';
import { primaryImageOf } from './documents/file-support';
import { createBlobCleanup, subscribeBlobCleanup } from './documents/blob-cleanup';
import type { FileStore } from '../../platform/files/file-store';
import type { JobQueue } from '../../platform/jobs/job-queue';
import type { EventPublisher, EventSubscriptions } from '../../platform/domain-events';
import type { RegistryEvents } from './shared/registry-events';
import { productImportPlan } from './imports/product-import-plan';
import { producerImportPlan } from './imports/producer-import-plan';
import { importRoutes } from './imports/import.routes';
import { createImportService } from './imports/import.service';
import { createImportRepository } from './imports/import.repository';
import { createImportLookupRepository } from './imports/import-lookup.repository';
import { createTemplateLists } from './imports/import-template-lists';

export type RegistryDeps = {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  adminUnits: AdminUnitService;
  /** Where uploaded documents, images and spreadsheets are kept. */
  store: FileStore;
  /** The durable job queue; imports run on it. */
  jobs: JobQueue;
  /** Where the registry publishes its events (inside the transaction of each change). */
  events: EventPublisher<RegistryEvents>;
  /** For failures of background work (imports). */
  logger?: { error: (details: object, message: string) => void };
  /** Whether another module's rows use a blob of the shared, content-addressed store (the content module's files). */
  blobUsedElsewhere?: (key: string) => Promise<boolean>;
};

/** Producers, products and their classification; files, documents, images and imports join here too. */
export function createRegistryModule(deps: RegistryDeps) {
  const { transactions, clock, audit, adminUnits, events, store } = deps;
  const units = createUnitDirectory(adminUnits);
  const classification = createClassificationService({ transactions, clock, audit });
  const producers = createProducerService({ transactions, clock, audit, adminUnits, events });
  // Products show their primary picture, which the documents part owns: its repository is built first.
  const fileRecords = createFileRepository({ transactions });
  const primaryImages = async (ids: string[]) => {
    const rows = ids.length > 0 ? await fileRecords.listPrimaryImages(ids) : [];
    return new Map(
      rows.map((row) => {
        const image = primaryImageOf(row);
        return [row.productId, image.thumbUrl ?? image.url] as const;
      }),
    );
  };
  const products = createProductService({ transactions, clock, audit, classification, primaryImages, events });

  const sheets = {
    /**
     * What spreadsheet parsing needs for one province (communes of both maps, product sets of
     * both classifications). Build it before opening the import's transaction.
     */
    parseContext: async (provinceCode: string): Promise<ParseContext> => {
      const [communes, sets] = await Promise.all([units.communeMatchers(provinceCode), classification.setMatchers()]);
      return { currentYear: vietnamYear(clock.now()), ...communes, ...sets };
    },
  };

  // Documents, images and spreadsheet imports.
  const cleanup = createBlobCleanup({ transactions, files: fileRecords, store, usedElsewhere: deps.blobUsedElsewhere });
  const files = createFileService({ transactions, clock, audit, store, events, files: fileRecords, cleanup });
  const importLookups = createImportLookupRepository({ transactions });
  const imports = createImportService({
    transactions,
    clock,
    audit,
    store,
    jobs: deps.jobs,
    importJobs: createImportRepository({ transactions }),
    parseContext: sheets.parseContext,
    plans: { producers: producerImportPlan(producers, importLookups), products: productImportPlan(products, importLookups) },
    logger: deps.logger,
  });
  const templateLists = createTemplateLists({ adminUnits, classification });

  const routes: FastifyPluginAsyncZod[] = [
    classificationRoutes(classification),
    producerRoutes({ producers, units, clock }),
    productRoutes({ products, units, clock }),
    fileRoutes(files, clock),
    importRoutes({ imports, templateLists }),
  ];

  /** The registry's reactions to its own events; app.ts calls it before the job queue starts. */
  const subscribe = (subscriptions: EventSubscriptions<RegistryEvents>) => {
    subscribeBlobCleanup(subscriptions, cleanup);
  };

  /** Changes whenever what the public side shows of the registry may have changed (the catalogue rebuilds on it). */
  const publicChangeToken = createPublicChangeToken({ transactions });

  /** Whether a registry document or picture uses a blob of the shared store (content asks before it deletes one). */
  const blobInUse = async (key: string) => (await transactions.run(() => fileRecords.countFilesUsingKey(key))) > 0;

  return { classification, producers, products, units, sheets, files, imports, routes, subscribe, publicChangeToken, blobInUse };
}

export type RegistryModule = ReturnType<typeof createRegistryModule>;
