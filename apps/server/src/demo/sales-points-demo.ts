import type { SalesPointKind } from '@ocop/domain/catalogue';
import type { RoleGrant } from '@ocop/domain/shared';
import type { OcopApp } from '../app';
import { DEMO_PROVINCE, type DemoUser, SYSTEM_CONTEXT, seedDemoUsers } from '../modules/identity';

type Modules = OcopApp['modules'];

/** The operator of the province's showcase, who keeps its shelf in the back office. */
export const DEMO_SALES_POINT_OPERATOR_LOGIN = 'diemban.sonla@ocop.demo';

const OFFICE_LOGIN = 'vanphong.sonla@ocop.demo';

type DemoPoint = {
  name: string;
  kind: SalesPointKind;
  communeCode: string;
  address: string;
  hours: string | null;
  location: { lat: number; lon: number } | null;
  websiteUrl?: string;
  phone?: string;
  operatorName: string;
};

/** Places are the demo's: near the real towns, not surveyed addresses. */
export const DEMO_SALES_POINTS: readonly DemoPoint[] = [
  {
    name: '(Demo) Trung tâm giới thiệu và bán sản phẩm OCOP tỉnh Sơn La',
    kind: 'showcase',
    communeCode: '03646',
    address: 'Đường Tô Hiệu, Phường Tô Hiệu',
    hours: '7:30–21:00, tất cả các ngày',
    location: { lat: 21.3268, lon: 103.9148 },
    phone: '0212 3850 000',
    operatorName: '(Demo) Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh',
  },
  {
    name: '(Demo) Góc OCOP – Bưu điện Mộc Châu',
    kind: 'post_office',
    communeCode: '03979',
    address: 'Tiểu khu 4, Phường Mộc Sơn',
    hours: '7:00–19:00, thứ Hai – Chủ nhật',
    location: { lat: 20.8479, lon: 104.6352 },
    operatorName: '(Demo) Bưu điện tỉnh Sơn La',
  },
  {
    name: '(Demo) Điểm bán sản phẩm OCOP Yên Châu',
    kind: 'showcase',
    communeCode: '04075',
    address: 'Quốc lộ 6, Xã Yên Châu',
    hours: '7:00–18:00',
    location: { lat: 21.0487, lon: 104.2978 },
    operatorName: '(Demo) Hợp tác xã dịch vụ nông nghiệp Yên Châu',
  },
  {
    name: '(Demo) Gian hàng OCOP Sơn La – Hội chợ Cao nguyên Mộc Châu',
    kind: 'fair_booth',
    communeCode: '03985',
    address: 'Khu du lịch Mộc Châu, Xã Chiềng Sơn',
    hours: 'Trong những ngày hội chợ',
    location: { lat: 20.7936, lon: 104.6808 },
    operatorName: '(Demo) Sở Công Thương tỉnh Sơn La',
  },
  {
    name: '(Demo) Cửa hàng OCOP Sơn La trực tuyến',
    kind: 'online_store',
    communeCode: '03646',
    address: 'Giao hàng toàn quốc',
    hours: null,
    location: null,
    websiteUrl: 'https://ocop-sonla.example.vn',
    operatorName: '(Demo) Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh',
  },
];

/**
 * The province's showcase and sales points, each stocking the certified demo products, and the
 * showcase's operator (a `sales_point_operator` user). Registered by the OCOP office as the province
 * would; does nothing when the province has points already. Runs after the certificates exist.
 */
export async function seedSalesPointsDemo(modules: Modules): Promise<DemoUser[]> {
  const office = await modules.identity.auth.findUserByLogin(OFFICE_LOGIN);
  if (!office) return [];
  const grants: RoleGrant[] = [
    { role: 'province_officer', provinceCode: DEMO_PROVINCE, communeCode: null, producerId: null, salesPointId: null },
  ];
  const actor = { userId: office.id, grants };
  const existing = await modules.catalogue.salesPoints.listPoints(actor, { page: 1, pageSize: 1 });
  if (existing.total > 0) return [];
  // The certificates seeded just before: the catalogue is rebuilt to hold them.
  modules.catalogue.catalogue.invalidate();
  const certified = await modules.catalogue.catalogue.all();
  const ids: string[] = [];
  for (const point of DEMO_SALES_POINTS) {
    const formerDistricts = await modules.geography.adminUnits.predecessorsOf(point.communeCode);
    const created = await modules.catalogue.salesPoints.createPoint(
      actor,
      { ...point, provinceCode: DEMO_PROVINCE, legacyDistrictCode: formerDistricts[0]?.oldUnit.parentCode ?? null },
      SYSTEM_CONTEXT,
    );
    ids.push(created.row.id);
  }
  // Each point stocks every other certified product, the showcase all of them.
  for (const [index, id] of ids.entries()) {
    const shelf = certified.filter((_, i) => index === 0 || i % 2 === index % 2).map((product) => product.id);
    await modules.catalogue.salesPoints.putStock(actor, id, shelf, SYSTEM_CONTEXT);
  }
  const showcase = ids[0];
  if (!showcase) return [];
  return seedDemoUsers({ users: modules.identity.users, auth: modules.identity.auth }, [
    {
      login: DEMO_SALES_POINT_OPERATOR_LOGIN,
      fullName: '(Demo) Nhân viên Trung tâm giới thiệu sản phẩm OCOP',
      role: 'sales_point_operator',
      salesPointId: showcase,
    },
  ]);
}
