import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Clock } from '../../platform/clock';
import type { Transactions } from '../../platform/database/transaction';
import type { AuditService } from '../identity';
import { createApiKeyRepository } from './api-keys/api-key.repository';
import { apiKeyRoutes } from './api-keys/api-key.routes';
import { createApiKeyService } from './api-keys/api-key.service';
import { createEpcisCaptureService } from './epcis/epcis-capture.service';
import { createEpcisQueryService } from './epcis/epcis-query.service';
import { createEpcisRepository } from './epcis/epcis.repository';
import { epcisRoutes } from './epcis/epcis.routes';
import { createLotRepository } from './lots/lot.repository';
import { lotRoutes } from './lots/lot.routes';
import { createLotService } from './lots/lot.service';
import type { TraceabilityMap, TraceabilityRegistry } from './traceability-ports';

export type TraceabilityDeps = {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  registry: TraceabilityRegistry;
  map: TraceabilityMap;
};

/**
 * Traceability (issue 13): production lots, the EPCIS 2.0 repository and the API keys of
 * producers' software. `routes` go under `/api`; `epcisRoutes` are mounted at the root
 * (`/epcis/…`, the GS1 REST binding's paths). `apiKeys.authenticator` is what app.ts hands the
 * back office's access hook for `Authorization: Bearer ocop_…`.
 */
export function createTraceabilityModule(deps: TraceabilityDeps) {
  const repository = createLotRepository({ transactions: deps.transactions });
  const lots = createLotService({ ...deps, repository });
  const epcisRepository = createEpcisRepository({ transactions: deps.transactions });
  const epcis = {
    capture: createEpcisCaptureService({ ...deps, repository: epcisRepository }),
    query: createEpcisQueryService({ repository: epcisRepository, clock: deps.clock }),
  };
  const apiKeys = createApiKeyService({ ...deps, repository: createApiKeyRepository({ transactions: deps.transactions }) });
  const routes: FastifyPluginAsyncZod[] = [lotRoutes(lots), apiKeyRoutes(apiKeys)];
  const rootRoutes: FastifyPluginAsyncZod[] = [epcisRoutes(epcis.capture, epcis.query)];
  return { lots, epcis, apiKeys, routes, epcisRoutes: rootRoutes };
}

export type TraceabilityModule = ReturnType<typeof createTraceabilityModule>;
