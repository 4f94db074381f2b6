import type { DocumentKind, ProducerStatus, ProductStatus } from '@ocop/domain/registry';

/** Facts about a document that a subscriber needs without reading it back. */
type DocumentFacts = {
  documentId: string;
  producerId: string;
  productId: string | null;
  provinceCode: string;
  kind: DocumentKind;
  validTo: string | null;
};

/**
 * What the registry publishes when its records change state, each inside the transaction of the
 * change. Other modules (evaluation, certificates) subscribe in app.ts. `storeKeys` name the
 * blobs a removed file used, so after-commit work can remove those no other file uses.
 */
export type RegistryEvents = {
  'registry.producer_status_changed': {
    producerId: string;
    provinceCode: string;
    from: ProducerStatus;
    to: ProducerStatus;
    reason: string | null;
  };
  'registry.product_status_changed': {
    productId: string;
    producerId: string;
    provinceCode: string;
    from: ProductStatus;
    to: ProductStatus;
  };
  /** A product's fields changed (names, texts, prices…): `fields` names them. */
  'registry.product_updated': { productId: string; producerId: string; provinceCode: string; fields: string[] };
  'registry.document_added': DocumentFacts & { fileId: string };
  'registry.document_updated': DocumentFacts;
  'registry.document_removed': DocumentFacts & { fileId: string; storeKeys: string[] };
  'registry.product_image_added': { productId: string; provinceCode: string; imageId: string; fileId: string; isPrimary: boolean };
  'registry.product_image_removed': { productId: string; provinceCode: string; imageId: string; fileId: string; storeKeys: string[] };
  /** The product's primary picture is now `imageId` (null: it has no picture left). */
  'registry.product_primary_image_changed': {
    productId: string;
    provinceCode: string;
    imageId: string | null;
    previousImageId: string | null;
  };
};
