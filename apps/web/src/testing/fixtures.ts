import type { AdminUnitView, ProvinceUnitsView } from '@ocop/contracts/geography';
import type { MeView, RoleGrantView, UserView } from '@ocop/contracts/identity';
import type { ProducerView, ProductListItemView, ProductSetListView, ProductSetView, ProductView } from '@ocop/contracts/registry';
import type { ImportJobView } from '@ocop/contracts/registry-files';
import type { Role } from '@ocop/domain/shared';

export function grant(role: Role, scope: Partial<Omit<RoleGrantView, 'role'>> = {}): RoleGrantView {
  return { role, provinceCode: null, communeCode: null, producerId: null, salesPointId: null, ...scope };
}

export function buildUser(overrides: Partial<UserView> = {}): UserView {
  return {
    id: '0b6f3c56-2f7e-4d1e-9a55-1f0c3d2b9a10',
    fullName: 'Lò Văn Minh',
    email: 'minh@sonla.gov.vn',
    phone: '0912345678',
    provinceCode: '14',
    roles: [grant('province_admin', { provinceCode: '14' })],
    disabled: false,
    mustChangePassword: false,
    createdAt: '2025-08-01T02:00:00.000Z',
    lastLoginAt: '2025-09-01T01:30:00.000Z',
    ...overrides,
  };
}

export function buildMe(user: Partial<UserView> = {}): MeView {
  return { user: buildUser(user), csrfToken: 'csrf-token-1', sessionExpiresAt: '2025-09-01T09:30:00.000Z' };
}

function unit(code: string, name: string, level: AdminUnitView['level'], parentCode: string | null, snapshot: string): AdminUnitView {
  return { code, name, type: name.split(' ')[0] ?? null, level, parentCode, provinceCode: '14', snapshot };
}

/** Sơn La on the 2025-07-01 map, cut down to two wards. */
export function sonLaAfterReform(): ProvinceUnitsView {
  const snapshot = '2025-07-01';
  return {
    snapshot,
    province: unit('14', 'Tỉnh Sơn La', 'province', null, snapshot),
    districts: [],
    communes: [unit('03646', 'Phường Tô Hiệu', 'commune', '14', snapshot), unit('03679', 'Phường Chiềng An', 'commune', '14', snapshot)],
  };
}

/** Sơn La on the 2025-03-01 map, cut down to one district (Thành phố Sơn La) and two of its wards. */
export function sonLaBeforeReform(): ProvinceUnitsView {
  const snapshot = '2025-03-01';
  return {
    snapshot,
    province: unit('14', 'Tỉnh Sơn La', 'province', null, snapshot),
    districts: [unit('116', 'Thành phố Sơn La', 'district', '14', snapshot)],
    communes: [unit('03646', 'Phường Tô Hiệu', 'commune', '116', snapshot), unit('03649', 'Phường Chiềng Lề', 'commune', '116', snapshot)],
  };
}

/** Answers `GET /api/admin-units/provinces/14` for either map, as the server does. */
export function sonLaUnits(request: { search: URLSearchParams }): ProvinceUnitsView {
  return request.search.get('asOf') === '2025-03-01' ? sonLaBeforeReform() : sonLaAfterReform();
}

export const PRODUCER_ID = '3f6b1c2d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
export const PRODUCT_ID = '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d';
export const TEA_SET_ID = '478d4767-a326-42ac-ad43-df3093e7fce9';
export const HONEY_SET_ID = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';

export function buildProducer(overrides: Partial<ProducerView> = {}): ProducerView {
  return {
    id: PRODUCER_ID,
    provinceCode: '14',
    type: 'cooperative',
    legalForm: null,
    name: 'Hợp tác xã Chè Bích Thảo',
    registrationNumber: '5500123456',
    communeCode: '03679',
    communeName: 'Phường Chiềng An',
    legacyCommuneCode: '03646',
    legacyCommuneName: 'Phường Tô Hiệu',
    legacyDistrictCode: '116',
    legacyDistrictName: 'Thành phố Sơn La',
    address: 'Bản Hài, phường Chiềng An',
    latitude: 21.3256,
    longitude: 103.9188,
    representativeName: 'Lò Thị Thảo',
    phone: '0912345678',
    email: 'bichthao@example.vn',
    foundingYear: 2016,
    memberCount: 12,
    status: 'active',
    statusReason: null,
    statusChangedAt: null,
    productCount: 1,
    earliestDocumentValidTo: null,
    isDemo: false,
    version: 3,
    createdAt: '2025-08-01T02:00:00.000Z',
    updatedAt: '2025-08-02T02:00:00.000Z',
    ...overrides,
  };
}

