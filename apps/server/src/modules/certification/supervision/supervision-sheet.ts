import {
  CERTIFICATE_STATUS_LABELS,
  type CertificateView,
  REVOCATION_GROUND_LABELS,
  SUPERVISION_LIST_LABELS,
  SUPERVISION_ROW_LIMIT,
  type SupervisionListView,
} from '@ocop/contracts/certification';
import { type ReportCell, type ReportColumn, writeReportWorkbook } from '../../../platform/spreadsheets/sheet-writer';
import { dayMonthYear } from '../certificates/certificate-issuing';

type Column = ReportColumn & { value: (view: CertificateView) => ReportCell };

const COMMON: Column[] = [
  { header: 'Số GCN', width: 24, kind: 'text', value: (view) => view.number },
  { header: 'Sản phẩm', width: 36, value: (view) => view.productName },
  { header: 'Chủ thể', width: 34, value: (view) => view.producerName },
  { header: 'Địa chỉ', width: 40, value: (view) => view.producerAddress },
  { header: 'Số sao', width: 8, kind: 'number', value: (view) => view.stars },
  { header: 'Cơ quan cấp', width: 30, value: (view) => view.issuer.name },
  { header: 'Quyết định', width: 30, value: (view) => `${view.decisionNumber} ngày ${dayMonthYear(view.decisionDate)}` },
  { header: 'Ngày cấp', width: 12, kind: 'date', value: (view) => view.issuedOn },
  { header: 'Hết hạn', width: 12, kind: 'date', value: (view) => view.expiresOn },
  { header: 'Trạng thái', width: 30, value: (view) => CERTIFICATE_STATUS_LABELS[view.status].vi },
  { header: 'Số ngày còn lại', width: 12, kind: 'number', value: (view) => view.daysLeft },
];

const RE_EVALUATION: Column[] = [
  {
    header: 'Đã nộp hồ sơ đánh giá lại',
    width: 18,
    value: (view) => (view.pendingReEvaluation ? `Đã nộp ngày ${dayMonthYear(view.pendingReEvaluation.filedOn)}` : 'Chưa'),
  },
];

const REVOCATION: Column[] = [
  { header: 'Căn cứ thu hồi', width: 40, value: (view) => (view.revocation ? REVOCATION_GROUND_LABELS[view.revocation.ground].vi : null) },
  { header: 'Số QĐ thu hồi', width: 20, kind: 'text', value: (view) => view.revocation?.decisionNumber ?? null },
  { header: 'Ngày phát hiện', width: 12, kind: 'date', value: (view) => view.revocation?.findingOn ?? null },
  { header: 'Ngày hiệu lực', width: 12, kind: 'date', value: (view) => view.revocation?.effectiveOn ?? null },
];

function columnsOf(list: SupervisionListView['list']): Column[] {
  if (list === 'revoked') return [...COMMON, ...REVOCATION];
  if (list === 'expired_not_renewed') return COMMON;
  return [...COMMON, ...RE_EVALUATION];
}

/** "giam-sat-gcn-expiring_3m-2026-03-02.xlsx" */
export function supervisionFileName(view: Pick<SupervisionListView, 'list' | 'today'>): string {
  return `giam-sat-gcn-${view.list.replace(/_/g, '-')}-${view.today}.xlsx`;
}

/** A supervision list as an xlsx workbook: a title naming the list and the day, Vietnamese headers, one row per certificate. */
export function supervisionWorkbook(view: SupervisionListView): Promise<Buffer> {
  const columns = columnsOf(view.list);
  const label = SUPERVISION_LIST_LABELS[view.list].vi;
  const cut = view.truncated ? ` (chỉ xét ${SUPERVISION_ROW_LIMIT.toLocaleString('vi-VN')} giấy chứng nhận đầu tiên)` : '';
  return writeReportWorkbook({
    sheetName: label,
    title: `Giấy chứng nhận OCOP — ${label} — ngày ${dayMonthYear(view.today)}${cut}`,
    columns,
    rows: view.items.map((item) => columns.map((column) => column.value(item))),
    createdAt: new Date(`${view.today}T00:00:00Z`),
  });
}
