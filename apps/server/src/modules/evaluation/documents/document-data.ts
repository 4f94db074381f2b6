import type { CouncilDepartment, CouncilPosition } from '../councils/council.tables';
import type { CommuneReport, DossierKind, StoredCouncilResult } from '../dossiers/dossier.tables';

/**
 * The plain data each evaluation document is rendered from. No database, no clock: the caller fills
 * these from the dossier and council tables (names in the tables' own words), and the same data
 * always gives the same PDF. Dates are ISO calendar days (`YYYY-MM-DD`, as the tables' `date`
 * columns); a null date prints the form's dotted blank.
 */
export type IsoDate = string;

/** The producer (chủ thể OCOP) as the forms ask for it. */
export type DocumentProducer = {
  name: string;
  /** Loại hình tổ chức: "Hợp tác xã", "Hộ kinh doanh", "Công ty TNHH"… */
  legalForm: string;
  address: string;
  /** The commune or ward (2025 map), e.g. "Phường Chiềng An". */
  communeName: string;
  representative: string;
  representativeTitle: string | null;
  /** Giới tính, dân tộc, địa chỉ thường trú of the representative (Mẫu 03, I.4); null prints a blank. */
  representativeGender?: string | null;
  representativeEthnicity?: string | null;
  representativeAddress?: string | null;
  phone: string | null;
  email: string | null;
  /** Mã số thuế / số giấy chứng nhận đăng ký kinh doanh. */
  registrationNumber: string | null;
};

/** The product as the forms name it, with its place in Phụ lục I (group, sub-group, product set). */
export type DocumentProduct = {
  name: string;
  /** The registry's product code, `(T)-(X)-(STT)-(year)`, when it has one. */
  code: string | null;
  /** Ngành / Nhóm / Phân nhóm as one line, e.g. "Thực phẩm / Đồ uống / Chè, cà phê, ca cao". */
  groupPath: string;
  productSet: { code: string; name: string };
};

/** A signature block: the capacity line(s) (e.g. "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH") and the name, when known. */
export type Signer = { capacity: readonly string[]; name: string | null };

/** Mẫu số 01 — Phiếu đăng ký đánh giá, phân hạng sản phẩm OCOP. */
export type RegistrationFormData = {
  provinceName: string;
  year: number;
  producer: DocumentProducer;
  product: DocumentProduct;
  kind: DossierKind;
  /** The score of the self-assessment filed with it (Mẫu 02) and the stars it projects (null: none). */
  selfAssessment: { total: number; maxPoints: number; stars: number | null; maxStars: number } | null;
  samples: number | null;
  /** Further documents attached, after the self-assessment report the form names itself. */
  attachments: readonly string[];
  /** The place of the date line ("Mai Sơn") and the day the producer signs (the dossier's submittedOn). */
  placeName: string;
  signedOn: IsoDate | null;
  /** Phiếu số `…/PĐK-(tỉnh)-(xã)-(năm)` and the commune's receipt, once received. */
  formNumber: string | null;
  receivedOn: IsoDate | null;
  receivedBy: string | null;
};

/** Mẫu số 03 — the commune's report on parts of the dossier (Art. 7.2), with its proposal to the province. */
export type CommuneReportData = {
  provinceName: string;
  /** "Xã Chiềng Mung" / "Phường Chiềng An". */
  communeName: string;
  number: string | null;
  placeName: string;
  producer: DocumentProducer;
  product: DocumentProduct;
  report: CommuneReport;
  signer: Signer;
};

/** A council seat (council_members), and whether the member attended the meeting. */
export type MinutesMember = {
  id: string;
  fullName: string;
  title: string | null;
  position: CouncilPosition;
  department: CouncilDepartment;
  present: boolean;
};

/** Where a dossier goes after the council: the province recognises (3★, 4★), the ministry (5★), or neither. */
export type Recognition = 'province' | 'ministry' | 'none';

