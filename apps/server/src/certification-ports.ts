import { foldVietnamese, isDomainError, type RoleGrant } from '@ocop/domain/shared';
import type { CertificationEvaluation, CertificationRegistry } from './modules/certification';
import type { EvaluationModule } from './modules/evaluation';
import type { GeographyModule } from './modules/geography';
import type { RegistryModule } from './modules/registry';

/** The map before the July 2025 reform: legacy certificates name its districts and communes. */
const FORMER_MAP_DAY = '2025-06-30';

/** The certification reads the registry as the system: its own routes check who may read a certificate. */
const SYSTEM: { grants: readonly RoleGrant[] } = {
  grants: [{ role: 'system_admin', provinceCode: null, communeCode: null, producerId: null, salesPointId: null }],
};

/** The evaluation's recognitions and terms, as the certification reads them (wiring, kept apart from app.ts). */
export function certificationEvaluationPort(evaluation: EvaluationModule): CertificationEvaluation {
  // A regime is reference data, fixed once loaded; the public verification asks for its terms on every request.
  const terms = new Map<string, { validityMonths: number; lateExtensionMaxDays: number }>();
  return {
    recognitionOf: evaluation.recognitions.recognitionOf,
    pendingReEvaluations: evaluation.recognitions.pendingReEvaluations,
    terms: async (regimeCode) => {
      const known = terms.get(regimeCode);
      if (known) return known;
      const regime = await evaluation.criteria.regime(regimeCode);
      const found = {
        validityMonths: regime.certificateValidityMonths ?? 36,
        lateExtensionMaxDays: regime.transition?.lateReEvaluationExtensionMaxDays ?? 180,
      };
      terms.set(regimeCode, found);
      return found;
    },
    reEvaluationRules: async () => {
      const regime = await evaluation.criteria.regimeInForce();
      return {
        decisionName: regime.name,
        window: regime.reEvaluationFiling,
        lateExtensionMaxDays: regime.transition?.lateReEvaluationExtensionMaxDays ?? 180,
      };
    },
  };
}

/** The registry's product details and the map, as the certification reads them. */
export function certificationRegistryPort({
  registry,
  geography,
}: {
  registry: RegistryModule;
  geography: GeographyModule;
}): CertificationRegistry {
  const units = geography.adminUnits;
  return {
    productDetails: async (productId) => {
      const product = await registry.products.getProduct(SYSTEM, productId).catch(() => null);
      if (!product) return null;
      const producer = await registry.producers.getProducer(SYSTEM, product.producer.id);
      const productSet = await registry.classification.getSet(product.productSetId);
      const [commune, province] = await Promise.all([units.findUnit(producer.communeCode), units.findUnit(producer.provinceCode)]);
      // The address often names its commune already ("…, xã Ngọc Chiến"): add the unit only where it does not.
      const named = foldVietnamese(producer.address ?? '');
      const missing = [commune?.name, province?.name].filter(
        (name): name is string => !!name && !named.includes(foldVietnamese(name.replace(/^(Xã|Phường|Đặc khu|Tỉnh|Thành phố)\s+/u, ''))),
      );
      const place = [producer.address, ...missing].filter(Boolean).join(', ');
      return { productSetName: productSet.name, producerAddress: place || null, communeCode: producer.communeCode };
    },
    productByCode: async (provinceCode, code) => {
      const row = await registry.products.findByCode(code);
      if (!row) return null;
      const product = await registry.products.getProduct(SYSTEM, row.id);
      if (product.producer.provinceCode !== provinceCode) return null;
      return {
        id: product.id,
        producerId: product.producer.id,
        name: product.nameVi,
        producerName: product.producer.name,
        communeCode: product.producer.communeCode,
      };
    },
    provinceName: async (provinceCode) => (await units.findUnit(provinceCode))?.name ?? null,
    formerDistricts: async (provinceCode) => {
      const { districts, communes } = await units.unitsOfProvince(provinceCode, FORMER_MAP_DAY);
      return districts.map((district) => ({
        code: district.code,
        name: district.name,
        communes: communes
          .filter((commune) => commune.parentCode === district.code)
          .map((commune) => ({ code: commune.code, name: commune.name })),
      }));
    },
    successorCommune: async (oldCommuneCode) => (await units.successorsOf(oldCommuneCode).catch(() => []))[0]?.newUnit.code ?? null,
    producerContact: async (producerId) => {
      const producer = await registry.producers.getProducer(SYSTEM, producerId).catch((error: unknown) => {
        if (isDomainError(error) && error.kind === 'not_found') return null;
        throw error;
      });
      return producer && { phone: producer.phone, name: producer.representativeName ?? producer.name };
    },
  };
}
