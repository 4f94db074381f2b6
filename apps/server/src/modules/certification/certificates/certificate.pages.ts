import { CERTIFICATE_STATUS_LABELS, type PublicCertificateView, REVOCATION_GROUND_LABELS } from '@ocop/contracts/certification';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { html, type SafeHtml } from '../../../platform/html/html';
import { renderPublicPage } from '../../../platform/html/public-page';
import { PUBLIC_CACHE } from '../../../platform/http/public-edge';
import { dayMonthYear } from './certificate-issuing';
import type { CertificateService } from './certificate.service';

/** Longest path we read as a number (a number is at most 64 characters; its URL form a little more). */
const MAX_PATH = 200;

const TONE: Record<PublicCertificateView['status'], { color: string; background: string }> = {
  valid: { color: '#0f5c2e', background: '#dcf3e3' },
  expiring: { color: '#7a4b00', background: '#fff1c7' },
  in_re_evaluation: { color: '#0f5c2e', background: '#dcf3e3' },
  extended: { color: '#7a4b00', background: '#fff1c7' },
  expired: { color: '#8a1c1c', background: '#fde2e2' },
  revoked: { color: '#8a1c1c', background: '#fde2e2' },
  superseded: { color: '#3d4451', background: '#e6e8eb' },
};

const wantsJson = (request: FastifyRequest) => {
  const accept = request.headers.accept ?? '';
  const json = accept.indexOf('application/json');
  const page = accept.indexOf('text/html');
  return json >= 0 && (page < 0 || json < page);
};

/**
 * `GET /c/:number`: the public verification of a certificate, what its QR code opens. Server-rendered
 * HTML of a few KB with no script, the status first in large colour; JSON by content negotiation.
 * Expired, revoked and superseded certificates stay here, saying why and since when. A malformed or
 * unknown number costs the same lookup as a real one and gets a page of the same frame.
 */
export function certificatePages(certificates: CertificateService): FastifyPluginAsync {
  return async (app) => {
    app.get('/c/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
      const raw = (request.params as { '*': string })['*'] ?? '';
      const result = await certificates.verify(raw.length > MAX_PATH ? '' : raw);
      reply.header('cache-control', PUBLIC_CACHE.none).header('vary', 'accept');
      if (result.kind !== 'found') {
        const status = result.kind === 'malformed' ? 400 : 404;
        const code = result.kind === 'malformed' ? 'certificate.number_malformed' : 'certificate.not_found';
        if (wantsJson(request)) return reply.status(status).send({ code, number: result.kind === 'unknown' ? result.number : null });
        return sendPage(reply.status(status), notFoundPage(result.kind === 'unknown' ? result.number : null));
      }
      if (wantsJson(request)) return reply.send(result.view);
      return sendPage(reply, verificationPage(result.view));
    });
  };
}

function sendPage(reply: FastifyReply, page: string) {
  return reply.type('text/html; charset=utf-8').send(page);
}

function notFoundPage(number: string | null): string {
  return renderPublicPage({
    title: 'Không tìm thấy giấy chứng nhận OCOP',
    body: html`<p class="verdict" style="color:#8a1c1c;background:#fde2e2;border-radius:.5rem;padding:1rem;font-size:1.5rem;font-weight:700;margin:0">Không tìm thấy giấy chứng nhận <span class="en" lang="en" style="display:block;font-size:1rem;font-weight:400">No such certificate</span></p>
<p>${number ? html`Không có giấy chứng nhận OCOP nào mang số <strong>${number}</strong>.` : 'Số giấy chứng nhận không đúng định dạng.'} Hãy kiểm tra lại số in trên giấy chứng nhận hoặc quét lại mã QR. Sản phẩm tự nhận là OCOP mà không có giấy chứng nhận tại đây có thể là hàng giả mạo.</p>
<p class="en" lang="en">${number ? 'No OCOP certificate has this number.' : 'The certificate number is malformed.'} Check the number printed on the certificate or scan the QR code again. A product claiming OCOP status without a certificate here may be counterfeit.</p>
<footer>OCOP — Mỗi xã một sản phẩm · <a href="/about">Giới thiệu</a></footer>`,
  });
}

