import type { RoleGrant } from '@ocop/domain/shared';
import type { DossierRegistry } from './modules/evaluation';
import type { GeographyModule } from './modules/geography';
import type { RegistryModule } from './modules/registry';

/**
 * The registry's products and documents as the evaluation reads them (part of app.ts's wiring, kept
 * apart so app.ts stays a page): the registry decides who may read what (404 outside one's scope),
 * the evaluation adds its own rules.
 */
export function evaluationRegistryPort({ registry, geography }: { registry: RegistryModule; geography: GeographyModule }): DossierRegistry {
  const readAssessedProduct = async (actor: { grants: readonly RoleGrant[] }, productId: string) => {
    const product = await registry.products.getProduct(actor, productId);
    const productSet = await registry.classification.getSet(product.productSetId);
    return { product, productSet };
  };
  return {
    // The registry decides who may read a product (404 outside one's scope); the evaluation adds its own rules.
    read: async (actor, productId) => {
      const { product, productSet } = await readAssessedProduct(actor, productId);
      return {
        id: product.id,
        name: product.nameVi,
        code: product.code,
        producer: {
          id: product.producer.id,
          name: product.producer.name,
          provinceCode: product.producer.provinceCode,
          communeCode: product.producer.communeCode,
        },
        productSet: { versionCode: productSet.versionCode, code: productSet.code, name: productSet.name, mapsTo: productSet.mapsTo },
      };
    },
    registrationOf: async (actor, productId) => {
      const { product, productSet } = await readAssessedProduct(actor, productId);
      const producer = await registry.producers.getProducer(actor, product.producer.id);
      const commune = await geography.adminUnits.findUnit(producer.communeCode);
      return {
        producerName: producer.name,
        producerType: producer.type,
        legalForm: producer.legalForm,
        registrationNumber: producer.registrationNumber,
        address: producer.address,
        communeCode: producer.communeCode,
        communeName: commune?.name ?? null,
        representativeName: producer.representativeName,
        phone: producer.phone,
        email: producer.email,
        foundingYear: producer.foundingYear,
        memberCount: producer.memberCount,
        productName: product.nameVi,
        productCode: product.code,
        productSetCode: productSet.code,
        productSetName: productSet.name,
      };
    },
    document: async (actor, documentId) => {
      const { document } = await registry.files.getDocument(actor.grants, documentId);
      return {
        id: document.id,
        producerId: document.producerId,
        productId: document.productId,
        kind: document.kind,
        validTo: document.validTo,
      };
    },
    documentsOf: async (actor, productId) => {
      const { product } = await readAssessedProduct(actor, productId);
      const documents = await registry.files.listDocuments(actor.grants, { producerId: product.producer.id });
      return documents
        .filter(({ document }) => document.productId === null || document.productId === productId)
        .map(({ document }) => ({
          id: document.id,
          producerId: document.producerId,
          productId: document.productId,
          kind: document.kind,
          validTo: document.validTo,
        }));
    },
    communeName: async (communeCode) => (await geography.adminUnits.findUnit(communeCode))?.name ?? null,
  };
}
