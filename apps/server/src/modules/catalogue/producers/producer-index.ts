import { slugify } from '@ocop/domain/registry';
import type { CatalogueProduct } from '../catalogue-ports';

/** A producer with at least one product in the catalogue: the only ones that have a public page. */
export type PublicProducer = {
  id: string;
  name: string;
  /** `/chu-the/<slug>`: the name's slug, then the first 10 hex digits of the producer's id. */
  slug: string;
  provinceCode: string;
  provinceName: string | null;
  communeCode: string;
  communeName: string | null;
  legacyDistrictName: string | null;
  products: CatalogueProduct[];
};

const KEY = /-([0-9a-f]{10})$/;

/** The stable part of a producer's address: its id does not change when its name does. */
const keyOf = (producerId: string) => producerId.replace(/-/g, '').slice(0, 10);

/** The path of a producer's public page: `/chu-the/htx-nong-lam-nghiep-bac-yen-0a1b2c3d4e`. */
export function producerPath(producer: { id: string; name: string }): string {
  return `/chu-the/${slugify(producer.name, 'chu-the')}-${keyOf(producer.id)}`;
}

type ProducerIndex = { byId: Map<string, PublicProducer>; byKey: Map<string, PublicProducer[]> };

// One index per catalogue snapshot: the snapshot's array is replaced, never changed, when the catalogue is rebuilt.
const indexes = new WeakMap<readonly CatalogueProduct[], ProducerIndex>();

function indexOf(products: readonly CatalogueProduct[]): ProducerIndex {
  const known = indexes.get(products);
  if (known) return known;
  const byId = new Map<string, PublicProducer>();
  for (const product of products) {
    let producer = byId.get(product.producer.id);
    if (!producer) {
      producer = {
        id: product.producer.id,
        name: product.producer.name,
        slug: producerPath(product.producer).slice('/chu-the/'.length),
        provinceCode: product.provinceCode,
        provinceName: product.provinceName,
        communeCode: product.communeCode,
        communeName: product.communeName,
        legacyDistrictName: product.legacyDistrictName,
        products: [],
      };
      byId.set(producer.id, producer);
    }
    producer.products.push(product);
  }
  const byKey = new Map<string, PublicProducer[]>();
  for (const producer of byId.values()) {
    const key = keyOf(producer.id);
    byKey.set(key, [...(byKey.get(key) ?? []), producer]);
  }
  const index = { byId, byKey };
  indexes.set(products, index);
  return index;
}

/** Every producer with a public page. */
export const publicProducers = (products: readonly CatalogueProduct[]): PublicProducer[] => [...indexOf(products).byId.values()];

export const publicProducerById = (products: readonly CatalogueProduct[], id: string): PublicProducer | undefined =>
  indexOf(products).byId.get(id);

/**
 * The producer an address names, by the id digits at its end (the name part may be out of date: the
 * page then redirects to the current address). Two producers sharing the 10 digits (about one chance
 * in 10¹² per pair) are told apart by the name part.
 */
export function publicProducerBySlug(products: readonly CatalogueProduct[], slug: string): PublicProducer | undefined {
  const key = KEY.exec(slug)?.[1];
  if (!key) return undefined;
  const found = indexOf(products).byKey.get(key) ?? [];
  return found.find((producer) => producer.slug === slug) ?? found[0];
}
