import { describe, expect, it } from 'vitest';
import { translate } from '../../lib/i18n';
import { fieldLabel, formatAuditValue } from './audit-format';

const t = (key: Parameters<typeof translate>[1], values?: Parameters<typeof translate>[2]) => translate('vi', key, values);

describe('audit of product seasons', () => {
  it('names the season fields and writes months as runs around the year', () => {
    expect(formatAuditValue('product', 'seasons', [1, 10, 11, 12], t)).toBe('Tháng 10 – Tháng 1');
    expect(formatAuditValue('product', 'seasons', [5, 6, 9], t)).toBe('Tháng 5 – Tháng 6, Tháng 9');
    expect(formatAuditValue('product', 'seasons', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], t)).toBe('Quanh năm');
    expect(formatAuditValue('product', 'seasons', [], t)).toBe(t('audit.empty'));
    expect(fieldLabel('product', 'descriptionZh', t)).toBe('Mô tả sản phẩm tiếng Trung');
    expect(fieldLabel('product', 'seasonNote', t)).toBe('Ghi chú mùa vụ');
  });
});
