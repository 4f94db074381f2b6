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
import type { ParseContext } from './imports/registry-columns';
import { vietnamYear } from '@ocop/domain/registry';
import { createUnitDirectory } from './shared/unit-directory';
import { fileRoutes } from './documents/file.routes';
import { createFileService } from './documents/file.service';
import type { FileStore } from '../../platform/files/file-store';
import type { JobQueue } from '../../platform/jobs/job-queue';
import { productImportPlan, producerImportPlan } from './imports/import-plans';
import { importRoutes } from './imports/import.routes';
import { createImportService } from './imports/import.service';
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
  /** For failures of background work (imports). */
  logger?: { error: (details: object, message: string) => void };
};

/** Producers, products and their classification; files, documents, images and imports join here too. */
export function createRegistryModule(deps: RegistryDeps) {
  const { transactions, clock, audit, adminUnits } = deps;
  const units = createUnitDirectory(adminUnits);
  const classification = createClassificationService({ transactions, clock, audit });
  const producers = createProducerService({ transactions, clock, audit, adminUnits });
  const products = createProductService({ transactions, clock, audit, classification });

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
  const files = createFileService({ transactions, clock, audit, store: deps.store });
  products.usePrimaryImages(
    async (ids) => new Map([...(await files.primaryImagesOf(ids))].map(([id, image]) => [id, image.thumbUrl ?? image.url])),
  );
  const imports = createImportService({
    transactions,
    clock,
    audit,
    store: deps.store,
    jobs: deps.jobs,
    parseContext: sheets.parseContext,
    plans: { producers: producerImportPlan(producers), products: productImportPlan(products) },
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

  return { classification, producers, products, units, sheets, files, imports, routes };
}

export type RegistryModule = ReturnType<typeof createRegistryModule>;
