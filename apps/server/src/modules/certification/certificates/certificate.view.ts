import type { CertificateView, PublicCertificateView } from '@ocop/contracts/certification';
import { certificateStatus, mayShowMark, type PendingReEvaluation, type StatusPolicy } from '@ocop/domain/certification';
import type { CertificateJoined } from './certificate.repository';

/** The public address of a certificate's verification page (what its QR code holds). */
export function verificationUrl(publicUrl: string, number: string): string {
  return `${publicUrl.replace(/\/$/, '')}/c/${number.split('/').map(encodeURIComponent).join('/')}`;
}

/** A certificate as it stands today: its facts and its status derived from them. */
export function certificateViewOf(
  { certificate: row, revocation, supersededByNumber }: CertificateJoined,
  pending: PendingReEvaluation | null,
  today: string,
  policy: StatusPolicy,
  publicUrl: string,
): CertificateView {
  const derived = certificateStatus(
    {
      issuedOn: row.issuedOn,
      expiresOn: row.expiresOn,
      revokedFrom: revocation?.effectiveOn ?? null,
      supersededFrom: row.supersededOn,
      // A re-evaluation counts only for the current certificate it renews.
      pendingReEvaluation: row.supersededById ? null : pending,
    },
    today,
    policy,
  );
  return {
    id: row.id,
    number: row.number,
    provinceCode: row.provinceCode,
    source: row.source,
    stars: row.stars,
    status: derived.status,
    statusSince: derived.since,
    validUntil: derived.validUntil,
    daysLeft: derived.daysLeft,
    mayShowMark: mayShowMark(derived.status),
    productId: row.productId,
    productName: row.productName,
    productCode: row.productCode,
    productSetName: row.productSetName,
    producerId: row.producerId,
    producerName: row.producerName,
    producerAddress: row.producerAddress,
    communeCode: row.communeCode,
    legacyDistrictCode: row.legacyDistrictCode,
    legacyDistrictName: row.legacyDistrictName,
    legacyCommuneCode: row.legacyCommuneCode,
    issuer: { level: row.issuerLevel, name: row.issuerName, unitCode: row.issuerUnitCode },
    regimeCode: row.regimeCode,
    decisionNumber: row.decisionNumber,
    decisionDate: row.decisionDate,
    dossierId: row.dossierId,
    decisionId: row.decisionId,
    issuedOn: row.issuedOn,
    expiresOn: row.expiresOn,
    supersededBy:
      row.supersededById && row.supersededOn && supersededByNumber
        ? { id: row.supersededById, number: supersededByNumber, on: row.supersededOn }
        : null,
    revocation: revocation && {
      ground: revocation.ground,
      decisionNumber: revocation.decisionNumber,
      decidedOn: revocation.decidedOn,
      findingOn: revocation.findingOn,
      effectiveOn: revocation.effectiveOn,
      reason: revocation.reason,
    },
    pendingReEvaluation: row.supersededById ? null : pending,
    verificationUrl: verificationUrl(publicUrl, row.number),
  };
}

/**
 * What the public may read: no internal ids. A revocation shows on the public page only from the
 * day it takes effect (Art. 8: 15 days after the finding); before that the certificate is valid.
 */
export function publicViewOf(view: CertificateView): PublicCertificateView {
  const revocationInEffect = view.status === 'revoked' ? view.revocation : null;
  return {
    number: view.number,
    stars: view.stars,
    status: view.status,
    statusSince: view.statusSince,
    validUntil: view.validUntil,
    mayShowMark: view.mayShowMark,
    productName: view.productName,
    productSetName: view.productSetName,
    producerName: view.producerName,
    producerAddress: view.producerAddress,
    issuer: view.issuer,
    regimeCode: view.regimeCode,
    decisionNumber: view.decisionNumber,
    decisionDate: view.decisionDate,
    issuedOn: view.issuedOn,
    expiresOn: view.expiresOn,
    verificationUrl: view.verificationUrl,
    revocation: revocationInEffect,
    supersededBy: view.status === 'superseded' && view.supersededBy ? { number: view.supersededBy.number, on: view.supersededBy.on } : null,
  };
}
