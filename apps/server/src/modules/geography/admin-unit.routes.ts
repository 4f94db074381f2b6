import {
  adminUnitSearchQuery,
  adminUnitView,
  type AdminUnitView,
  asOfQuery,
  provinceUnitsView,
  snapshotsView,
  unitLinkView,
} from '@ocop/contracts/geography';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AdminUnitService, UnitLink } from './admin-unit.service';
import type { AdminUnitRow } from './admin-unit.tables';

const TAG = ['Đơn vị hành chính / Administrative units'];

export function adminUnitRoutes(units: AdminUnitService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/admin-units/snapshots',
      { config: { access: 'authenticated' }, schema: { tags: TAG, summary: 'Loaded map snapshots', response: { 200: snapshotsView } } },
      async () => ({ snapshots: await units.snapshots() }),
    );

    app.get(
      '/admin-units/provinces',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: TAG,
          summary: 'Provinces on the map in force on a date',
          querystring: asOfQuery,
          response: { 200: z.array(adminUnitView) },
        },
      },
      async (request) => (await units.listProvinces(request.query.asOf)).map(toView),
    );

    app.get(
      '/admin-units/provinces/:provinceCode',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: TAG,
          summary: 'A province with its districts and communes as of a date',
          params: z.object({ provinceCode: z.string().regex(/^\d{2}$/) }),
          querystring: asOfQuery,
          response: { 200: provinceUnitsView },
        },
      },
      async (request) => {
        const result = await units.unitsOfProvince(request.params.provinceCode, request.query.asOf);
        return {
          snapshot: result.snapshot,
          province: toView(result.province),
          districts: result.districts.map(toView),
          communes: result.communes.map(toView),
        };
      },
    );

    const communeParams = z.object({ communeCode: z.string().regex(/^\d{5}$/) });
    app.get(
      '/admin-units/communes/:communeCode/successors',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: TAG,
          summary: 'New commune(s) an old commune went into',
          params: communeParams,
          response: { 200: z.array(unitLinkView) },
        },
      },
      async (request) => (await units.successorsOf(request.params.communeCode)).map(toLinkView),
    );
    app.get(
      '/admin-units/communes/:communeCode/predecessors',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: TAG,
          summary: 'Old communes a new commune was formed from',
          params: communeParams,
          response: { 200: z.array(unitLinkView) },
        },
      },
      async (request) => (await units.predecessorsOf(request.params.communeCode)).map(toLinkView),
    );

    app.get(
      '/admin-units/search',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: TAG,
          summary: 'Search units by name, ignoring diacritics and case',
          querystring: adminUnitSearchQuery,
          response: { 200: z.array(adminUnitView) },
        },
      },
      async (request) => (await units.search(request.query)).map(toView),
    );
  };
}

function toView(row: AdminUnitRow): AdminUnitView {
  const { code, name, type, level, parentCode, provinceCode, snapshot } = row;
  return { code, name, type, level, parentCode, provinceCode, snapshot };
}

function toLinkView(link: UnitLink) {
  return { oldUnit: toView(link.oldUnit), newUnit: toView(link.newUnit), whole: link.whole };
}
