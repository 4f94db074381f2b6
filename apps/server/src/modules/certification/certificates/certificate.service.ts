import type { CertificateListQuery, CertificationSettingsView, OcopMarkView } from '@ocop/contracts/certification';
import { certificateListQuery } from '@ocop/contracts/certification';
import {
  DEFAULT_NUMBER_PATTERN,
  DEFAULT_STATUS_POLICY,
  formatCertificateNumber,
  normaliseCertificateNumber,
  patternProblem,
  type StatusPolicy,
} from '@ocop/domain/certification';
import { vietnamDate } from '@ocop/domain/registry';
import { can, DomainError, reachOf, type RoleGrant } from '@ocop/domain/shared';
import type { PublicCertificateView } from '@ocop/contracts/certification';
import type { Clock } from '../../../platform/clock';
import { createMemoCache } from '../../../platform/memo-cache';
import type { Transactions } from '../../../platform/database/transaction';
import type { AuditContext, AuditService } from '../../identity';
import type { CertificationEvaluation } from '../certification-ports';
import type { CertificateJoined, CertificateRepository } from './certificate.repository';
import { certificateViewOf, publicViewOf, verificationUrl } from './certificate.view';

export type CertificateActor = { userId: string | null; grants: readonly RoleGrant[] };

/** Lists filtered by a derived status are read whole first; a province holds a few thousand certificates at most. */
export const STATUS_FILTER_ROW_LIMIT = 20_000;

/** Bounds the verification cache whatever numbers are asked (made-up ones included). */
export const VERIFY_CACHE_ENTRIES = 20_000;

/** The id asked for when a number is unknown, so a made-up number costs the same queries as a real one. */
const NO_PRODUCT = '00000000-0000-0000-0000-000000000000';

export type VerifyResult = { kind: 'malformed' } | { kind: 'unknown'; number: string } | { kind: 'found'; view: PublicCertificateView };

export const certificateNotFound = () => new DomainError('not_found', 'certificate.not_found', 'No such certificate.');

export type CertificateService = ReturnType<typeof createCertificateService>;

