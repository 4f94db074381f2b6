import type {
  CommuneReportData,
  CouncilMinutesData,
  DocumentProducer,
  DocumentProduct,
  MinutesDossier,
  MinutesMember,
  RecognitionDecisionData,
  RegistrationFormData,
  ResultLetterData,
} from '../modules/evaluation/documents/document-data';

/** Realistic Sơn La data for the evaluation documents (tests and bench); deterministic. */

export const BICH_THAO: DocumentProducer = {
  name: 'HTX Cà phê Bích Thao',
  legalForm: 'Hợp tác xã',
  address: 'Bản Nà Lụa, phường Chiềng An, tỉnh Sơn La',
  communeName: 'Phường Chiềng An',
  representative: 'Lò Thị Bích Thao',
  representativeTitle: 'Giám đốc',
  representativeGender: 'Nữ',
  representativeEthnicity: 'Thái',
  representativeAddress: 'Bản Nà Lụa, phường Chiềng An, tỉnh Sơn La',
  phone: '0212 3852 468',
  email: 'bichthao.coffee@gmail.com',
  registrationNumber: '5500612345',
};

export const ARABICA: DocumentProduct = {
  name: 'Cà phê Arabica Sơn La',
  code: '14-04022-001-2026',
  groupPath: 'Thực phẩm / Đồ uống / Chè, cà phê, ca cao',
  productSet: { code: '1.4.2', name: 'Cà phê, ca cao' },
};

const PARTS = [
  { code: 'A', label: 'Sản phẩm và sức mạnh cộng đồng', maxPoints: 40 },
  { code: 'B', label: 'Khả năng tiếp thị', maxPoints: 25 },
  { code: 'C', label: 'Chất lượng sản phẩm', maxPoints: 35 },
];

export function registrationFormFixture(): RegistrationFormData {
  return {
    provinceName: 'Sơn La',
    year: 2026,
    producer: BICH_THAO,
    product: ARABICA,
    kind: 'first',
    selfAssessment: { total: 74.5, maxPoints: 100, stars: 4, maxStars: 5 },
    samples: 5,
    attachments: ['Giấy chứng nhận đăng ký hợp tác xã (bản sao)', 'Phiếu kết quả kiểm nghiệm sản phẩm (Quatest 1, 03/2026)'],
    placeName: 'Chiềng An',
    signedOn: '2026-03-09',
    formNumber: '012-2026/PĐK-14-04024-2026',
    receivedOn: '2026-03-10',
    receivedBy: 'Cầm Văn Hùng',
  };
}

export function communeReportFixture(): CommuneReportData {
  return {
    provinceName: 'Sơn La',
    communeName: 'Phường Chiềng An',
    number: '45/BC-UBND',
    placeName: 'Chiềng An',
    producer: BICH_THAO,
    product: ARABICA,
    report: {
      rawMaterialOrigin:
        'Chủ thể sử dụng 100% cà phê quả chín Arabica trồng tại các bản Nà Lụa, Hôm, Phiêng Ngùa của phường (khoảng 45 ha liên kết với 62 hộ). ' +
        'Qua kiểm tra thực tế, vùng nguyên liệu đúng như mô tả của chủ thể.',
      localLabour:
        'Hợp tác xã sử dụng 18 lao động thường xuyên và khoảng 40 lao động thời vụ, đều là người địa phương, phần lớn là đồng bào dân tộc Thái.',
      ideaOrigin: 'Sản phẩm truyền thống của địa phương, được cải tiến về chế biến (sơ chế ướt, rang mộc) và bao bì từ năm 2022.',
      localIdentity:
        'Cà phê trồng dưới tán cây rừng ở độ cao trên 700 m, thu hái thủ công quả chín; kinh nghiệm chế biến của cộng đồng người Thái tạo nên hương vị riêng.',
      conclusion: 'Hồ sơ đầy đủ thành phần theo quy định; các nội dung đánh giá phù hợp với thực tế tại địa phương.',
      reportedBy: 'Cầm Văn Hùng',
      reportedOn: '2026-03-24',
    },
    signer: { capacity: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: 'Lường Văn Thắng' },
  };
}

