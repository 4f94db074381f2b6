import type { Database } from '../../platform/database/database';
import { adminUnitRoutes } from './admin-unit.routes';
import { createAdminUnitService } from './admin-unit.service';

export function createGeographyModule({ db }: { db: Database }) {
  const adminUnits = createAdminUnitService({ db });
  return { adminUnits, routes: [adminUnitRoutes(adminUnits)] };
}
export type GeographyModule = ReturnType<typeof createGeographyModule>;
