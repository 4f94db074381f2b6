import { gs1CheckDigit } from '@ocop/domain/registry';
import type { RoleGrant } from '@ocop/domain/shared';
import { SYSTEM_CONTEXT } from '../modules/identity';
import type { RegistryModule } from '../modules/registry/registry.module';
import { DEMO_PRODUCERS } from './registry-demo-data';

export { DEMO_BICH_THAO_KEY, DEMO_PRODUCERS } from './registry-demo-data';

/**
 * Demo data for Sơn La: producers and products modelled on the province's real OCOP products
 * (OCOP.md §11.3) across all 12 former district-level units and 14 product sets. Every record is
 * flagged `is_demo`, names carry "(Demo)", and tax codes, phones, e-mails, GTINs, prices and
 * representatives are made up. Images are added by the image part of the registry.
 */

/** The demo producer-member user, scoped to the demo HTX Cà phê Bích Thao. */
export const DEMO_PRODUCER_MEMBER_LOGIN = 'hoptacxa.bichthao@ocop.demo';

/** Marks a name shown on screens as demo data. */
export const demoName = (name: string) => `(Demo) ${name}`;

const SYSTEM: RoleGrant[] = [{ role: 'system_admin', provinceCode: null, communeCode: null, producerId: null, salesPointId: null }];

function demoTaxCode(serial: number): string {
  return `559900${String(serial).padStart(4, '0')}`;
}

/** A made-up GTIN-13 in the 893 prefix with a correct check digit. */
export function demoGtin(serial: number): string {
  const body = `89399990${String(serial).padStart(4, '0')}`;
  return `${body}${gs1CheckDigit(body)}`;
}

/**
 * Creates the demo producers and products in a province that is already served (Sơn La by
 * default). Producers already there (same tax code) are left alone with their products, so
 * running it twice changes nothing. Returns the ids of the demo producers by key.
 */
export async function seedRegistryDemo(registry: RegistryModule, options: { provinceCode?: string } = {}) {
  const provinceCode = options.provinceCode ?? '14';
  const actor = { grants: SYSTEM };
  const sets = await registry.classification.listSets({});
  const legacySets = await registry.classification.listSets({ version: 'qd1048-2019' });
  const setId = (code: string, items: typeof sets.items) => {
    const found = items.find((item) => item.code === code);
    if (!found) throw new Error(`demo data names an unknown product set ${code}`);
    return found.id;
  };
  const producerIds = new Map<string, string>();
  let createdProducers = 0;
  let createdProducts = 0;
  for (const demo of DEMO_PRODUCERS) {
    const registrationNumber = demoTaxCode(demo.serial);
    const existing = await registry.producers.findByRegistrationNumber(provinceCode, registrationNumber);
    if (existing) {
      producerIds.set(demo.key, existing.id);
      continue;
    }
    const producer = await registry.producers.registerProducer(
      actor,
      {
        provinceCode,
        type: demo.type,
        legalForm: demo.legalForm ?? null,
        name: demoName(demo.name),
        registrationNumber,
        communeCode: demo.communeCode,
        legacyCommuneCode: demo.legacyCommuneCode,
        address: demo.address,
        latitude: demo.location[0],
        longitude: demo.location[1],
        representativeName: demoName(demo.representative),
        phone: `0212000${String(demo.serial).padStart(4, '0')}`,
        email: `${demo.key}@ocop.demo`,
        foundingYear: demo.foundingYear,
        memberCount: demo.memberCount,
      },
      SYSTEM_CONTEXT,
      { isDemo: true },
    );
    producerIds.set(demo.key, producer.id);
    createdProducers++;
    for (const product of demo.products) {
      await registry.products.createProduct(
        actor,
        {
          producerId: producer.id,
          productSetId: setId(product.set, sets.items),
          legacyProductSetId: product.legacySet ? setId(product.legacySet, legacySets.items) : null,
          nameVi: demoName(product.name),
          nameEn: product.nameEn ?? null,
          description: product.description,
          descriptionZh: product.descriptionZh ?? null,
          story: product.story ?? null,
          seasons: product.seasons ?? [],
          seasonNote: product.seasonNote ?? null,
          rawMaterial: product.rawMaterial ?? null,
          rawMaterialOrigin: product.rawMaterialOrigin ?? null,
          packaging: product.packaging ?? null,
          netQuantity: product.netQuantity ?? null,
          shelfLife: product.shelfLife ?? null,
          storageInstructions: product.storageInstructions ?? null,
          priceMin: product.price?.[0] ?? null,
          priceMax: product.price?.[1] ?? null,
          gtins: product.gtin ? [demoGtin(product.gtin)] : [],
          status: product.status ?? 'idea',
        },
        SYSTEM_CONTEXT,
        { isDemo: true },
      );
      createdProducts++;
    }
  }
  return { producerIds, createdProducers, createdProducts };
}
