import type { RoleGrant } from '@ocop/domain/shared';
import type { OcopApp } from '../app';
import { DEMO_PROVINCE, SYSTEM_CONTEXT } from '../modules/identity';

export const DEMO_NEWS_SLUG = 'son-la-85-san-pham-ocop-va-ke-hoach-den-2025';
export const DEMO_LEGAL_SLUG = 'quyet-dinh-26-2026-qd-ttg';

/** The seed writes as the system, with a system administrator's reach. */
const SYSTEM: { grants: RoleGrant[]; userId: null } = {
  grants: [{ role: 'system_admin', provinceCode: null, communeCode: null, producerId: null, salesPointId: null }],
  userId: null,
};

/**
 * The programme's own story (the seed of `shared/domain/OCOP.md`): Sơn La's 85 products after three
 * years, 29 at 4 stars and 56 at 3, the 202 of early 2025 and the province's plan for 2022–2025.
 */
const NEWS = {
  kind: 'news' as const,
  provinceCode: DEMO_PROVINCE,
  slug: DEMO_NEWS_SLUG,
  title: '(Demo) Sơn La: 85 sản phẩm OCOP sau ba năm, hướng tới sản phẩm 5 sao quốc gia',
  summary:
    'Sau ba năm thực hiện Chương trình Mỗi xã một sản phẩm, Sơn La có 85 sản phẩm OCOP: 29 sản phẩm 4 sao và 56 sản phẩm 3 sao; đến đầu năm 2025 con số đã lên 202.',
  bodyHtml: `<p>Sau ba năm triển khai <strong>Chương trình Mỗi xã một sản phẩm (OCOP)</strong>, tỉnh Sơn La đã có <strong>85 sản phẩm</strong> được công nhận, trong đó <strong>29 sản phẩm đạt 4 sao</strong> và <strong>56 sản phẩm đạt 3 sao</strong>. Các sản phẩm tiêu biểu gồm cà phê, chè Shan tuyết, mận hậu, xoài, mật ong và các sản phẩm từ dược liệu của các hợp tác xã vùng cao.</p>
<h2>Đến năm 2025: 202 sản phẩm</h2>
<p>Đến đầu năm 2025, toàn tỉnh có <strong>202 sản phẩm OCOP</strong> từ 3 sao trở lên, trong đó có sản phẩm cà phê được công nhận 5 sao quốc gia.</p>
<h2>Kế hoạch của tỉnh</h2>
<ul><li>Có thêm 2–3 sản phẩm đạt 5 sao quốc gia và 100–300 sản phẩm 3 sao, 4 sao.</li><li>Mỗi huyện, thành phố có ít nhất một điểm giới thiệu và bán sản phẩm OCOP.</li><li>Ứng dụng công nghệ thông tin trong quản lý chương trình: đăng ký, đánh giá, truy xuất nguồn gốc và tem sản phẩm.</li></ul>
<p>Thông tin của tỉnh: <a href="https://sonla.gov.vn">Cổng thông tin điện tử tỉnh Sơn La</a>.</p>
<p><em>Bài viết mẫu (dữ liệu demo).</em></p>`,
};

const LEGAL = {
  kind: 'legal' as const,
  provinceCode: DEMO_PROVINCE,
  slug: DEMO_LEGAL_SLUG,
  title: 'Quyết định 26/2026/QĐ-TTg ban hành Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm OCOP',
  summary:
    'Bộ tiêu chí mới thay thế Quyết định 148/QĐ-TTg (2023) và 1489/QĐ-TTg (2025): 26 bộ sản phẩm trong 6 nhóm, thang điểm A 40 / B 25 / C 35; tỉnh công nhận 3 và 4 sao, Bộ Nông nghiệp và Môi trường công nhận 5 sao; giấy chứng nhận có thời hạn 36 tháng.',
  bodyHtml: `<p>Thủ tướng Chính phủ ban hành Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm mỗi xã một sản phẩm (OCOP), có hiệu lực từ ngày ký, 22/5/2026.</p>
<ul><li>Sản phẩm thuộc 6 nhóm, 26 bộ sản phẩm; phần A 40 điểm, phần B 25 điểm, phần C 35 điểm.</li><li>Ủy ban nhân dân tỉnh công nhận sản phẩm 3 sao và 4 sao; Bộ Nông nghiệp và Môi trường công nhận sản phẩm 5 sao.</li><li>Giấy chứng nhận kết quả phân hạng có giá trị 36 tháng.</li><li>Quyết định 148/QĐ-TTg và 1489/QĐ-TTg hết hiệu lực sau 60 ngày kể từ ngày Quyết định này có hiệu lực.</li></ul>`,
  legalKind: 'decision' as const,
  documentNumber: '26/2026/QĐ-TTg',
  issuingBody: 'Thủ tướng Chính phủ',
  signedOn: '2026-05-22',
  effectiveOn: '2026-05-22',
};

/**
 * One published news article and one published legal text (QĐ 26/2026/QĐ-TTg) of the Sơn La demo.
 * No PDF of the decision is shipped (the project holds only a text transcript), so it carries no
 * attachment. Idempotent: an item already at its address is left as it is.
 */
export async function seedContentDemo(modules: Pick<OcopApp['modules'], 'content'>): Promise<number> {
  let created = 0;
  for (const body of [NEWS, LEGAL]) {
    if (await modules.content.content.bySlug(SYSTEM, body.slug)) continue;
    const { item } = await modules.content.content.create(SYSTEM, body, SYSTEM_CONTEXT);
    await modules.content.content.step(SYSTEM, item.id, 'publish', item.version, SYSTEM_CONTEXT);
    created++;
  }
  return created;
}
