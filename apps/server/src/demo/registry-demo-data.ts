import type { LegalForm, ProducerType, ProductStatus } from '@ocop/domain/registry';

/**
 * The demo producers and their products for Sơn La, modelled on the province's real OCOP products
 * (OCOP.md §11.3) across all 12 former district-level units and 14 product sets; tax codes, phones,
 * e-mails, GTINs, prices and representatives are made up. `registry-demo.ts` seeds them.
 */

/** The demo HTX Cà phê Bích Thao, whose member is the demo producer user. */
export const DEMO_BICH_THAO_KEY = 'bich-thao';

export type DemoProduct = {
  name: string;
  nameEn?: string;
  set: string; // code in the classification in force
  legacySet?: string; // code in QĐ 1048
  status?: ProductStatus;
  description: string;
  descriptionZh?: string;
  story?: string;
  /** Mùa vụ, months 1–12. */
  seasons?: number[];
  seasonNote?: string;
  rawMaterial?: string;
  rawMaterialOrigin?: string;
  packaging?: string;
  netQuantity?: string;
  shelfLife?: string;
  storageInstructions?: string;
  price?: [number, number];
  gtin?: number; // serial of a made-up GTIN-13
};

export type DemoProducer = {
  key: string;
  name: string;
  type: ProducerType;
  legalForm?: LegalForm;
  serial: number; // made-up tax code 55990000NN
  communeCode: string; // 2025-07-01 map
  legacyCommuneCode: string; // 2025-03-01 map
  address: string;
  location: [number, number];
  representative: string;
  foundingYear: number;
  memberCount: number;
  products: DemoProduct[];
};

const DRY = 'Nơi khô ráo, thoáng mát, tránh ánh nắng trực tiếp';

