import type { SealReport } from '../modules/evaluation';

/** The report of `ocop-admin verify-sheets`, in both languages; `tampered` sets the exit code. */
export function describeSealReport(report: SealReport): { message: string; tampered: boolean } {
  const summary = `Đã kiểm tra ${report.sealedSheets} phiếu niêm phong của ${report.dossiers} hồ sơ / checked ${report.sealedSheets} sealed sheets of ${report.dossiers} dossiers`;
  if (report.broken.length === 0) return { message: `${summary}: chuỗi niêm phong nguyên vẹn / the seal chains hold.`, tampered: false };
  const lines = report.broken.map(
    (link) =>
      `  hồ sơ / dossier ${link.dossierId}: phiếu / sheet ${link.sheetId} (thành viên / member ${link.memberId}, số / seq ${link.sealSeq ?? '—'}) — ${link.field}: mong đợi / expected ${link.expected}, lưu / stored ${link.stored ?? 'null'}`,
  );
  return {
    message: [`${summary}: ${report.broken.length} chuỗi bị phá vỡ / broken chains:`, ...lines].join('\n'),
    tampered: true,
  };
}
