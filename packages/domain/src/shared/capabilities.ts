import { ROLES, type Role, type RoleGrant } from './roles';

/**
 * How far a role's hold on a capability reaches: everywhere, the grant's province, the grant's
 * commune (of that province), the grant's one producer, or the grant's one sales point.
 */
export type CapabilityScope = 'all' | 'province' | 'commune' | 'producer' | 'sales_point';

type CapabilityRow = Readonly<Partial<Record<Role, CapabilityScope>>>;

const REGISTRY_READ = {
  system_admin: 'all',
  province_admin: 'province',
  province_officer: 'province',
  council_member: 'province',
  commune_officer: 'commune',
  producer_member: 'producer',
} as const satisfies CapabilityRow;

// Council members score producers, they do not edit them.
const { council_member: _scoresOnly, ...REGISTRY_WRITE } = REGISTRY_READ;

const PROVINCE_STAFF = { system_admin: 'all', province_admin: 'province', province_officer: 'province' } as const satisfies CapabilityRow;
const ADMINISTRATORS = { system_admin: 'all', province_admin: 'province' } as const satisfies CapabilityRow;

/**
 * Who may do what, and where: the one table the routes (which roles reach a route at all), the
 * services (whether a grant reaches this record), the SQL list filters and the web app's menus and
 * buttons all read. A role missing from a row does not hold that capability anywhere.
 */