function verificationPage(view: PublicCertificateView): string {
  const label = CERTIFICATE_STATUS_LABELS[view.status];
  const tone = TONE[view.status];
  const stars = '★'.repeat(view.stars);
  return renderPublicPage({
    title: `${label.vi} — Giấy chứng nhận OCOP số ${view.number}`,
    body: html`<p class="verdict" style="color:${tone.color};background:${tone.background};border-radius:.5rem;padding:1rem;font-size:1.6rem;font-weight:700;margin:0">${label.vi}<span class="en" lang="en" style="display:block;font-size:1rem;font-weight:400">${label.en}</span>${why(view)}</p>
<h1>${view.productName}</h1>
<p style="font-size:1.5rem;color:#b8860b;margin:.25rem 0" aria-label="${view.stars} sao">${stars} <span style="font-size:1rem;color:#1f2328">Sản phẩm OCOP ${view.stars} sao</span></p>
<dl style="display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem">
<dt>Chủ thể <span class="en" lang="en">/ Producer</span></dt><dd style="margin:0">${view.producerName}${view.producerAddress ? html`<br><small>${view.producerAddress}</small>` : ''}</dd>
${view.productSetName ? html`<dt>Bộ sản phẩm <span class="en" lang="en">/ Product set</span></dt><dd style="margin:0">${view.productSetName}</dd>` : ''}
<dt>Số giấy chứng nhận <span class="en" lang="en">/ No.</span></dt><dd style="margin:0">${view.number}</dd>
<dt>Ngày cấp <span class="en" lang="en">/ Issued</span></dt><dd style="margin:0">${dayMonthYear(view.issuedOn)}</dd>
<dt>Hiệu lực đến <span class="en" lang="en">/ Valid to</span></dt><dd style="margin:0">${dayMonthYear(view.expiresOn)}${view.validUntil && view.validUntil !== view.expiresOn ? html` (gia hạn đến ${dayMonthYear(view.validUntil)})` : ''}</dd>
<dt>Cơ quan cấp <span class="en" lang="en">/ Issuer</span></dt><dd style="margin:0">${view.issuer.name}</dd>
<dt>Quyết định <span class="en" lang="en">/ Decision</span></dt><dd style="margin:0">Số ${view.decisionNumber} ngày ${dayMonthYear(view.decisionDate)}</dd>
<dt>Bộ tiêu chí <span class="en" lang="en">/ Criteria</span></dt><dd style="margin:0">QĐ ${view.regimeCode}</dd>
</dl>
<footer>Thông tin do cơ quan thường trực Chương trình OCOP của tỉnh cập nhật · <a href="/about">Giới thiệu</a></footer>`,
  });
}

/** Why a certificate no longer lets the product show the mark, and since when. */
function why(view: PublicCertificateView): SafeHtml | string {
  const small = (vi: string | SafeHtml, en: string) =>
    html`<span style="display:block;font-size:1rem;font-weight:400;margin-top:.5rem">${vi}<span class="en" lang="en" style="display:block">${en}</span></span>`;
  if (view.status === 'revoked' && view.revocation) {
    const ground = REVOCATION_GROUND_LABELS[view.revocation.ground];
    return small(
      html`Thu hồi từ ngày ${dayMonthYear(view.revocation.effectiveOn)} theo Quyết định số ${view.revocation.decisionNumber} ngày ${dayMonthYear(view.revocation.decidedOn)}. Lý do: ${ground.vi}.`,
      `Revoked from ${view.revocation.effectiveOn} (${ground.en}). The product may no longer show the OCOP mark.`,
    );
  }
  if (view.status === 'expired' && view.statusSince)
    return small(
      `Hết hiệu lực từ ngày ${dayMonthYear(view.statusSince)}; sản phẩm không còn được sử dụng nhãn OCOP.`,
      `Expired on ${view.statusSince}.`,
    );
  if (view.status === 'superseded' && view.supersededBy)
    return small(
      html`Được thay thế từ ngày ${dayMonthYear(view.supersededBy.on)} bởi giấy chứng nhận <a href="${verificationPath(view.supersededBy.number)}">số ${view.supersededBy.number}</a>.`,
      `Replaced by a newer certificate.`,
    );
  if (view.validUntil)
    return small(
      `Sản phẩm được sử dụng nhãn OCOP đến hết ngày ${dayMonthYear(view.validUntil)}.`,
      `The product may show the OCOP mark until ${view.validUntil}.`,
    );
  return '';
}

const verificationPath = (number: string) => `/c/${number.split('/').map(encodeURIComponent).join('/')}`;