export const DEMO_PRODUCERS: readonly DemoProducer[] = [
  {
    key: DEMO_BICH_THAO_KEY,
    name: 'HTX Cà phê Bích Thao',
    type: 'cooperative',
    serial: 1,
    communeCode: '03670', // Phường Chiềng Cơi
    legacyCommuneCode: '03676', // Xã Hua La, Thành phố Sơn La
    address: 'Bản Hoàng Văn Thụ, phường Chiềng Cơi',
    location: [21.2905, 103.9612],
    representative: 'Nguyễn Văn Demo',
    foundingYear: 2015,
    memberCount: 12,
    products: [
      {
        name: 'Cà phê bột nguyên chất Bích Thao',
        nameEn: 'Bich Thao pure ground Arabica coffee',
        set: '1.6.1',
        legacySet: '1.7.1',
        status: 'on_sale',
        description: 'Cà phê Arabica Sơn La rang mộc, xay bột, không phụ gia. (Dữ liệu minh họa)',
        descriptionZh: '山罗阿拉比卡咖啡，原味烘焙研磨，不含添加剂。（演示数据）',
        seasons: [10, 11, 12, 1],
        seasonNote: 'Thu hái quả chín đỏ (dữ liệu minh họa)',
        story: 'Sản phẩm mô phỏng theo cà phê bột được công nhận OCOP 5 sao quốc gia năm 2020 của Sơn La. (Dữ liệu minh họa)',
        rawMaterial: 'Cà phê Arabica chín đỏ',
        rawMaterialOrigin: 'Phường Chiềng Cơi, tỉnh Sơn La (chỉ dẫn địa lý Cà phê Sơn La)',
        packaging: 'Túi giấy kraft có van một chiều',
        netQuantity: '500 g',
        shelfLife: '12 tháng kể từ ngày sản xuất',
        storageInstructions: DRY,
        price: [180_000, 250_000],
        gtin: 1,
      },
      {
        name: 'Trà cascara Bích Thao',
        nameEn: 'Bich Thao cascara tea',
        set: '1.5.2',
        legacySet: '1.6.2',
        status: 'on_sale',
        description: 'Trà từ vỏ quả cà phê chín phơi khô. (Dữ liệu minh họa)',
        rawMaterial: 'Vỏ quả cà phê Arabica',
        rawMaterialOrigin: 'Phường Chiềng Cơi, tỉnh Sơn La',
        packaging: 'Hộp giấy',
        netQuantity: '200 g',
        shelfLife: '18 tháng',
        storageInstructions: DRY,
        price: [90_000, 120_000],
        gtin: 2,
      },
      {
        name: 'Cà phê hạt rang Arabica Hua La',
        set: '1.6.1',
        status: 'in_development',
        description: 'Cà phê hạt rang mức vừa cho pha máy. (Dữ liệu minh họa)',
        netQuantity: '1 kg',
        price: [320_000, 380_000],
      },
    ],
  },
  {
    key: 'tay-bac-tea',
    name: 'Công ty TNHH Trà và Đặc sản Tây Bắc',
    type: 'enterprise',
    legalForm: 'llc_multi_member',
    serial: 2,
    communeCode: '03868', // Xã Tà Xùa
    legacyCommuneCode: '03868', // Xã Tà Xùa, Huyện Bắc Yên
    address: 'Bản Tà Xùa, xã Tà Xùa',
    location: [21.3308, 104.4655],
    representative: 'Giàng A Demo',
    foundingYear: 2017,
    memberCount: 28,
    products: [
      {
        name: 'Bạch trà mây Tà Xùa',
        nameEn: 'Ta Xua white cloud tea',
        set: '1.5.1',
        legacySet: '1.6.1',
        status: 'on_sale',
        description: 'Bạch trà từ búp chè Shan tuyết cổ thụ vùng mây Tà Xùa. (Dữ liệu minh họa)',
        seasons: [3, 4, 8, 9],
        seasonNote: 'Vụ xuân và vụ thu (dữ liệu minh họa)',
        story: 'Những cây chè Shan tuyết trăm tuổi trên độ cao 1.600 m, hái một tôm một lá vào sáng sớm. (Dữ liệu minh họa)',
        rawMaterial: 'Búp chè Shan tuyết cổ thụ',
        rawMaterialOrigin: 'Xã Tà Xùa, tỉnh Sơn La (nhãn hiệu tập thể Chè Tà Xùa Bắc Yên)',
        packaging: 'Hộp gỗ',
        netQuantity: '100 g',
        shelfLife: '24 tháng',
        storageInstructions: DRY,
        price: [450_000, 650_000],
        gtin: 3,
      },
      {
        name: 'Chè Shan tuyết Tà Xùa',
        nameEn: 'Ta Xua Shan Tuyet green tea',
        set: '1.5.1',
        status: 'on_sale',
        description: 'Chè xanh sao suốt từ chè Shan tuyết. (Dữ liệu minh họa)',
        seasons: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
        rawMaterial: 'Búp chè Shan tuyết',
        rawMaterialOrigin: 'Xã Tà Xùa, tỉnh Sơn La',
        packaging: 'Túi hút chân không trong hộp giấy',
        netQuantity: '200 g',
        shelfLife: '24 tháng',
        storageInstructions: DRY,
        price: [250_000, 300_000],
        gtin: 4,
      },
    ],
  },
  {
    key: 'thanh-long',
    name: 'Công ty TNHH MTV Đầu tư Xây dựng Thành Long',
    type: 'enterprise',
    legalForm: 'llc_single_member',
    serial: 3,
    communeCode: '04105', // Xã Mai Sơn
    legacyCommuneCode: '04105', // Thị trấn Hát Lót, Huyện Mai Sơn
    address: 'Tiểu khu 10, xã Mai Sơn',
    location: [21.1952, 104.1087],
    representative: 'Trần Văn Demo',
    foundingYear: 2012,
    memberCount: 40,
    products: [
      {
        name: 'Cao sâm Ngọc Linh Thành Long',
        set: '3.1.1',
        status: 'on_sale',
        description: 'Cao chiết từ sâm Ngọc Linh trồng dưới tán rừng. (Dữ liệu minh họa)',
        rawMaterial: 'Sâm Ngọc Linh',
        packaging: 'Lọ thủy tinh',
        netQuantity: '100 g',
        shelfLife: '36 tháng',
        storageInstructions: DRY,
        price: [1_200_000, 1_800_000],
        gtin: 5,
      },
      {
        name: 'Rượu cao sâm Ngọc Linh',
        set: '2.1.2',
        status: 'on_sale',
        description: 'Rượu ngâm cao sâm, 29% vol. (Dữ liệu minh họa)',
        packaging: 'Chai thủy tinh',
        netQuantity: '500 ml',
        shelfLife: 'Không giới hạn khi chưa mở nắp',
        price: [650_000, 850_000],
        gtin: 6,
      },
    ],
  },
  {
    key: 'tu-nhien',
    name: 'HTX Tự Nhiên',
    type: 'cooperative',
    serial: 4,
    communeCode: '03979', // Phường Mộc Sơn
    legacyCommuneCode: '04030', // Phường Đông Sang, Thị xã Mộc Châu
    address: 'Bản Pa Khen, phường Mộc Sơn',
    location: [20.8541, 104.6632],
    representative: 'Lê Thị Demo',
    foundingYear: 2013,
    memberCount: 55,
    products: [
      {
        name: 'Cà chua an toàn Mộc Châu',
        set: '1.1.1',
        status: 'on_sale',
        description: 'Cà chua trồng trong nhà màng theo VietGAP. (Dữ liệu minh họa)',
        rawMaterialOrigin: 'Phường Mộc Sơn, tỉnh Sơn La (nhãn hiệu chứng nhận Rau an toàn Mộc Châu)',
        packaging: 'Khay xốp bọc màng',
        netQuantity: '1 kg',
        shelfLife: '7 ngày ở 10–15 °C',
        storageInstructions: 'Bảo quản mát',
        price: [35_000, 45_000],
      },
      {
        name: 'Khoai tây Mộc Châu',
        set: '1.1.1',
        status: 'on_sale',
        description: 'Khoai tây vỏ vàng trồng vụ đông. (Dữ liệu minh họa)',
        netQuantity: '2 kg',
        shelfLife: '30 ngày',
        price: [40_000, 50_000],
      },
    ],
  },
  {
    key: 'cuong-hoa',
    name: 'Hộ kinh doanh Hoàng Thị Hoa (Cường Hoa)',
    type: 'household_business',
    serial: 5,
    communeCode: '03985', // Xã Chiềng Sơn
    legacyCommuneCode: '03985', // Xã Chiềng Sơn, Thị xã Mộc Châu
    address: 'Bản Búa, xã Chiềng Sơn',
    location: [20.8402, 104.7123],
    representative: 'Hoàng Thị Demo',
    foundingYear: 2018,
    memberCount: 6,
    products: [
      {
        name: 'Xoài sấy dẻo Cường Hoa',
        set: '1.3.3',
        status: 'on_sale',
        description: 'Xoài chín sấy dẻo, không đường hóa học. (Dữ liệu minh họa)',
        rawMaterial: 'Xoài tròn',
        rawMaterialOrigin: 'Tỉnh Sơn La',
        packaging: 'Túi zip',
        netQuantity: '250 g',
        shelfLife: '6 tháng',
        storageInstructions: DRY,
        price: [65_000, 80_000],
      },
      {
        name: 'Mận sấy dẻo Cường Hoa',
        set: '1.3.3',
        status: 'on_sale',
        description: 'Mận hậu Mộc Châu sấy dẻo. (Dữ liệu minh họa)',
        rawMaterial: 'Mận hậu',
        rawMaterialOrigin: 'Xã Chiềng Sơn, tỉnh Sơn La',
        packaging: 'Túi zip',
        netQuantity: '250 g',
        shelfLife: '6 tháng',
        price: [60_000, 75_000],
      },
    ],
  },
  {
    key: 'sua-thao-nguyen',
    name: 'Hộ kinh doanh Sữa chua Thảo Nguyên',
    type: 'household_business',
    serial: 6,
    communeCode: '03982', // Phường Thảo Nguyên
    legacyCommuneCode: '03982', // Phường Thảo Nguyên, Thị xã Mộc Châu
    address: 'Tiểu khu 70, phường Thảo Nguyên',
    location: [20.8822, 104.6401],
    representative: 'Phạm Văn Demo',
    foundingYear: 2019,
    memberCount: 4,
    products: [
      {
        name: 'Sữa chua nếp cẩm Mộc Châu',
        set: '1.3.4',
        status: 'on_sale',
        description: 'Sữa chua từ sữa bò tươi Mộc Châu với nếp cẩm. (Dữ liệu minh họa)',
        packaging: 'Hũ nhựa',
        netQuantity: '6 hũ × 100 g',
        shelfLife: '15 ngày ở 2–6 °C',
        storageInstructions: 'Bảo quản lạnh 2–6 °C',
        price: [45_000, 55_000],
      },
    ],
  },
  {
    key: 'tay-bac-garlic',
    name: 'HTX Nông sản Tây Bắc Yên Châu',
    type: 'cooperative',
    serial: 7,
    communeCode: '04075', // Xã Yên Châu
    legacyCommuneCode: '04075', // Thị trấn Yên Châu, Huyện Yên Châu
    address: 'Tiểu khu 3, xã Yên Châu',
    location: [21.0462, 104.2958],
    representative: 'Lò Văn Demo',
    foundingYear: 2016,
    memberCount: 18,
    products: [
      {
        name: 'Tỏi đen Yên Châu',
        nameEn: 'Yen Chau black garlic',
        set: '1.3.3',
        status: 'on_sale',
        description: 'Tỏi tía Yên Châu lên men tự nhiên 45 ngày. (Dữ liệu minh họa)',
        descriptionZh: '安州紫皮蒜自然发酵45天制成的黑蒜。（演示数据）',
        seasons: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
        seasonNote: 'Tỏi tươi thu hoạch tháng 1 – 2, lên men quanh năm (dữ liệu minh họa)',
        rawMaterial: 'Tỏi tía',
        rawMaterialOrigin: 'Xã Yên Châu, tỉnh Sơn La',
        packaging: 'Hộp nhựa',
        netQuantity: '500 g',
        shelfLife: '24 tháng',
        storageInstructions: DRY,
        price: [250_000, 320_000],
        gtin: 7,
      },
      {
        name: 'Xoài tròn Yên Châu',
        set: '1.1.1',
        status: 'on_sale',
        description: 'Xoài tròn quả nhỏ, thơm, vị đậm (chỉ dẫn địa lý Xoài tròn Yên Châu). (Dữ liệu minh họa)',
        netQuantity: '1 kg',
        shelfLife: '7 ngày',
        price: [40_000, 60_000],
      },
    ],
  },
  {
    key: 'phieng-khoai',
    name: 'HTX Chè Shan tuyết Phiêng Khoài',
    type: 'cooperative',
    serial: 8,
    communeCode: '04099', // Xã Phiêng Khoài
    legacyCommuneCode: '04099', // Xã Phiêng Khoài, Huyện Yên Châu
    address: 'Bản Khau Khoang, xã Phiêng Khoài',
    location: [20.9653, 104.4012],
    representative: 'Mùa A Demo',
    foundingYear: 2020,
    memberCount: 21,
    products: [
      {
        name: 'Chè Shan tuyết Phiêng Khoài',
        set: '1.5.1',
        status: 'idea',
        description: 'Ý tưởng sản phẩm chè xanh từ vùng chè cổ thụ Phiêng Khoài. (Dữ liệu minh họa)',
      },
    ],
  },
  {
    key: 'nhan-song-ma',
    name: 'HTX Nhãn Sông Mã',
    type: 'cooperative',
    serial: 9,
    communeCode: '04168', // Xã Sông Mã
    legacyCommuneCode: '04168', // Thị trấn Sông Mã, Huyện Sông Mã
    address: 'Tổ 4, xã Sông Mã',
    location: [21.0638, 103.7412],
    representative: 'Cầm Văn Demo',
    foundingYear: 2014,
    memberCount: 35,
    products: [
      {
        name: 'Long nhãn sấy Sông Mã',
        set: '1.3.3',
        legacySet: '1.4.2',
        status: 'on_sale',
        description: 'Cùi nhãn sấy khô từ nhãn Sông Mã (nhãn hiệu chứng nhận Nhãn Sông Mã). (Dữ liệu minh họa)',
        packaging: 'Túi hút chân không',
        netQuantity: '500 g',
        shelfLife: '12 tháng',
        storageInstructions: DRY,
        price: [180_000, 220_000],
      },
    ],
  },
  {
    key: 'cam-phu-yen',
    name: 'HTX Cam Phù Yên',
    type: 'cooperative',
    serial: 10,
    communeCode: '03910', // Xã Phù Yên
    legacyCommuneCode: '03916', // Xã Huy Thượng, Huyện Phù Yên
    address: 'Bản Chiềng Hạ, xã Phù Yên',
    location: [21.2712, 104.6488],
    representative: 'Đinh Văn Demo',
    foundingYear: 2017,
    memberCount: 24,
    products: [
      {
        name: 'Cam Phù Yên',
        set: '1.1.1',
        status: 'on_sale',
        description: 'Cam đường canh, chỉ dẫn địa lý Cam Phù Yên. (Dữ liệu minh họa)',
        netQuantity: '1 kg',
        shelfLife: '15 ngày',
        price: [30_000, 45_000],
      },
    ],
  },
  {
    key: 'ngoc-chien',
    name: 'HTX Nông nghiệp và Du lịch Ngọc Chiến',
    type: 'cooperative',
    serial: 11,
    communeCode: '03820', // Xã Ngọc Chiến
    legacyCommuneCode: '03820', // Xã Ngọc Chiến, Huyện Mường La
    address: 'Bản Lướt, xã Ngọc Chiến',
    location: [21.5672, 104.2514],
    representative: 'Lò Thị Demo',
    foundingYear: 2019,
    memberCount: 30,
    products: [
      {
        name: 'Gạo nếp tan Ngọc Chiến',
        set: '1.2.1',
        legacySet: '1.2.1',
        status: 'on_sale',
        description: 'Nếp tan hạt tròn, dẻo thơm, trồng ruộng bậc thang. (Dữ liệu minh họa)',
        seasons: [9, 10],
        seasonNote: 'Gặt lúa trên ruộng bậc thang (dữ liệu minh họa)',
        packaging: 'Túi vải',
        netQuantity: '2 kg',
        shelfLife: '12 tháng',
        storageInstructions: DRY,
        price: [70_000, 90_000],
      },
      {
        name: 'Du lịch cộng đồng bản Lướt – suối khoáng nóng Ngọc Chiến',
        set: '6.1.1',
        status: 'on_sale',
        description: 'Homestay nhà sàn Thái, tắm khoáng nóng, ẩm thực bản địa. (Dữ liệu minh họa)',
        price: [150_000, 450_000],
      },
    ],
  },
  {
    key: 'van-ho-tea',
    name: 'HTX Chè Vân Hồ',
    type: 'cooperative',
    serial: 12,
    communeCode: '04048', // Xã Vân Hồ
    legacyCommuneCode: '04048', // Xã Vân Hồ, Huyện Vân Hồ
    address: 'Bản Bó Nhàng, xã Vân Hồ',
    location: [20.7551, 104.7845],
    representative: 'Vì Văn Demo',
    foundingYear: 2016,
    memberCount: 19,
    products: [
      {
        name: 'Hồng trà Vân Hồ',
        nameEn: 'Van Ho black tea',
        set: '1.5.1',
        status: 'on_sale',
        description: 'Hồng trà lên men từ chè Shan tuyết. (Dữ liệu minh họa)',
        packaging: 'Hộp thiếc',
        netQuantity: '100 g',
        shelfLife: '24 tháng',
        storageInstructions: DRY,
        price: [200_000, 260_000],
      },
    ],
  },
  {
    key: 'hua-tat',
    name: 'Tổ hợp tác Du lịch cộng đồng Hua Tạt',
    type: 'cooperative_group',
    serial: 13,
    communeCode: '04048', // Xã Vân Hồ
    legacyCommuneCode: '04048',
    address: 'Bản Hua Tạt, xã Vân Hồ',
    location: [20.7712, 104.7501],
    representative: 'Thào A Demo',
    foundingYear: 2018,
    memberCount: 14,
    products: [
      {
        name: 'Du lịch cộng đồng bản Hua Tạt',
        set: '6.1.1',
        status: 'on_sale',
        description: 'Bản người Mông giữa rừng già: homestay, dệt lanh, ẩm thực. (Dữ liệu minh họa)',
        price: [120_000, 350_000],
      },
    ],
  },
  {
    key: 'thuan-chau-honey',
    name: 'HTX Ong mật Thuận Châu',
    type: 'cooperative',
    serial: 14,
    communeCode: '03721', // Xã Thuận Châu
    legacyCommuneCode: '03721', // Thị trấn Thuận Châu, Huyện Thuận Châu
    address: 'Tiểu khu 11, xã Thuận Châu',
    location: [21.4361, 103.6795],
    representative: 'Quàng Văn Demo',
    foundingYear: 2015,
    memberCount: 22,
    products: [
      {
        name: 'Mật ong hoa ban Thuận Châu',
        nameEn: 'Thuan Chau Bauhinia flower honey',
        set: '1.2.2',
        legacySet: '1.2.2',
        status: 'on_sale',
        description: 'Mật ong nuôi ven rừng hoa ban (nhãn hiệu tập thể Mật ong Sơn La). (Dữ liệu minh họa)',
        packaging: 'Chai thủy tinh',
        netQuantity: '500 ml',
        shelfLife: '24 tháng',
        storageInstructions: DRY,
        price: [250_000, 300_000],
        gtin: 8,
      },
    ],
  },
  {
    key: 'muong-gion-brocade',
    name: 'Tổ hợp tác Dệt thổ cẩm Mường Giôn',
    type: 'cooperative_group',
    serial: 15,
    communeCode: '03694', // Xã Mường Giôn
    legacyCommuneCode: '03694', // Xã Mường Giôn, Huyện Quỳnh Nhai
    address: 'Bản Có Luông, xã Mường Giôn',
    location: [21.7832, 103.6425],
    representative: 'Lường Thị Demo',
    foundingYear: 2019,
    memberCount: 26,
    products: [
      {
        name: 'Khăn piêu thổ cẩm Thái',
        set: '4.2.1',
        status: 'on_sale',
        description: 'Khăn piêu thêu tay của phụ nữ Thái. (Dữ liệu minh họa)',
        rawMaterial: 'Sợi bông nhuộm chàm',
        price: [350_000, 900_000],
      },
      {
        name: 'Túi thổ cẩm Mường Giôn',
        set: '4.1.1',
        status: 'on_sale',
        description: 'Túi đeo từ vải thổ cẩm dệt tay. (Dữ liệu minh họa)',
        price: [150_000, 280_000],
      },
    ],
  },
  {
    key: 'muong-lan-herbs',
    name: 'HTX Dược liệu Mường Lạn',
    type: 'cooperative',
    serial: 16,
    communeCode: '04246', // Xã Mường Lạn
    legacyCommuneCode: '04246', // Xã Mường Lạn, Huyện Sốp Cộp
    address: 'Bản Huổi Lè, xã Mường Lạn',
    location: [20.9912, 103.5231],
    representative: 'Lò Văn Demo',
    foundingYear: 2021,
    memberCount: 15,
    products: [
      {
        name: 'Trà giảo cổ lam Sốp Cộp',
        set: '1.5.2',
        status: 'on_sale',
        description: 'Trà túi lọc giảo cổ lam hái dưới tán rừng. (Dữ liệu minh họa)',
        packaging: 'Hộp 20 túi lọc',
        netQuantity: '40 g',
        shelfLife: '18 tháng',
        storageInstructions: DRY,
        price: [80_000, 100_000],
      },
      {
        name: 'Tinh dầu sả chanh Mường Lạn',
        set: '3.3.1',
        status: 'in_development',
        description: 'Tinh dầu sả chanh chưng cất hơi nước. (Dữ liệu minh họa)',
        packaging: 'Lọ thủy tinh tối màu',
        netQuantity: '10 ml',
        price: [60_000, 80_000],
      },
    ],
  },
  {
    key: 'chieng-xom',
    name: 'HTX Nông nghiệp Chiềng Xôm',
    type: 'cooperative',
    serial: 17,
    communeCode: '03664', // Phường Chiềng An
    legacyCommuneCode: '03664', // Xã Chiềng Xôm, Thành phố Sơn La
    address: 'Bản Hìn, phường Chiềng An',
    location: [21.3021, 103.9452],
    representative: 'Hà Văn Demo',
    foundingYear: 2018,
    memberCount: 20,
    products: [
      {
        name: 'Mắc khén rừng Chiềng Xôm',
        set: '1.4.2',
        legacySet: '1.5.2',
        status: 'on_sale',
        description: 'Hạt mắc khén rừng phơi khô, gia vị của người Thái. (Dữ liệu minh họa)',
        packaging: 'Lọ thủy tinh',
        netQuantity: '100 g',
        shelfLife: '24 tháng',
        storageInstructions: DRY,
        price: [60_000, 75_000],
      },
      {
        name: 'Rau cải mèo Chiềng An',
        set: '1.1.1',
        status: 'on_sale',
        description: 'Rau cải mèo trồng theo VietGAP. (Dữ liệu minh họa)',
        netQuantity: '500 g',
        shelfLife: '5 ngày',
        price: [20_000, 25_000],
      },
    ],
  },
];
