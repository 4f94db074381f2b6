import type { Transactions } from '../../platform/database/transaction';
import { createAdminUnitRepository } from './admin-unit.repository';
import { adminUnitRoutes } from './admin-unit.routes';
import { createAdminUnitService } from './admin-unit.service';

export function createGeographyModule({ transactions }: { transactions: Transactions }) {
  const adminUnits = createAdminUnitService({ adminUnits: createAdminUnitRepository({ transactions }) });
  return { adminUnits, routes: [adminUnitRoutes(adminUnits)] };
}
export type GeographyModule = ReturnType<typeof createGeographyModule>;