/** One dossier as the minutes record it. `result` is the stored result (dossiers.result). */
export type MinutesDossier = {
  dossierId: string;
  product: DocumentProduct;
  producer: Pick<DocumentProducer, 'name' | 'communeName'>;
  kind: DossierKind;
  /** Members who declared a conflict of interest on it (they did not score it). */
  conflicts: readonly { memberId: string; reason: string | null }[];
  /** Each scoring member's part totals (score_sheets, scored on the version's parts), by member. */
  memberParts: readonly { memberId: string; parts: readonly { code: string; total: number }[] }[];
  result: StoredCouncilResult;
  /** Criterion code → label, for the unmet minima. */
  criterionLabels: Readonly<Record<string, string>>;
  recognition: Recognition;
};

/** Biên bản họp Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp tỉnh, for a round. */
export type CouncilMinutesData = {
  provinceName: string;
  council: { name: string; establishedBy: string | null };
  roundName: string;
  number: string | null;
  meetingOn: IsoDate;
  meetingPlace: string;
  placeName: string;
  /** The legal text the council scores by, e.g. "Quyết định số 26/2026/QĐ-TTg". */
  regimeDocument: string;
  maxStars: number;
  members: readonly MinutesMember[];
  dossiers: readonly MinutesDossier[];
};

/** One recognised product in Điều 1 of the decision. */
export type DecisionProduct = {
  productName: string;
  producerName: string;
  communeName: string;
  stars: number;
  total: number;
  productSet?: string;
};

/** Quyết định công nhận (or its draft) of the provincial People's Committee. */
export type RecognitionDecisionData = {
  provinceName: string;
  /** null: a draft, printed "Số: …/QĐ-UBND" with a blank date. */
  number: string | null;
  signedOn: IsoDate | null;
  /** The day the draft was prepared: the PDF's date while it has no signing date. */
  preparedOn: IsoDate;
  placeName: string;
  /** "Căn cứ …" lines, in order; the renderer adds the closing "Theo đề nghị của …". */
  legalBases: readonly string[];
  proposedBy: string;
  /** The provincial OCOP office (cơ quan tham mưu quản lý OCOP cấp tỉnh) Điều 2 charges, e.g. "Sở Nông nghiệp và Môi trường". */
  officeName: string;
  /** The decree whose Art. 9 inspection the producers remain under, e.g. "Quyết định số 26/2026/QĐ-TTg". */
  regimeDocument: string;
  products: readonly DecisionProduct[];
  validityMonths: number;
  /** Who carries the decision out (Điều 3) and who receives it (Nơi nhận). */
  executors: readonly string[];
  recipients: readonly string[];
  signer: Signer;
  maxStars: number;
};

/** What to improve on one criterion: where the council's average landed, and the option needed. */
export type ImprovementLine = {
  criterionCode: string;
  criterionLabel: string;
  reachedLabel: string;
  requiredLabel: string;
  requiredPoints: number;
  evidence: readonly string[];
};

/** Thông báo kết quả đánh giá, phân hạng to the commune and the producer (Art. 7.3.g). */
export type ResultLetterData = {
  provinceName: string;
  /** The office that writes (cơ quan tham mưu quản lý OCOP cấp tỉnh), e.g. "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG". */
  issuerName: string;
  number: string | null;
  signedOn: IsoDate | null;
  placeName: string;
  /** Kính gửi: the commune's People's Committee and the producer. */
  addressees: readonly string[];
  roundName: string;
  councilName: string;
  meetingOn: IsoDate;
  producer: DocumentProducer;
  product: DocumentProduct;
  result: Pick<StoredCouncilResult, 'total' | 'band' | 'stars' | 'parts'>;
  recognition: Recognition;
  maxStars: number;
  /** Each scoring member's total; `label` is a name or "Thành viên 1", as the office chooses. */
  members: readonly { label: string; total: number }[];
  /** The next star the improvements aim at (null when at the top). */
  nextStars: number | null;
  unmetMinima: readonly ImprovementLine[];
  weakCriteria: readonly ImprovementLine[];
  signer: Signer;
  recipients: readonly string[];
};