export const CAPABILITIES = {
  /** Users and their roles: create, list, change roles, disable, reset passwords. */
  'users.manage': ADMINISTRATORS,
  'audit.read': ADMINISTRATORS,
  /** Correcting a national product set (its names, managing agency, dates). */
  'classification.manage': { system_admin: 'all' },
  /** Producers and their products, images and documents. */
  'producers.read': REGISTRY_READ,
  /** Registering a producer: provincial staff in their province, commune officers in their commune; communes propose. */
  'producers.create': { ...PROVINCE_STAFF, commune_officer: 'commune' },
  /** Changing a producer's details, documents and images. */
  'producers.write': REGISTRY_WRITE,
  /**
   * A producer's identity and place (its type, tax code or registration number, commune): officers'
   * fields. Its own members edit the rest of its record; moving itself would put it under another
   * commune officer.
   */
  'producers.edit_identity': { ...PROVINCE_STAFF, commune_officer: 'commune' },
  /** Suspending, re-activating or dissolving a producer is a provincial decision. */
  'producers.change_status': PROVINCE_STAFF,
  /** Adding and changing the products of a producer, their images and documents. */
  'products.write': REGISTRY_WRITE,
  /** Entering a product code issued before this system (it bypasses the code sequence). */
  'products.enter_code': PROVINCE_STAFF,
  /** Spreadsheet imports of producers and products, and reading back one's province's import jobs. */
  'imports.run': PROVINCE_STAFF,
  /**
   * Reading a product's self-assessment (Mẫu 02): its producer's members, and the province and
   * commune staff of its place, who advise it. Council members score dossiers, not drafts.
   */
  'self_assessment.read': REGISTRY_WRITE,
  /** Answering it: only the producer's own members; officers read and advise. */
  'self_assessment.write': { producer_member: 'producer' },
  /**
   * Drafting, publishing, importing and exporting versions of the score sheets: the OCOP secretariat
   * (the province's coordination office) and system administrators. Sheets are national data.
   */
  'criteria.manage': PROVINCE_STAFF,
  /** Opening evaluation rounds, their deadlines, and the province's holiday list. */
  'rounds.manage': PROVINCE_STAFF,
  /** News articles and legal texts of the programme and their attachments: the OCOP secretariat. */
  'content.manage': PROVINCE_STAFF,
  /**
   * Reading evaluation dossiers: the producer's own, the commune's, the province's. Council members
   * read only the dossiers of their councils (the service narrows it).
   */
  'dossiers.read': REGISTRY_READ,
  /** Opening, filling and submitting a dossier, and completing it when returned: the producer's members. */
  'dossiers.file': { producer_member: 'producer' },
  /** The commune's assessment (Art. 7.2): return to the producer, or propose with the Mẫu 03 report. */
  'dossiers.assess': { commune_officer: 'commune' },
  /** The secretariat's steps: receive, return, samples, advisory review, send to council, results, decisions. */
  'dossiers.manage': PROVINCE_STAFF,
  /** Setting up councils, their members and the dossiers they score. */
  'councils.manage': PROVINCE_STAFF,
  /** Scoring a dossier of one's council and declaring conflicts of interest. */
  'dossiers.score': { council_member: 'province' },
  /** Reading certificates with their derived status: the province's staff, the commune's officer, the producer's own members. */
  'certificates.read': { ...PROVINCE_STAFF, commune_officer: 'commune', producer_member: 'producer' },
  /**
   * Issuing a certificate for a recognised dossier, revoking one (Art. 8), importing those issued
   * before the system, the numbering pattern, and the supervision lists: the OCOP secretariat.
   */
  'certificates.manage': PROVINCE_STAFF,
  /**
   * Reading production lots (traceability): the province's staff in their province, the commune's
   * officer for the producers of their commune, a producer's members for its own products.
   */
  'lots.read': { ...PROVINCE_STAFF, commune_officer: 'commune', producer_member: 'producer' },
  /** Recording and correcting lots: a producer's members for its own products, and the province's staff. */
  'lots.write': { ...PROVINCE_STAFF, producer_member: 'producer' },
  /**
   * Capturing EPCIS events (`/epcis/capture`, the phone forms): a producer's members for its own
   * products and lots (also through its API keys), and the province's staff for the province.
   */
  'epcis.capture': { ...PROVINCE_STAFF, producer_member: 'producer' },
  /** Querying EPCIS events and lot journeys: as `lots.read`, the service narrows to the reader's scope. */
  'epcis.read': { ...PROVINCE_STAFF, commune_officer: 'commune', producer_member: 'producer' },
  /** Issuing and revoking API keys for a producer's own software: its members, and the province's administrators. */
  'api_keys.manage': { ...ADMINISTRATORS, producer_member: 'producer' },
  /** Exporting organisations, products, lots and events in the national traceability portal's shapes. */
  'traceability.export': PROVINCE_STAFF,
  /**
   * Ordering trace stamps for a product, reading the orders and printing their sheets: a producer's
   * members for its own products, and the province's staff for the producers of the province.
   */
  'stamps.order': { ...PROVINCE_STAFF, producer_member: 'producer' },
  /** Activating stamps at packing (by range or list, attaching a lot) and voiding them: as `stamps.order`. */
  'stamps.activate': { ...PROVINCE_STAFF, producer_member: 'producer' },
  /**
   * Reading the scans of stamps (counts by day, product, lot, commune; the suspicious serials) and
   * the fake reports consumers sent: a producer's members for its own stamps, a commune officer for
   * the producers of the commune, the province's staff for the province.
   */
  'stamps.scans.read': { ...PROVINCE_STAFF, commune_officer: 'commune', producer_member: 'producer' },
  /**
   * Reading the register of showcase and sales points (điểm giới thiệu và bán sản phẩm OCOP) in the back office:
   * the province's staff, a commune officer for the points in the commune, an operator for its own point.
   */
  'sales_points.read': { ...PROVINCE_STAFF, commune_officer: 'commune', sales_point_operator: 'sales_point' },
  /** Registering a point, correcting its address, hours, place and operator, closing it: the province keeps the register. */
  'sales_points.manage': PROVINCE_STAFF,
  /** Which certified products a point stocks: its operator, and the province's staff for the province's points. */
  'sales_points.stock': { ...PROVINCE_STAFF, sales_point_operator: 'sales_point' },
  /**
   * Reading the inquiries buyers sent from the public pages: the producer's own members, the
   * commune officer for the producers of the commune, the province's staff for the province.
   */
  'inquiries.read': { ...PROVINCE_STAFF, commune_officer: 'commune', producer_member: 'producer' },
  /** Marking an inquiry read, answered or closed: only the producer's own members, who answer the buyer. */
  'inquiries.answer': { producer_member: 'producer' },
  /** The producer's public page settings (whether its phone number is shown): its own members. */
  'producer_page.manage': { producer_member: 'producer' },
} as const satisfies Record<string, CapabilityRow>;

