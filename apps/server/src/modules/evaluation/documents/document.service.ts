import { scoreSheet } from '@ocop/domain/evaluation';
import { vietnamDate } from '@ocop/domain/registry';
import { can, DomainError } from '@ocop/domain/shared';
import type { Clock } from '../../../platform/clock';
import type { Transactions } from '../../../platform/database/transaction';
import type { CouncilRepository } from '../councils/council.repository';
import type { CriteriaService } from '../criteria/criteria.service';
import type { DossierContext } from '../dossiers/dossier-core';
import type { DossierActor, DossierRegistry } from '../dossiers/dossier-ports';
import type { DossierJoined, DossierRepository } from '../dossiers/dossier.repository';
import type { DossierService } from '../dossiers/dossier.service';
import type { EvaluationRoundRow } from '../rounds/round.tables';
import type { RoundService } from '../rounds/round.service';
import { renderCommuneReportPdf } from './commune-report.pdf';
import { renderCouncilMinutesPdf } from './council-minutes.pdf';
import type { MinutesDossier, RecognitionDecisionData } from './document-data';
import { improvementsOf, producerOf, productOf, recognitionOf, selfAssessmentSummary, shortProvinceName } from './document-sources';
import { renderRecognitionDecisionPdf } from './recognition-decision.pdf';
import { renderRegistrationFormPdf } from './registration-form.pdf';
import { renderResultLetterPdf } from './result-letter.pdf';

export type DocumentService = ReturnType<typeof createDocumentService>;
export type RenderedDocument = { name: string; bytes: Buffer };

const MISSING = {
  report: { missing: 'Báo cáo đánh giá của UBND xã (Mẫu 03) / the commune report (form 03)' },
  result: { missing: 'kết quả chấm điểm của Hội đồng / the council’s result' },
} as const;
const notReady = (what: keyof typeof MISSING) =>
  new DomainError('invalid', 'dossier.document_not_ready', 'The document has nothing to show yet.', MISSING[what]);

/**
 * The process's documents as PDF, from what is stored: Mẫu 01 and Mẫu 03 of a dossier, the result
 * letter, a council's minutes for a round, and the (draft) recognition decision. Reading follows the
 * dossiers' rights; round-wide documents are the secretariat's.
 */
