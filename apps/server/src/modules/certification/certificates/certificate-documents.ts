import { can, DomainError } from '@ocop/domain/shared';
import { type CertificatePdfData, renderCertificates } from './certificate.pdf';
import type { CertificateJoined, CertificateRepository } from './certificate.repository';
import { type CertificateActor, type CertificateService, certificateNotFound } from './certificate.service';

export type RenderedCertificates = { name: string; bytes: Buffer };

/** Where the issuer dates its papers: the province's or the former district's name, Hà Nội for the ministry. */
function placeOf(row: CertificateJoined['certificate']): string {
  if (row.issuerLevel === 'ministry') return 'Hà Nội';
  return row.issuerName.replace(/^Ủy ban nhân dân\s+(tỉnh|thành phố|huyện|thị xã|quận)\s+/iu, '');
}

function pdfDataOf({ certificate: row }: CertificateJoined, verificationUrl: string): CertificatePdfData {
  return {
    number: row.number,
    stars: row.stars as 3 | 4 | 5,
    productName: row.productName,
    productSetName: row.productSetName,
    producerName: row.producerName,
    producerAddress: row.producerAddress,
    issuer: { name: row.issuerName, level: row.issuerLevel, placeName: placeOf(row) },
    decisionNumber: row.decisionNumber,
    decisionDate: row.decisionDate,
    issuedOn: row.issuedOn,
    expiresOn: row.expiresOn,
    signerTitle: row.signerTitle,
    signerName: row.signerName,
    verificationUrl,
  };
}

const fileName = (number: string) => `giay-chung-nhan-ocop-${number.replace(/[^0-9A-Za-z]+/g, '-')}.pdf`;

/** The certificates as PDF: one certificate, or all those one decision issued in one file (for printing and signing). */
export function createCertificateDocuments(deps: { repository: CertificateRepository; certificates: CertificateService }) {
  const { repository, certificates } = deps;
  return {
    one: async (actor: CertificateActor, id: string): Promise<RenderedCertificates> => {
      const row = await certificates.readable(actor, id);
      const bytes = await renderCertificates([pdfDataOf(row, certificates.verificationUrl(row.certificate.number))], {
        title: `Giấy chứng nhận sản phẩm OCOP số ${row.certificate.number}`,
      });
      return { name: fileName(row.certificate.number), bytes };
    },

    ofDecision: async (actor: CertificateActor, decisionId: string): Promise<RenderedCertificates> => {
      const rows = (await repository.listOfDecision(decisionId)).filter((row) => can(actor.grants, 'certificates.read', row.certificate));
      const first = rows[0];
      if (!first) throw certificateNotFound();
      if (rows.length > MAX_CERTIFICATES_PER_FILE)
        throw new DomainError('invalid', 'request.invalid', 'Too many certificates for one file.', { max: MAX_CERTIFICATES_PER_FILE });
      const bytes = await renderCertificates(
        rows.map((row) => pdfDataOf(row, certificates.verificationUrl(row.certificate.number))),
        { title: `Giấy chứng nhận sản phẩm OCOP theo Quyết định số ${first.certificate.decisionNumber}` },
      );
      return { name: fileName(`QD-${first.certificate.decisionNumber}`), bytes };
    },
  };
}

/** A decision recognises at most 500 dossiers (the decision body's bound), so one file holds at most that many pages. */
export const MAX_CERTIFICATES_PER_FILE = 500;

export type CertificateDocuments = ReturnType<typeof createCertificateDocuments>;
