// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildMe, buildProducer, buildProduct, grant, PRODUCER_ID, productSetList, TEA_SET_ID } from '../../../testing/fixtures';
import { jsonResponse, problemResponse, type RecordedRequest, stubFetch } from '../../../testing/fetch-stub';
import { renderApp } from '../../../testing/render-app';
import { chooseOption } from '../../../testing/select';

const MEMBER = buildMe({ roles: [grant('producer_member', { provinceCode: '14', producerId: PRODUCER_ID })] });

function field(label: string): HTMLInputElement {
  return screen.getByLabelText(label, { selector: 'input' }) as HTMLInputElement;
}

function stubNewProduct(createAnswer: (request: RecordedRequest) => Response) {
  return stubFetch({
    'GET /api/auth/me': () => jsonResponse(MEMBER),
    [`GET /api/producers/${PRODUCER_ID}`]: () => jsonResponse(buildProducer()),
    'GET /api/product-sets': () => jsonResponse(productSetList()),
    'POST /api/products': createAnswer,
  });
}

async function fillTea() {
  await screen.findByTestId('product-form', {}, { timeout: 10_000 });
  fireEvent.change(field('Tên sản phẩm (tiếng Việt)'), { target: { value: 'Chè Shan tuyết Bích Thảo' } });
  // The label names the decision of the classification once the sets have loaded.
  await screen.findByLabelText('Bộ sản phẩm (QĐ 148/QĐ-TTg)', { selector: 'input' });
  await chooseOption(field('Bộ sản phẩm (QĐ 148/QĐ-TTg)'), '1.5.1 Chè tươi, chè chế biến', 'che');
}

describe('product form', () => {
  it('shows prices with thousands separators, checks the GTIN check digit, and sends whole đồng', async () => {
    const { requests } = stubNewProduct(() => jsonResponse(buildProduct(), 201));
    renderApp(`/products/new?producerId=${PRODUCER_ID}`);

    await fillTea();
    const lowest = field('Giá thấp nhất');
    fireEvent.change(lowest, { target: { value: '1200000' } });
    fireEvent.blur(lowest);
    await waitFor(() => expect(lowest.value).toBe('1.200.000'));

    fireEvent.click(screen.getByRole('button', { name: /Thêm mã GTIN/ }));
    const gtin = (await screen.findByTestId('gtin-input')) as HTMLInputElement;
    fireEvent.change(gtin, { target: { value: '8935012345673' } });
    const gtinItem = gtin.closest('.ant-form-item') as HTMLElement;
    await waitFor(() => expect(gtinItem.textContent).toContain('Sai số kiểm tra GS1: chữ số cuối cùng phải là 7.'));

    fireEvent.change(gtin, { target: { value: '8935012345677' } });
    await waitFor(() => expect(gtinItem.textContent).not.toContain('Sai số kiểm tra'));
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));

    await waitFor(() => expect(requests.some((r) => r.method === 'POST' && r.path === '/api/products')).toBe(true));
    const create = requests.find((r) => r.method === 'POST' && r.path === '/api/products');
    expect(create?.body).toMatchObject({
      producerId: PRODUCER_ID,
      productSetId: TEA_SET_ID,
      nameVi: 'Chè Shan tuyết Bích Thảo',
      priceMin: 1_200_000,
      priceMax: null,
      gtins: ['8935012345677'],
      status: 'in_development',
    });
    // A producer member cannot enter an issued product code.
    expect(create?.body).not.toHaveProperty('code');
  });

  it('puts "GTIN already used" under the GTIN it concerns', async () => {
    stubNewProduct(() =>
      problemResponse(409, 'product.gtin_taken', 'This GTIN belongs to another product.', {
        details: { field: 'gtins', gtin: '08935012345677', productCode: '14-04099-001-2024' },
      }),
    );
    renderApp(`/products/new?producerId=${PRODUCER_ID}`);

    await fillTea();
    fireEvent.click(screen.getByRole('button', { name: /Thêm mã GTIN/ }));
    fireEvent.change(await screen.findByTestId('gtin-input'), { target: { value: '96385074' } });
    fireEvent.click(screen.getByRole('button', { name: /Thêm mã GTIN/ }));
    await waitFor(() => expect(screen.getAllByTestId('gtin-input')).toHaveLength(2));
    const second = screen.getAllByTestId('gtin-input')[1] as HTMLInputElement;
    fireEvent.change(second, { target: { value: '8935012345677' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));

    const item = second.closest('.ant-form-item') as HTMLElement;
    await waitFor(() => expect(item.textContent).toContain('Mã GTIN 08935012345677 đã được gán cho sản phẩm khác (14-04099-001-2024).'));
    const first = screen.getAllByTestId('gtin-input')[0]?.closest('.ant-form-item') as HTMLElement;
    expect(first.textContent).not.toContain('đã được gán');
  });

  it('picks season months across the new year, shows them as the public page will, and sends the Chinese texts', async () => {
    const { requests } = stubNewProduct(() => jsonResponse(buildProduct(), 201));
    renderApp(`/products/new?producerId=${PRODUCER_ID}`);

    await fillTea();
    for (const month of [12, 10, 1, 11]) fireEvent.click(screen.getByLabelText(`Tháng ${month}`));
    await waitFor(() => expect(screen.getByTestId('seasons-summary').textContent).toBe('Sẽ hiển thị: tháng 10 – tháng 1'));
    fireEvent.change(field('Ghi chú mùa vụ'), { target: { value: 'Thu hái quả chín đỏ' } });
    // The Chinese section is folded but its fields are in the form.
    const descriptionZh = screen.getByLabelText('Mô tả sản phẩm tiếng Trung', { selector: 'textarea' });
    fireEvent.change(descriptionZh, { target: { value: '山罗咖啡' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));

    await waitFor(() => expect(requests.some((r) => r.method === 'POST' && r.path === '/api/products')).toBe(true));
    expect(requests.find((r) => r.method === 'POST' && r.path === '/api/products')?.body).toMatchObject({
      seasons: [1, 10, 11, 12],
      seasonNote: 'Thu hái quả chín đỏ',
      descriptionZh: '山罗咖啡',
      storyZh: null,
    });
  });

  it('fills "all year" and clears the months', async () => {
    stubNewProduct(() => jsonResponse(buildProduct(), 201));
    renderApp(`/products/new?producerId=${PRODUCER_ID}`);
    await fillTea();
    fireEvent.click(screen.getByRole('button', { name: 'Quanh năm' }));
    await waitFor(() => expect(screen.getByTestId('seasons-summary').textContent).toBe('Sẽ hiển thị: Quanh năm'));
    fireEvent.click(screen.getByRole('button', { name: 'Bỏ chọn' }));
    await waitFor(() => expect(screen.queryByTestId('seasons-summary')).toBeNull());
  });
});
