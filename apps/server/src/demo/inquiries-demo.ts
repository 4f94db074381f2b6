import type { OcopApp } from '../app';
import { DEMO_PROVINCE } from '../modules/identity';

type Modules = OcopApp['modules'];

/** The demo's member of the black garlic's cooperative: it reads the buyers' inquiries in "Hỏi mua". */
export const DEMO_GARLIC_MEMBER_LOGIN = 'htx.taybac.yenchau@ocop.demo';
export const DEMO_GARLIC_KEY = 'tay-bac-garlic';

const DEMO_INQUIRIES = [
  {
    name: '(Demo) Nguyễn Thị Hoa — Cửa hàng Đặc sản Tây Bắc, Hà Nội',
    contact: 'dacsan.taybac@example.vn',
    quantity: '200 hộp 500 g mỗi tháng',
    message: 'Cửa hàng muốn nhập tỏi đen bán lâu dài. Xin báo giá sỉ, hạn sử dụng và cách giao hàng ra Hà Nội. (Dữ liệu minh họa)',
    withProduct: true,
  },
  {
    name: '(Demo) Trần Văn Minh',
    contact: '0912 000 111',
    quantity: '',
    message: 'HTX có nhận làm quà biếu cho doanh nghiệp dịp Tết không? (Dữ liệu minh họa)',
    withProduct: false,
  },
] as const;

/**
 * Two buyers' inquiries to the black garlic's cooperative (a certified product, so it has a public
 * page), one about the garlic and one about the cooperative: its member's inbox is not empty on
 * the first visit. Skipped once the cooperative has any inquiry.
 */
export async function seedInquiriesDemo(modules: Modules, options: { producerId: string }): Promise<number> {
  const reader = {
    userId: '',
    grants: [{ role: 'system_admin' as const, provinceCode: null, communeCode: null, producerId: null, salesPointId: null }],
  };
  const existing = await modules.catalogue.inquiries.list(reader, { producerId: options.producerId, page: 1, pageSize: 1 });
  if (existing.total > 0) return 0;
  const products = (await modules.catalogue.catalogue.all()).filter((product) => product.producer.id === options.producerId);
  const first = products[0];
  if (!first) return 0;
  for (const inquiry of DEMO_INQUIRIES) {
    await modules.catalogue.inquiries.submit({
      producer: { id: first.producer.id, name: first.producer.name, provinceCode: DEMO_PROVINCE, communeCode: first.communeCode },
      product: inquiry.withProduct ? { id: first.id, name: first.nameVi } : null,
      fields: { name: inquiry.name, contact: inquiry.contact, quantity: inquiry.quantity, message: inquiry.message },
      addressHash: 'demo',
    });
  }
  return DEMO_INQUIRIES.length;
}
