/** A certified product as the public side shows it: only products that may show the OCOP mark today. */
export type CatalogueProduct = {
  id: string;
  slug: string;
  code: string;
  nameVi: string;
  nameEn: string | null;
  nameZh: string | null;
  producer: { id: string; name: string };
  productSet: { code: string; name: string; groupCode: string; groupName: string };
  provinceCode: string;
  provinceName: string | null;
  communeCode: string;
  communeName: string | null;
  legacyDistrictCode: string | null;
  legacyDistrictName: string | null;
  priceMin: number | null;
  priceMax: number | null;
  /** Mùa vụ: months 1–12 in calendar order; empty when the producer has not said. */
  seasons: readonly number[];
  /** The product's primary picture: its file (the address of its sizes carries the id) and its shape. */
  primaryImage: { fileId: string; width: number | null; height: number | null } | null;
  stars: number;
  certificateNumber: string;
  certificateStatus: string;
  validUntil: string | null;
  verificationUrl: string;
};

/** The longer texts of a product's page: the producer's Vietnamese and, where given, Chinese texts, and the season note. */
export type CatalogueProductTexts = {
  description: string | null;
  story: string | null;
  descriptionZh: string | null;
  storyZh: string | null;
  seasonNote: string | null;
};

/** What the catalogue reads from the registry, certification and geography (wired in app-level ports). */
export type CatalogueSources = {
  /** Every product that may show the OCOP mark today, in pages. */
  certifiedProducts: () => AsyncIterable<CatalogueProduct[]>;
  /**
   * A short text that changes whenever what `certifiedProducts` gives may have changed (a product,
   * producer, picture, product set, certificate or revocation written, or a new day in Vietnam,
   * since validity follows the date): one cheap query, asked before each rebuild.
   */
  changeToken: () => Promise<string>;
  /** The longer texts of a product, read when its page is opened (kept out of the in-memory catalogue). */
  productTexts: (productId: string) => Promise<CatalogueProductTexts | null>;
  /** What a producer's public page shows beyond the catalogue: its kind and its phone (shown only if it chose so). */
  producerProfile: (producerId: string) => Promise<ProducerProfile | null>;
  /** The bytes the sizes of a primary picture are made from (its medium variant, else the picture); null when gone. */
  primaryImageBytes: (fileId: string) => Promise<Buffer | 'too_large' | null>;
};

export type ProducerProfile = {
  type: 'enterprise' | 'cooperative' | 'cooperative_group' | 'household_business';
  phone: string | null;
};

/** What the sales points read from the map (geography), wired in app-level ports. */
export type SalesPointMap = {
  /** A commune of the current map inside the province, or `admin_unit.commune_not_found`. */
  assertCommuneInProvince: (communeCode: string, provinceCode: string) => Promise<void>;
  /** The former districts (before July 2025) whose communes went into this new commune. */
  formerDistrictsOf: (communeCode: string) => Promise<string[]>;
  /** The province's name, its former districts and its new communes, for coverage. */
  unitsForCoverage: (provinceCode: string) => Promise<{
    provinceName: string;
    districts: { code: string; name: string }[];
    communes: { code: string; name: string }[];
  }>;
};
