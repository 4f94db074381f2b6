import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Clock } from '../../platform/clock';
import type { Transactions } from '../../platform/database/transaction';
import type { AuditService } from '../identity';
import { createApiKeyRepository } from './api-keys/api-key.repository';
import { apiKeyRoutes } from './api-keys/api-key.routes';
import { createApiKeyService } from './api-keys/api-key.service';
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

/** Traceability (issue 13): production lots and the API keys of producers' software; EPCIS events, stamps and the scan page follow. */
export function createTraceabilityModule(deps: TraceabilityDeps) {
  const repository = createLotRepository({ transactions: deps.transactions });
  const lots = createLotService({ ...deps, repository });
  const apiKeys = createApiKeyService({ ...deps, repository: createApiKeyRepository({ transactions: deps.transactions }) });
  const routes: FastifyPluginAsyncZod[] = [lotRoutes(lots), apiKeyRoutes(apiKeys)];
  // `apiKeys.authenticator` is what app.ts hands the back office's access hook for `Authorization: Bearer ocop_…`.
  return { lots, apiKeys, routes };
}

export type TraceabilityModule = ReturnType<typeof createTraceabilityModule>;