/** Reading certificates with their status derived today, the mark question, and the province's settings. */
export function createCertificateService(deps: {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  repository: CertificateRepository;
  evaluation: CertificationEvaluation;
  publicUrl: string;
  verifyCacheMs: number;
}) {
  const { transactions, clock, audit, repository, evaluation, publicUrl } = deps;
  const today = () => vietnamDate(clock.now());
  // Verification answers and the provinces' settings are reused for `verifyCacheMs` (60 s by default):
  // a change made by this process clears them at once; one made by another process shows within that
  // time (a revocation takes effect days after its finding anyway).
  const verified = createMemoCache<VerifyResult>({ ttlMs: deps.verifyCacheMs, maxEntries: VERIFY_CACHE_ENTRIES });
  const policies = createMemoCache<StatusPolicy>({ ttlMs: deps.verifyCacheMs, maxEntries: 100 });

  async function policyOf(provinceCode: string): Promise<StatusPolicy> {
    const known = policies.get(provinceCode);
    if (known) return known;
    const settings = await repository.findSettings(provinceCode);
    const terms = await evaluation.terms('26/2026');
    const policy = {
      expiringWindowDays: settings?.expiringWindowDays ?? DEFAULT_STATUS_POLICY.expiringWindowDays,
      lateExtensionMaxDays: terms.lateExtensionMaxDays,
    };
    policies.set(provinceCode, policy);
    return policy;
  }

  /** Forget reused answers after a change this process made (issue, revocation, settings, import). */
  function forgetCached() {
    verified.clear();
    policies.clear();
  }

  /** Views of many certificates at once: one pending-re-evaluation query, one settings read per province. */
  async function viewsOf(rows: readonly CertificateJoined[]) {
    const productIds = [...new Set(rows.flatMap((row) => (row.certificate.productId ? [row.certificate.productId] : [])))];
    const pending = await evaluation.pendingReEvaluations(productIds);
    const policies = new Map<string, StatusPolicy>();
    for (const code of new Set(rows.map((row) => row.certificate.provinceCode))) policies.set(code, await policyOf(code));
    const day = today();
    return rows.map((row) => {
      const waiting = row.certificate.productId ? pending.get(row.certificate.productId) : undefined;
      const policy = policies.get(row.certificate.provinceCode) ?? DEFAULT_STATUS_POLICY;
      return certificateViewOf(
        row,
        waiting ? { dossierId: waiting.dossierId, filedOn: waiting.filedOn, lateFiling: waiting.lateFiling } : null,
        day,
        policy,
        publicUrl,
      );
    });
  }

  async function readable(actor: CertificateActor, id: string) {
    const row = await repository.findJoined(id);
    if (!row || !can(actor.grants, 'certificates.read', row.certificate)) throw certificateNotFound();
    return row;
  }

  async function settingsOf(provinceCode: string): Promise<CertificationSettingsView> {
    const row = await repository.findSettings(provinceCode);
    const numberPattern = row?.numberPattern ?? DEFAULT_NUMBER_PATTERN;
    const year = Number(today().slice(0, 4));
    return {
      provinceCode,
      numberPattern,
      expiringWindowDays: row?.expiringWindowDays ?? DEFAULT_STATUS_POLICY.expiringWindowDays,
      revision: row?.revision ?? 0,
      example: formatCertificateNumber(numberPattern, {
        seq: await repository.peekSeq(provinceCode, numberPattern.includes('{year}') ? year : 0),
        province: provinceCode,
        year,
        stars: 4,
      }),
    };
  }

  /** The mark question for many products: the best certificate each may show today. */
  async function marksOf(productIds: readonly string[]): Promise<Map<string, OcopMarkView>> {
    const views = await viewsOf(await repository.listOfProducts(productIds));
    const marks = new Map<string, OcopMarkView>();
    for (const productId of productIds)
      marks.set(productId, {
        productId,
        allowed: false,
        stars: null,
        certificateNumber: null,
        status: null,
        validUntil: null,
        verificationUrl: null,
      });
    for (const view of views) {
      if (!view.productId) continue;
      const known = marks.get(view.productId);
      const better = view.mayShowMark && (!known?.allowed || (known.stars ?? 0) < view.stars);
      // The newest certificate's status answers when none may show the mark (it says why: expired, revoked).
      if (better || (known && !known.allowed && known.status === null))
        marks.set(view.productId, {
          productId: view.productId,
          allowed: view.mayShowMark,
          stars: view.mayShowMark ? view.stars : null,
          certificateNumber: view.number,
          status: view.status,
          validUntil: view.validUntil,
          verificationUrl: view.verificationUrl,
        });
    }
    return marks;
  }

  return {
    today,
    viewsOf,
    policyOf,

    list: async (actor: CertificateActor, input: CertificateListQuery) => {
      const query = certificateListQuery.parse(input);
      const reach = reachOf(actor.grants, 'certificates.read');
      const filters = {
        q: query.q,
        stars: query.stars,
        productId: query.productId,
        producerId: query.producerId,
        dossierId: query.dossierId,
      };
      const offset = (query.page - 1) * query.pageSize;
      if (!query.status) {
        const { rows, total } = await repository.list(reach, filters, { limit: query.pageSize, offset });
        return { items: await viewsOf(rows), total, page: query.page, pageSize: query.pageSize };
      }
      // The status is derived, not stored: derive it for the reader's certificates, then page.
      const all = (await viewsOf(await repository.listAll(reach, filters, STATUS_FILTER_ROW_LIMIT))).filter(
        (view) => view.status === query.status,
      );
      all.sort((a, b) => (a.issuedOn === b.issuedOn ? b.number.localeCompare(a.number) : b.issuedOn.localeCompare(a.issuedOn)));
      return { items: all.slice(offset, offset + query.pageSize), total: all.length, page: query.page, pageSize: query.pageSize };
    },

    get: async (actor: CertificateActor, id: string) => {
      const [view] = await viewsOf([await readable(actor, id)]);
      if (!view) throw certificateNotFound();
      return view;
    },

    readable,

    /**
     * The public verification of a number as typed or scanned. A malformed number and an unknown
     * one both end in one indexed lookup, so neither answers faster than a real certificate.
     */
    verify: async (input: string): Promise<VerifyResult> => {
      const number = normaliseCertificateNumber(input);
      if (!number) return { kind: 'malformed' };
      const key = `${today()}|${number}`;
      const cached = verified.get(key);
      if (cached) return cached;
      const row = await repository.findJoinedByNumber(number);
      let result: VerifyResult;
      if (row) {
        const [view] = await viewsOf([row]);
        result = view ? { kind: 'found', view: publicViewOf(view) } : { kind: 'unknown', number };
      } else {
        await evaluation.pendingReEvaluations([NO_PRODUCT]);
        result = { kind: 'unknown', number };
      }
      verified.set(key, result);
      return result;
    },
    forgetCached,

    markOf: async (productId: string) => {
      const mark = (await marksOf([productId])).get(productId);
      if (!mark) throw new DomainError('not_found', 'product.not_found', 'No such product.');
      return mark;
    },
    marksOf,

    verificationUrl: (number: string) => verificationUrl(publicUrl, number),

    settings: async (actor: CertificateActor, provinceCode: string) => {
      if (!can(actor.grants, 'certificates.manage', { provinceCode })) throw certificateNotFound();
      return settingsOf(provinceCode);
    },
    settingsOf,

    saveSettings: (
      actor: CertificateActor,
      provinceCode: string,
      body: { numberPattern: string; expiringWindowDays: number; revision: number },
      context: AuditContext,
    ) =>
      transactions.run(async () => {
        if (!can(actor.grants, 'certificates.manage', { provinceCode })) throw certificateNotFound();
        const problem = patternProblem(body.numberPattern);
        if (problem)
          throw new DomainError('invalid', 'certificate.pattern_invalid', 'The number pattern is not valid.', {
            problem,
            pattern: body.numberPattern,
          });
        const before = await repository.findSettings(provinceCode);
        const saved = await repository.saveSettingsOver(body.revision, {
          provinceCode,
          numberPattern: body.numberPattern,
          expiringWindowDays: body.expiringWindowDays,
          updatedBy: actor.userId,
          updatedAt: clock.now(),
        });
        if (!saved)
          throw new DomainError('conflict', 'certificate.settings_changed_concurrently', 'The settings changed meanwhile.', {
            revision: before?.revision ?? 0,
          });
        forgetCached();
        await audit.record(context, {
          action: 'certification.settings_saved',
          entityType: 'certification_settings',
          entityId: null,
          provinceCode,
          before: before ? { numberPattern: before.numberPattern, expiringWindowDays: before.expiringWindowDays } : null,
          after: { numberPattern: saved.numberPattern, expiringWindowDays: saved.expiringWindowDays },
        });
        return settingsOf(provinceCode);
      }),
  };
}