export function buildProductListItem(overrides: Partial<ProductListItemView> = {}): ProductListItemView {
  return {
    id: PRODUCT_ID,
    provinceCode: '14',
    code: '14-03679-001-2025',
    slug: 'che-shan-tuyet-bich-thao',
    nameVi: 'Chè Shan tuyết Bích Thảo',
    nameEn: 'Bích Thảo Shan Tuyết tea',
    status: 'on_sale',
    priceMin: 120000,
    priceMax: 1200000,
    seasons: [],
    producer: {
      id: PRODUCER_ID,
      name: 'Hợp tác xã Chè Bích Thảo',
      type: 'cooperative',
      registrationNumber: '5500123456',
      communeCode: '03679',
      communeName: 'Phường Chiềng An',
      legacyDistrictCode: '116',
    },
    productSet: {
      id: TEA_SET_ID,
      versionCode: 'qd148-2023',
      code: '1.5.1',
      name: 'Chè tươi, chè chế biến',
      groupCode: '1',
      groupName: 'Thực phẩm',
    },
    primaryImageUrl: '/api/files/9b610fe1-a5ef-46d6-b069-f27aa476e685?variant=thumb',
    isDemo: false,
    version: 2,
    updatedAt: '2025-08-02T02:00:00.000Z',
    ...overrides,
  };
}

export function buildProduct(overrides: Partial<ProductView> = {}): ProductView {
  return {
    ...buildProductListItem(),
    nameZh: null,
    description: 'Chè búp tươi hái từ cây chè cổ thụ.',
    story: null,
    descriptionZh: null,
    storyZh: null,
    seasonNote: null,
    rawMaterial: 'Búp chè Shan tuyết',
    rawMaterialOrigin: 'Bản Hài, Chiềng An',
    packaging: 'Túi 200 g',
    netQuantity: '200 g',
    shelfLife: '12 tháng',
    storageInstructions: 'Nơi khô ráo, thoáng mát',
    legacyProductSet: null,
    gtins: ['08935012345677'],
    statusChangedAt: null,
    createdAt: '2025-08-01T02:00:00.000Z',
    ...overrides,
  };
}

function productSet(id: string, code: string, name: string, group: [string, string], subgroup: [string, string]): ProductSetView {
  return {
    id,
    versionCode: 'qd148-2023',
    code,
    groupCode: group[0],
    groupName: group[1],
    subgroupCode: subgroup[0],
    subgroupName: subgroup[1],
    name,
    managingAgency: 'Bộ Nông nghiệp và Môi trường',
    requiresSamples: true,
    effectiveFrom: '2023-02-24',
    effectiveTo: null,
    mapsTo: [],
    mappedFrom: [],
  };
}

/** Two sets of QĐ 148 (tea, honey) in group 1. */
export function productSetList(): ProductSetListView {
  return {
    version: {
      code: 'qd148-2023',
      name: 'Phân loại sản phẩm OCOP theo QĐ 148/QĐ-TTg',
      legalBasis: 'Quyết định 148/QĐ-TTg',
      effectiveFrom: '2023-02-24',
      effectiveTo: null,
      note: null,
      inForce: true,
    },
    groups: [{ versionCode: 'qd148-2023', code: '1', name: 'Thực phẩm' }],
    items: [
      productSet(
        HONEY_SET_ID,
        '1.2.2',
        'Mật ong, mật khác và nông sản thực phẩm khác',
        ['1', 'Thực phẩm'],
        ['1.2', 'Thực phẩm thô, sơ chế'],
      ),
      productSet(TEA_SET_ID, '1.5.1', 'Chè tươi, chè chế biến', ['1', 'Thực phẩm'], ['1.5', 'Chè']),
    ],
  };
}

export const IMPORT_ID = '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a';

export function buildImportJob(overrides: Partial<ImportJobView> = {}): ImportJobView {
  return {
    id: IMPORT_ID,
    provinceCode: '14',
    kind: 'producers',
    mode: 'dry-run',
    status: 'queued',
    fileName: 'chu-the.xlsx',
    format: 'xlsx',
    processedRows: 0,
    totalRows: null,
    failure: null,
    summary: null,
    problems: [],
    notices: [],
    reportUrl: null,
    createdAt: '2025-09-01T02:00:00.000Z',
    finishedAt: null,
    ...overrides,
  };
}

export function importSummary(overrides: Partial<NonNullable<ImportJobView['summary']>> = {}): NonNullable<ImportJobView['summary']> {
  return {
    sheetName: 'Chủ thể OCOP',
    headerRow: 3,
    dataRows: 3,
    blankRows: 1,
    rowsWithProblems: 0,
    problemCount: 0,
    problemsTruncated: false,
    created: 2,
    updated: 1,
    unchanged: 0,
    ...overrides,
  };
}
