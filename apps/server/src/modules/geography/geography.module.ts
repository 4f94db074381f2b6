import type { Transactions } from '../../platform/database/transaction';
import { adminUnitRoutes } from './admin-unit.routes';
import { createAdminUnitService } from './admin-unit.service';

export function createGeographyModule({ transactions }: { transactions: Transactions }) {
  const adminUnits = createAdminUnitService({ transactions });
  return { adminUnits, routes: [adminUnitRoutes(adminUnits)] };
}
export type GeographyModule = ReturnType<typeof createGeographyModule>;