const MEMBER_SEATS: Omit<MinutesMember, 'id'>[] = [
  { fullName: 'Đặng Ngọc Hậu', title: 'Phó Chủ tịch UBND tỉnh', position: 'chair', department: 'agriculture_environment', present: true },
  { fullName: 'Nguyễn Thị Hồng Nhung', title: 'Phó Giám đốc', position: 'member', department: 'agriculture_environment', present: true },
  { fullName: 'Quàng Văn Minh', title: 'Phó Giám đốc', position: 'member', department: 'industry_trade', present: true },
  { fullName: 'Hoàng Thị Thu Trang', title: 'Trưởng phòng Nghiệp vụ Y', position: 'member', department: 'health', present: true },
  { fullName: 'Vì Văn Tuấn', title: 'Phó Giám đốc', position: 'member', department: 'science_technology', present: true },
  { fullName: 'Lê Minh Đức', title: 'Phó Giám đốc', position: 'member', department: 'culture_sports_tourism', present: false },
  { fullName: 'Bạc Thị Ngọc Ánh', title: 'Chuyên viên', position: 'secretary', department: 'ocop_office', present: true },
];

const PRODUCTS = [
  ['Cà phê Arabica Sơn La', 'HTX Cà phê Bích Thao', 'Phường Chiềng An', '1.4.2', 'Cà phê, ca cao'],
  ['Chè Shan tuyết Tà Xùa', 'Công ty Trà và Đặc sản Tây Bắc', 'Xã Tà Xùa', '1.4.1', 'Chè'],
  ['Mận hậu Mộc Châu sấy dẻo', 'HTX Nông nghiệp Mộc Châu Xanh', 'Phường Mộc Châu', '1.2.3', 'Rau, quả chế biến'],
  ['Gạo Séng Cù Mường Lựm', 'HTX Dịch vụ Nông nghiệp Mường Lựm', 'Xã Mường Lựm', '1.1.1', 'Gạo, ngũ cốc'],
  ['Thịt trâu gác bếp', 'Hộ kinh doanh Lò Văn Ơn', 'Xã Mường La', '1.3.1', 'Thịt và sản phẩm từ thịt'],
  ['Rượu Hoằng Quảng', 'HTX Rượu truyền thống Chiềng Mai', 'Xã Chiềng Mai', '2.2.1', 'Rượu trắng'],
];

