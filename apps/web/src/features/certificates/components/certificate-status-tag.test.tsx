// @vitest-environment happy-dom
import type { CertificateStatus } from '@ocop/domain/certification';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../../lib/i18n';
import { CertificateStatusTag } from './certificate-status-tag';

afterEach(cleanup);

function tagOf(status: CertificateStatus, daysLeft: number | null = null, language: 'vi' | 'en' = 'vi') {
  render(
    <I18nProvider initialLanguage={language}>
      <CertificateStatusTag status={status} daysLeft={daysLeft} />
    </I18nProvider>,
  );
  return screen.findByTestId('certificate-status');
}

describe('CertificateStatusTag', () => {
  it.each<[CertificateStatus, string, string | null]>([
    ['valid', 'Còn hiệu lực', 'green'],
    ['in_re_evaluation', 'Còn hiệu lực – đang đánh giá lại', 'green'],
    ['expiring', 'Còn hiệu lực – sắp hết hạn · còn 40 ngày', 'gold'],
    ['extended', 'Còn hiệu lực đến khi có kết quả đánh giá lại · còn 40 ngày', 'gold'],
    ['expired', 'Hết hiệu lực', 'red'],
    ['revoked', 'Đã thu hồi', 'red'],
    ['superseded', 'Đã được thay thế', null],
  ])('shows %s as “%s” in %s (grey when null)', async (status, text, color) => {
    const tag = await tagOf(status, 40);
    expect(tag.textContent).toBe(text);
    for (const candidate of ['green', 'gold', 'red']) expect(tag.classList.contains(`ant-tag-${candidate}`)).toBe(candidate === color);
  });

  it('says the last day rather than “còn 0 ngày”, and reads English when asked', async () => {
    expect((await tagOf('expiring', 0)).textContent).toBe('Còn hiệu lực – sắp hết hạn · ngày cuối cùng');
    cleanup();
    expect((await tagOf('valid', 300, 'en')).textContent).toBe('Valid');
  });
});