export type Capability = keyof typeof CAPABILITIES;

export const CAPABILITY_NAMES = Object.keys(CAPABILITIES) as Capability[];

/** The record an action touches, as far as scope is concerned; fields the scope does not use may be left out. */
export type CapabilityTarget = {
  provinceCode?: string | null;
  communeCode?: string | null;
  producerId?: string | null;
  salesPointId?: string | null;
};

/** The scope in which a role holds a capability, or null when it does not hold it. */
export function scopeOf(role: Role, capability: Capability): CapabilityScope | null {
  const row: CapabilityRow = CAPABILITIES[capability];
  return row[role] ?? null;
}

/** The roles that hold a capability in any scope, in the order of ROLES. */
export function rolesWith(capability: Capability): Role[] {
  return ROLES.filter((role) => scopeOf(role, capability) !== null);
}

/** The capabilities a role holds, in the order of the table. */
export function capabilitiesOf(role: Role): Capability[] {
  return CAPABILITY_NAMES.filter((capability) => scopeOf(role, capability) !== null);
}

/** Whether one grant lets its holder do this to the target (to something, when no target is given). */
export function grantReaches(grant: RoleGrant, capability: Capability, target?: CapabilityTarget): boolean {
  const scope = scopeOf(grant.role, capability);
  if (scope === null) return false;
  if (target === undefined || scope === 'all') return true;
  const sameProvince = grant.provinceCode !== null && grant.provinceCode === target.provinceCode;
  switch (scope) {
    case 'province':
      return sameProvince;
    case 'commune':
      return sameProvince && grant.communeCode !== null && grant.communeCode === target.communeCode;
    case 'producer':
      return grant.producerId !== null && grant.producerId === target.producerId;
    case 'sales_point':
      return grant.salesPointId !== null && grant.salesPointId === target.salesPointId;
  }
}

/**
 * Whether any of the grants allows the capability on the target. Without a target: whether the
 * grants hold it anywhere (what the route guard and the web app's menus ask).
 */
export function can(grants: readonly RoleGrant[], capability: Capability, target?: CapabilityTarget): boolean {
  return grants.some((grant) => grantReaches(grant, capability, target));
}

/** Where the grants reach for a capability, for list filters: everything, or the union of these places. */
export type CapabilityReach =
  | 'all'
  | {
      provinceCodes: string[];
      communes: { provinceCode: string; communeCode: string }[];
      producerIds: string[];
      salesPointIds: string[];
    };

/**
 * The places a capability reaches through the grants, so a list query can filter by them. A row
 * is inside the reach exactly when `can(grants, capability, row)` says yes.
 */
export function reachOf(grants: readonly RoleGrant[], capability: Capability): CapabilityReach {
  const provinceCodes = new Set<string>();
  const communes = new Map<string, { provinceCode: string; communeCode: string }>();
  const producerIds = new Set<string>();
  const salesPointIds = new Set<string>();
  for (const grant of grants) {
    const scope = scopeOf(grant.role, capability);
    if (scope === 'all') return 'all';
    if (scope === 'province' && grant.provinceCode !== null) provinceCodes.add(grant.provinceCode);
    if (scope === 'commune' && grant.provinceCode !== null && grant.communeCode !== null) {
      communes.set(`${grant.provinceCode}/${grant.communeCode}`, { provinceCode: grant.provinceCode, communeCode: grant.communeCode });
    }
    if (scope === 'producer' && grant.producerId !== null) producerIds.add(grant.producerId);
    if (scope === 'sales_point' && grant.salesPointId !== null) salesPointIds.add(grant.salesPointId);
  }
  return {
    provinceCodes: [...provinceCodes],
    communes: [...communes.values()],
    producerIds: [...producerIds],
    salesPointIds: [...salesPointIds],
  };
}