/** A small deterministic generator, so a fixture of any size is the same every time. */
function numbers(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const round2 = (value: number) => Math.round(value * 100) / 100;

function minutesDossier(index: number, scorers: readonly MinutesMember[], random: () => number): MinutesDossier {
  const [name, producer, commune, setCode, setName] = PRODUCTS[index % PRODUCTS.length] as [string, string, string, string, string];
  const suffix = index < PRODUCTS.length ? '' : ` (lô ${Math.floor(index / PRODUCTS.length) + 1})`;
  const level = 0.45 + random() * 0.5;
  const conflicted = index % 7 === 3 ? scorers[3] : undefined;
  const scoring = scorers.filter((member) => member !== conflicted);
  // Every sixth dossier has one generous member, far from the others (an outlier for the chair).
  const memberParts = scoring.map((member, at) => {
    const bias = at === 0 && index % 6 === 2 ? 0.25 : 0;
    return {
      memberId: member.id,
      parts: PARTS.map((part) => ({
        code: part.code,
        total: Math.round(part.maxPoints * Math.min(1, level + bias + (random() - 0.5) * 0.12)),
      })),
    };
  });
  const totals = memberParts.map((sheet) => sheet.parts.reduce((sum, part) => sum + part.total, 0));
  const total = round2(totals.reduce((sum, value) => sum + value, 0) / totals.length);
  const band = total >= 90 ? 5 : total >= 70 ? 4 : total >= 50 ? 3 : total >= 30 ? 2 : 1;
  const unmet = band >= 4 && index % 3 === 1 ? [{ criterionCode: 'C.3.1', averagePoints: 1.5, requiredPoints: 3 }] : [];
  const stars = unmet.length > 0 ? band - 1 : band;
  return {
    dossierId: `d-${index + 1}`,
    product: { name: `${name}${suffix}`, code: null, groupPath: 'Thực phẩm', productSet: { code: setCode, name: setName } },
    producer: { name: producer, communeName: commune },
    kind: index % 5 === 4 ? 're_evaluation' : 'first',
    conflicts: conflicted ? [{ memberId: conflicted.id, reason: 'Có người thân là thành viên của chủ thể' }] : [],
    memberParts,
    result: {
      total,
      band,
      stars,
      parts: PARTS.map((part, at) => ({
        code: part.code,
        maxPoints: part.maxPoints,
        total: round2(memberParts.reduce((sum, sheet) => sum + (sheet.parts[at]?.total ?? 0), 0) / memberParts.length),
      })),
      criteria: {},
      members: memberParts.map((sheet, at) => {
        const deviation = round2((totals[at] ?? 0) - total);
        return {
          memberId: sheet.memberId,
          total: totals[at] ?? 0,
          outlier: Math.abs(deviation) > 5,
          deviation: Math.abs(deviation) > 5 ? deviation : null,
        };
      }),
      unmetMinima: band >= 4 ? [{ stars: band, unmet }] : [],
      meetingNeeded: false,
      closedOn: '2026-06-18',
    },
    criterionLabels: { 'C.3.1': 'Tính độc đáo của sản phẩm' },
    recognition: stars >= 5 ? 'ministry' : stars >= 3 ? 'province' : 'none',
  };
}

export function councilMinutesFixture(dossierCount = 6, scoringMembers = 5): CouncilMinutesData {
  const members = MEMBER_SEATS.map((seat, index) => ({ ...seat, id: `m-${index + 1}` }));
  const scorers = members.filter((member) => member.position === 'chair' || member.position === 'member').slice(0, scoringMembers);
  const random = numbers(2026);
  return {
    provinceName: 'Sơn La',
    council: {
      name: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Sơn La năm 2026',
      establishedBy: 'Quyết định số 812/QĐ-UBND ngày 15/4/2026 của Chủ tịch UBND tỉnh Sơn La',
    },
    roundName: 'Đợt 1 năm 2026',
    number: '03/BB-HĐ',
    meetingOn: '2026-06-18',
    meetingPlace: 'Hội trường Sở Nông nghiệp và Môi trường tỉnh Sơn La',
    placeName: 'Sơn La',
    regimeDocument: 'Quyết định số 26/2026/QĐ-TTg ngày 22/5/2026 của Thủ tướng Chính phủ',
    maxStars: 5,
    members,
    dossiers: Array.from({ length: dossierCount }, (_, index) => minutesDossier(index, scorers, random)),
  };
}

export function recognitionDecisionFixture(draft = true): RecognitionDecisionData {
  const minutes = councilMinutesFixture(6);
  return {
    provinceName: 'Sơn La',
    number: draft ? null : '1234/QĐ-UBND',
    signedOn: draft ? null : '2026-06-25',
    preparedOn: '2026-06-22',
    placeName: 'Sơn La',
    legalBases: [
      'Luật Tổ chức chính quyền địa phương số 72/2025/QH15',
      'Quyết định số 26/2026/QĐ-TTg ngày 22/5/2026 của Thủ tướng Chính phủ ban hành Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm mỗi xã một sản phẩm',
      'Quyết định số 812/QĐ-UBND ngày 15/4/2026 của Chủ tịch UBND tỉnh Sơn La về việc thành lập Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Sơn La năm 2026',
      'Biên bản họp Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Sơn La ngày 18/6/2026',
    ],
    proposedBy: 'Giám đốc Sở Nông nghiệp và Môi trường tại Tờ trình số 215/TTr-SNNMT ngày 20/6/2026',
    officeName: 'Sở Nông nghiệp và Môi trường',
    regimeDocument: 'Quyết định số 26/2026/QĐ-TTg',
    products: minutes.dossiers
      .filter((dossier) => dossier.recognition === 'province')
      .map((dossier) => ({
        productName: dossier.product.name,
        producerName: dossier.producer.name,
        communeName: dossier.producer.communeName,
        stars: dossier.result.stars,
        total: dossier.result.total,
        productSet: dossier.product.productSet.name,
      })),
    validityMonths: 36,
    executors: [
      'Chánh Văn phòng UBND tỉnh',
      'Giám đốc các Sở: Nông nghiệp và Môi trường, Công Thương, Y tế, Khoa học và Công nghệ',
      'Chủ tịch UBND các xã, phường có sản phẩm được công nhận',
      'các chủ thể có sản phẩm tại Điều 1',
    ],
    recipients: [
      'Như Điều 3',
      'Bộ Nông nghiệp và Môi trường (b/c)',
      'TT Tỉnh ủy, TT HĐND tỉnh (b/c)',
      'Chủ tịch, các PCT UBND tỉnh',
      'Lưu: VT, KT',
    ],
    signer: { capacity: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Đặng Ngọc Hậu' },
    maxStars: 5,
  };
}

export function resultLetterFixture(): ResultLetterData {
  return {
    provinceName: 'Sơn La',
    issuerName: 'SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG',
    number: '1502/TB-SNNMT',
    signedOn: '2026-06-26',
    placeName: 'Sơn La',
    addressees: ['Ủy ban nhân dân phường Chiềng An', 'HTX Cà phê Bích Thao'],
    roundName: 'Đợt 1 năm 2026',
    councilName: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Sơn La năm 2026',
    meetingOn: '2026-06-18',
    producer: BICH_THAO,
    product: ARABICA,
    result: {
      total: 68.4,
      band: 3,
      stars: 3,
      parts: [
        { code: 'A', total: 28.2, maxPoints: 40 },
        { code: 'B', total: 15.6, maxPoints: 25 },
        { code: 'C', total: 24.6, maxPoints: 35 },
      ],
    },
    recognition: 'province',
    maxStars: 5,
    members: [
      { label: 'Thành viên 1', total: 70 },
      { label: 'Thành viên 2', total: 67 },
      { label: 'Thành viên 3', total: 69 },
      { label: 'Thành viên 4', total: 66 },
      { label: 'Thành viên 5', total: 70 },
    ],
    nextStars: 4,
    unmetMinima: [
      {
        criterionCode: 'A.2.3',
        criterionLabel: 'Liên kết chuỗi giá trị (với nhà cung cấp nguyên liệu)',
        reachedLabel: 'Có liên kết nhưng chưa có hợp đồng',
        requiredLabel: 'Có hợp đồng liên kết với hộ trồng, tỷ lệ nguyên liệu liên kết ≥ 50%',
        requiredPoints: 3,
        evidence: ['Hợp đồng liên kết với các hộ trồng cà phê (bản sao)', 'Sổ theo dõi thu mua nguyên liệu 12 tháng gần nhất'],
      },
    ],
    weakCriteria: [
      {
        criterionCode: 'B.1.2',
        criterionLabel: 'Kênh phân phối, bán hàng',
        reachedLabel: 'Bán trong tỉnh',
        requiredLabel: 'Có hệ thống phân phối tại ít nhất 3 tỉnh, thành phố',
        requiredPoints: 4,
        evidence: ['Hợp đồng với nhà phân phối ngoài tỉnh', 'Hóa đơn bán hàng tại các tỉnh, thành phố'],
      },
      {
        criterionCode: 'C.4.1',
        criterionLabel: 'Công bố tiêu chuẩn chất lượng sản phẩm',
        reachedLabel: 'Có tự công bố chất lượng',
        requiredLabel: 'Có tiêu chuẩn cơ sở và kiểm nghiệm định kỳ đầy đủ',
        requiredPoints: 3,
        evidence: ['Tiêu chuẩn cơ sở', 'Phiếu kiểm nghiệm định kỳ (6 tháng/lần)'],
      },
    ],
    signer: { capacity: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'], name: 'Nguyễn Thị Hồng Nhung' },
    recipients: ['Như trên', 'UBND tỉnh (b/c)', 'Lưu: VT, PTNT'],
  };
}
