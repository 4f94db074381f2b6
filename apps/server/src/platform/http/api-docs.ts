import type { FastifyInstance } from 'fastify';
import { html } from '../html/html';

type Operation = {
  summary?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: unknown;
  'x-access'?: unknown;
};
type OpenApiDocument = { info: { title: string; version: string }; paths: Record<string, Record<string, Operation>> };

/** A readable page of the API, rendered from the same OpenAPI document the JSON route serves. */
export function renderApiDocs(app: FastifyInstance): string {
  const spec = app.swagger() as unknown as OpenApiDocument;
  const byTag = new Map<string, { method: string; path: string; op: Operation }[]>();
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = op.tags?.[0] ?? 'Khác / Other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), { method: method.toUpperCase(), path, op }]);
    }
  }
  const sections = [...byTag.entries()].map(
    ([tag, ops]) =>
      html`<section><h2>${tag}</h2><table><thead><tr><th>Phương thức</th><th>Đường dẫn</th><th>Mô tả</th><th>Quyền</th><th>Tham số</th></tr></thead><tbody>${ops.map(
        ({ method, path, op }) =>
          html`<tr><td class="m ${method}">${method}</td><td><code>${path}</code></td><td>${op.summary ?? ''}</td><td>${formatAccess(op['x-access'])}</td><td>${(op.parameters ?? []).map((p) => html`<code>${p.name}</code><small> (${p.in}${p.required ? ', bắt buộc' : ''})</small> `)}${op.requestBody ? html`<small>JSON body</small>` : ''}</td></tr>`,
      )}</tbody></table></section>`,
  );
  return html`<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${spec.info.title} — API</title>
<style>body{font-family:system-ui,sans-serif;margin:1.5rem;color:#222}table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}th,td{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top;font-size:.9rem}.m{font-weight:700}.GET{color:#1a7f37}.POST{color:#0550ae}.PUT{color:#9a6700}.DELETE{color:#cf222e}h2{margin-top:2rem;font-size:1.15rem}</style></head>
<body><h1>${spec.info.title} <small>v${spec.info.version}</small></h1><p>Tài liệu API sinh tự động từ hợp đồng (contracts). Bản máy đọc: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3). Lỗi trả về theo RFC 7807 (<code>application/problem+json</code>) với <code>code</code> ổn định.</p>${sections}</body></html>`
    .value;
}

function formatAccess(access: unknown): string {
  if (access === 'public') return 'công khai';
  if (access === 'authenticated') return 'đã đăng nhập';
  if (Array.isArray(access)) return access.join(', ');
  return '';
}