export function createDocumentService(deps: {
  transactions: Transactions;
  clock: Clock;
  criteria: CriteriaService;
  rounds: RoundService;
  dossiers: DossierService;
  repository: DossierRepository;
  councils: CouncilRepository;
  registry: DossierRegistry;
}) {
  const { transactions, clock, criteria, rounds, dossiers, repository, councils, registry } = deps;
  const provinceOf = async (code: string) => shortProvinceName(await registry.communeName(code));

  async function formOf(actor: DossierActor, row: DossierJoined) {
    return row.submittedOn ? row.registration : { ...(await registry.registrationOf(actor, row.productId)), ...row.registration };
  }

  async function managedRound(actor: DossierActor, roundId: string): Promise<EvaluationRoundRow> {
    const round = await rounds.find(roundId);
    if (!round || !can(actor.grants, 'dossiers.manage', { provinceCode: round.provinceCode }))
      throw new DomainError('not_found', 'round.not_found', 'No such round.');
    return round;
  }

  async function frozenContext(
    actor: DossierActor,
    dossierId: string,
  ): Promise<DossierContext & { sheet: NonNullable<DossierContext['sheet']> }> {
    const ctx = await dossiers.contextOf(actor, dossierId);
    if (!ctx.row.result || !ctx.sheet) throw notReady('result');
    return { ...ctx, sheet: ctx.sheet };
  }

  async function minutesDossier(row: DossierJoined): Promise<MinutesDossier | null> {
    if (!row.result || !row.criteriaVersionId) return null;
    const version = await criteria.version(row.criteriaVersionId);
    const regime = await criteria.regime(version.regimeCode);
    const sheet = criteria.prepare(version, regime);
    const [sheets, conflicts] = await Promise.all([councils.listSheets(row.id), councils.listConflicts(row.id)]);
    return {
      dossierId: row.id,
      product: productOf(row.registration, { name: row.productName, code: row.productCode }),
      producer: { name: row.producerName, communeName: String(row.registration.communeName ?? '') },
      kind: row.kind,
      conflicts: conflicts.filter((c) => c.hasConflict).map((c) => ({ memberId: c.memberId, reason: c.reason })),
      memberParts: sheets
        .filter((s) => s.status === 'submitted')
        .map((s) => ({ memberId: s.memberId, parts: scoreSheet(sheet, s.answers).parts.map((p) => ({ code: p.code, total: p.total })) })),
      result: row.result,
      criterionLabels: Object.fromEntries(sheet.answerable.map((criterion) => [criterion.code, criterion.label])),
      recognition: recognitionOf(regime, row.result),
    };
  }

  function decisionData(
    provinceName: string,
    regimeDocument: string,
    validityMonths: number,
    rows: { row: DossierJoined; stars: number }[],
    decision: { number: string | null; signedOn: string | null; signerName: string | null },
  ): RecognitionDecisionData {
    return {
      provinceName,
      number: decision.number,
      signedOn: decision.signedOn,
      preparedOn: decision.signedOn ?? vietnamDate(clock.now()),
      placeName: provinceName,
      legalBases: [
        'Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025',
        `${regimeDocument} của Thủ tướng Chính phủ ban hành Bộ tiêu chí đánh giá, phân hạng sản phẩm OCOP và quy trình đánh giá, phân hạng sản phẩm OCOP`,
      ],
      proposedBy: 'Giám đốc Sở Nông nghiệp và Môi trường',
      officeName: 'Sở Nông nghiệp và Môi trường',
      regimeDocument,
      products: rows.map(({ row, stars }) => ({
        productName: row.productName,
        producerName: row.producerName,
        communeName: String(row.registration.communeName ?? ''),
        stars,
        total: row.resultTotal ?? 0,
        productSet: String(row.registration.productSetName ?? ''),
      })),
      validityMonths,
      executors: [
        'Chánh Văn phòng UBND tỉnh',
        'Giám đốc Sở Nông nghiệp và Môi trường',
        'Chủ tịch UBND các xã, phường có sản phẩm',
        'các chủ thể có tên tại Điều 1',
      ],
      recipients: ['Như Điều 3', 'Bộ Nông nghiệp và Môi trường (b/c)', 'Lưu: VT'],
      signer: { capacity: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: decision.signerName },
      maxStars: 5,
    };
  }

  return {
    registrationForm: (actor: DossierActor, dossierId: string): Promise<RenderedDocument> =>
      transactions.run(async () => {
        const ctx = await dossiers.contextOf(actor, dossierId);
        const { row } = ctx;
        const form = await formOf(actor, row);
        const provinceName = await provinceOf(row.provinceCode);
        const bytes = await renderRegistrationFormPdf({
          provinceName,
          year: Number((row.submittedOn ?? vietnamDate(clock.now())).slice(0, 4)),
          producer: producerOf(form),
          product: productOf(form, { name: row.productName, code: row.productCode }),
          kind: row.kind,
          selfAssessment: selfAssessmentSummary(ctx.sheet, ctx.answers),
          samples: ctx.samplesRequired > 0 ? ctx.samplesRequired : null,
          attachments: ctx.checklist.filter((line) => line.present).map((line) => line.label),
          placeName: String(form.communeName ?? provinceName),
          signedOn: row.submittedOn,
          formNumber: null,
          receivedOn: row.submittedOn,
          receivedBy: null,
        });
        return { name: `Mau-01-${row.productCode ?? row.id}.pdf`, bytes };
      }),

    communeReport: (actor: DossierActor, dossierId: string): Promise<RenderedDocument> =>
      transactions.run(async () => {
        const { row } = await dossiers.contextOf(actor, dossierId);
        if (!row.communeReport) throw notReady('report');
        const form = await formOf(actor, row);
        const communeName = (await registry.communeName(row.communeCode)) ?? '';
        const bytes = await renderCommuneReportPdf({
          provinceName: await provinceOf(row.provinceCode),
          communeName,
          number: null,
          placeName: communeName.replace(/^(Xã|Phường|Thị trấn)\s+/u, ''),
          producer: producerOf(form),
          product: productOf(form, { name: row.productName, code: row.productCode }),
          report: row.communeReport,
          signer: { capacity: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: row.communeReport.reportedBy },
        });
        return { name: `Mau-03-${row.productCode ?? row.id}.pdf`, bytes };
      }),

    resultLetter: (actor: DossierActor, dossierId: string): Promise<RenderedDocument> =>
      transactions.run(async () => {
        const ctx = await frozenContext(actor, dossierId);
        const { row } = ctx;
        const result = row.result as NonNullable<typeof row.result>;
        const provinceName = await provinceOf(row.provinceCode);
        const council = row.councilId ? await councils.findCouncil(row.councilId) : undefined;
        const communeName = (await registry.communeName(row.communeCode)) ?? '';
        const bytes = await renderResultLetterPdf({
          provinceName,
          issuerName: 'SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG',
          number: null,
          signedOn: result.closedOn,
          placeName: provinceName,
          addressees: [`Ủy ban nhân dân ${communeName}`, row.producerName],
          roundName: row.roundName,
          councilName: council?.name ?? 'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh',
          meetingOn: result.closedOn,
          producer: producerOf(row.registration),
          product: productOf(row.registration, { name: row.productName, code: row.productCode }),
          result,
          recognition: recognitionOf(ctx.regime, result),
          maxStars: 5,
          members: result.members.map((member, index) => ({ label: `Thành viên ${index + 1}`, total: member.total })),
          ...improvementsOf(ctx, result),
          signer: { capacity: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'], name: null },
          recipients: ['Như trên', 'Lưu: VT, Văn phòng OCOP'],
        });
        return { name: `Thong-bao-ket-qua-${row.productCode ?? row.id}.pdf`, bytes };
      }),

    /** The minutes of one council of the round (the first with a scored dossier, or the one named). */
    minutes: (actor: DossierActor, roundId: string, councilId?: string): Promise<RenderedDocument> =>
      transactions.run(async () => {
        const round = await managedRound(actor, roundId);
        const list = await councils.listCouncilsOfRound(round.id);
        const chosen: MinutesDossier[] = [];
        let council = councilId ? list.find((candidate) => candidate.id === councilId) : undefined;
        for (const candidate of council ? [council] : list) {
          const ids = (await councils.listDossiersOfCouncil(candidate.id)).map((d) => d.id);
          for (const row of await repository.findJoinedMany(ids)) {
            const entry = await minutesDossier(row);
            if (entry) chosen.push(entry);
          }
          if (chosen.length > 0) {
            council = candidate;
            break;
          }
        }
        if (!council || chosen.length === 0) throw notReady('result');
        const members = await councils.listMembers(council.id);
        const meetingOn =
          chosen
            .map((d) => d.result.closedOn)
            .sort()
            .at(-1) ?? vietnamDate(clock.now());
        const provinceName = await provinceOf(round.provinceCode);
        const bytes = await renderCouncilMinutesPdf({
          provinceName,
          council: { name: council.name, establishedBy: council.establishedBy },
          roundName: round.name,
          number: null,
          meetingOn,
          meetingPlace: `Trụ sở Sở Nông nghiệp và Môi trường tỉnh ${provinceName}`,
          placeName: provinceName,
          regimeDocument: 'Quyết định số 26/2026/QĐ-TTg',
          maxStars: 5,
          members: members.map((m) => ({
            id: m.id,
            fullName: m.fullName,
            title: m.title,
            position: m.position,
            department: m.department,
            present: true,
          })),
          dossiers: chosen,
        });
        return { name: `Bien-ban-hoi-dong-${round.year}-${round.ordinal}.pdf`, bytes };
      }),

    /** The draft decision of a round: its scored dossiers the province recognises (3★–4★ under 90 points). */
    draftDecision: (actor: DossierActor, roundId: string): Promise<RenderedDocument> =>
      transactions.run(async () => {
        const round = await managedRound(actor, roundId);
        const items = await repository.listPage('all', { roundId: round.id, state: 'scored' }, { page: 1, pageSize: 500 });
        const rows = [];
        for (const row of items) {
          if (!row.result) continue;
          const regime = await criteria.regime(row.regimeCode);
          if (recognitionOf(regime, row.result) === 'province') rows.push({ row, stars: row.result.stars });
        }
        const regime = await criteria.regimeInForce();
        const provinceName = await provinceOf(round.provinceCode);
        const data = decisionData(provinceName, `Quyết định số ${regime.legalBasis.docNo}`, regime.certificateValidityMonths ?? 36, rows, {
          number: null,
          signedOn: null,
          signerName: null,
        });
        return { name: `Du-thao-quyet-dinh-${round.year}-${round.ordinal}.pdf`, bytes: await renderRecognitionDecisionPdf(data) };
      }),

    /** A recorded recognition decision, with its number and date. */
    decision: (actor: DossierActor, decisionId: string): Promise<RenderedDocument> =>
      transactions.run(async () => {
        const decision = await repository.findDecision(decisionId);
        if (!decision || !can(actor.grants, 'dossiers.read', { provinceCode: decision.provinceCode }))
          throw new DomainError('not_found', 'dossier.not_found', 'No such decision.');
        const rows = (await repository.findJoinedMany(await repository.dossierIdsOfDecision(decision.id))).map((row) => ({
          row,
          stars: row.recognisedStars ?? row.resultStars ?? 0,
        }));
        const regime = await criteria.regimeInForce(decision.signedOn);
        const data = decisionData(
          await provinceOf(decision.provinceCode),
          `Quyết định số ${regime.legalBasis.docNo}`,
          regime.certificateValidityMonths ?? 36,
          rows,
          decision,
        );
        return {
          name: `Quyet-dinh-${decision.number.replace(/[^\p{L}\p{N}-]+/gu, '-')}.pdf`,
          bytes: await renderRecognitionDecisionPdf(data),
        };
      }),
  };
}
