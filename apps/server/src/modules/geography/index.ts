export { createGeographyModule, type GeographyModule } from './geography.module';
export type { AdminUnitService } from './admin-unit.service';
export { loadAdminUnits } from './admin-unit.loader';
