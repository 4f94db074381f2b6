import type { ProducerPlace } from '@ocop/domain/registry';
import { foldVietnamese } from '@ocop/domain/shared';
import type { ProducerRow } from './producer.tables';

export function placeOfProducer(row: Pick<ProducerRow, 'id' | 'provinceCode' | 'communeCode'>): ProducerPlace {
  return { producerId: row.id, provinceCode: row.provinceCode, communeCode: row.communeCode };
}

/**
 * What a product is found by: its names, its code and its producer's name and registration number
 * (tax code), folded — officers look products up by the producer's tax code, as the search box says.
 */
export function productSearchText(
  product: { nameVi: string; nameEn: string | null; code: string },
  producer: { name: string; registrationNumber: string },
): string {
  return foldVietnamese(
    [product.nameVi, product.nameEn ?? '', product.code, producer.name, producer.registrationNumber]
      .filter((part) => part !== '')
      .join(' '),
  );
}
