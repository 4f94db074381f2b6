import { InputNumber } from 'antd';
import { MAX_PRICE_VND } from '@ocop/domain/registry';
import { groupThousands, parseVnd } from '../../../lib/money';

/**
 * A price in whole đồng, shown "1.200.000 ₫" while typing; the form keeps the integer 1200000.
 * antd passes `value`, `onChange` and `id` through from its Form.Item.
 */
export function PriceInput({
  value,
  onChange,
  id,
  placeholder,
  disabled,
  'aria-label': ariaLabel,
}: {
  value?: number | null;
  onChange?: (value: number | null) => void;
  id?: string;
  placeholder?: string;
  disabled?: boolean;
  'aria-label'?: string;
}) {
  return (
    <InputNumber<number>
      id={id}
      aria-label={ariaLabel}
      value={value ?? null}
      onChange={(next) => onChange?.(next ?? null)}
      formatter={(shown) => groupThousands(shown ?? '')}
      parser={(text) => parseVnd(text) as number}
      min={0}
      max={MAX_PRICE_VND}
      precision={0}
      step={1000}
      controls={false}
      inputMode="numeric"
      suffix="₫"
      placeholder={placeholder}
      disabled={disabled}
      style={{ width: '100%' }}
    />
  );
}
