import type { FastifyPluginAsync } from 'fastify';
import { html } from '../html/html';
import { renderPublicPage } from '../html/public-page';
import { PUBLIC_CACHE } from './public-edge';

/**
 * `GET /about`: who runs this system and where its parts are — the page a citizen lands on from a
 * stamp or a link without a serial, and the first page of the public edge that the scan,
 * verification and catalogue pages copy (public access, no session, cacheable, hidden from the
 * API docs). It reads nothing, so it is rendered once at start-up.
 */
export function aboutPage(): FastifyPluginAsync {
  const page = renderPublicPage({
    title: 'OCOP — Mỗi xã một sản phẩm',
    body: html`<h1>Chương trình OCOP — Mỗi xã một sản phẩm</h1>
<p>Hệ thống quản lý chương trình OCOP của tỉnh: đăng ký chủ thể và sản phẩm, đánh giá, phân hạng, cấp giấy chứng nhận, truy xuất nguồn gốc và tem sản phẩm.</p>
<p class="en" lang="en">The province’s system for the OCOP programme (“One Commune One Product”): producer and product registry, evaluation and rating, certificates, traceability and product stamps.</p>
<h2>Dành cho cán bộ và chủ thể <span class="en" lang="en">/ For staff and producers</span></h2>
<p><a href="/">Đăng nhập hệ thống quản lý</a> <span class="en" lang="en">— log in to the back office</span></p>
<h2>Dành cho nhà phát triển <span class="en" lang="en">/ For developers</span></h2>
<p><a href="/api/docs">Tài liệu API</a> <span class="en" lang="en">— API documentation</span></p>
<footer>OCOP — Mỗi xã một sản phẩm</footer>`,
  });
  return async (app) => {
    app.get('/about', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) =>
      reply.header('cache-control', PUBLIC_CACHE.page).type('text/html; charset=utf-8').send(page),
    );
  };
}
