import type { ProducerPlace } from '@ocop/domain/registry';
import type { ProducerRow } from './producer.tables';

export { productSearchText } from '@ocop/domain/registry';

export function placeOfProducer(row: Pick<ProducerRow, 'id' | 'provinceCode' | 'communeCode'>): ProducerPlace {
  return { producerId: row.id, provinceCode: row.provinceCode, communeCode: row.communeCode };
}
