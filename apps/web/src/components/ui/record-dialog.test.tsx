// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Form, Input } from 'antd';
import { afterEach, describe, expect, it } from 'vitest';
import { AppProvider } from '../../app/provider';
import { ApiError } from '../../lib/api-client';
import { RecordDialog } from './record-dialog';

afterEach(cleanup);

type Values = { name: string; phone?: string };

function renderDialog(save: (values: Values) => Promise<void>) {
  const closed: number[] = [];
  render(
    <AppProvider initialLanguage="vi">
      <RecordDialog<Values>
        title="Thêm điểm bán"
        testId="point"
        fields={['name', 'phone']}
        initialValues={{ name: 'Điểm bán Mộc Châu' }}
        pending={false}
        save={save}
        onClose={() => closed.push(1)}
      >
        <Form.Item name="name" label="Tên">
          <Input />
        </Form.Item>
        <Form.Item name="phone" label="Điện thoại">
          <Input />
        </Form.Item>
      </RecordDialog>
    </AppProvider>,
  );
  return { closed, save: () => fireEvent.click(screen.getByTestId('point-save')) };
}

describe('a record dialog', () => {
  it('saves the form’s values and closes', async () => {
    const saved: Values[] = [];
    const dialog = renderDialog(async (values) => {
      saved.push(values);
    });
    expect(await screen.findByText('Thêm điểm bán', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByTestId('point-form')).toBeTruthy();
    dialog.save();
    await waitFor(() => expect(dialog.closed).toHaveLength(1));
    expect(saved).toEqual([{ name: 'Điểm bán Mộc Châu', phone: undefined }]);
  });

  it('shows a refusal naming a field under that field and stays open', async () => {
    const dialog = renderDialog(async () => {
      throw new ApiError(422, 'sales_point.invalid_phone', 'Bad phone', { field: 'phone' });
    });
    await screen.findByText('Thêm điểm bán', {}, { timeout: 10_000 });
    dialog.save();
    const hasError = (id: string) => document.getElementById(id)?.closest('.ant-form-item')?.classList.contains('ant-form-item-has-error');
    await waitFor(() => expect(hasError('phone')).toBe(true));
    expect(hasError('name')).toBe(false);
    expect(document.querySelector('.ant-alert')).toBeNull();
    expect(dialog.closed).toHaveLength(0);
  });

  it('shows a refusal naming no field in the dialog, and clears it when the user edits', async () => {
    const dialog = renderDialog(async () => {
      throw new ApiError(409, 'sales_point.stale_revision', 'Changed meanwhile', {});
    });
    await screen.findByText('Thêm điểm bán', {}, { timeout: 10_000 });
    dialog.save();
    await waitFor(() => expect(document.querySelector('.ant-alert')).toBeTruthy());
    expect(dialog.closed).toHaveLength(0);
    const name = document.querySelector<HTMLInputElement>('input#name');
    if (!name) throw new Error('no name field');
    fireEvent.change(name, { target: { value: 'Điểm bán Mai Sơn' } });
    await waitFor(() => expect(document.querySelector('.ant-alert')).toBeNull());
  });
});
