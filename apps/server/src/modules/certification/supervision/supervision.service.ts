import { type CertificateView, SUPERVISION_ROW_LIMIT, type SupervisionList, type SupervisionListView } from '@ocop/contracts/certification';
import { addDays, termEnd } from '@ocop/domain/certification';
import { reachOf } from '@ocop/domain/shared';
import type { CertificateFilters, CertificateRepository } from '../certificates/certificate.repository';
import type { CertificateActor, CertificateService } from '../certificates/certificate.service';

/** The same day `months` later (or earlier, when negative); a 31st that month lacks runs into the next. */
export function shiftMonths(day: string, months: number): string {
  return addDays(termEnd(day, months), 1);
}

/** How far back the list of expired certificates looks (older ones are history, not supervision). */
const EXPIRED_LOOKBACK_MONTHS = 36;

type ListPlan = {
  filters: CertificateFilters;
  keep: (view: CertificateView) => boolean;
  order: (a: CertificateView, b: CertificateView) => number;
};

const bySoonestExpiry = (a: CertificateView, b: CertificateView) =>
  a.expiresOn.localeCompare(b.expiresOn) || a.number.localeCompare(b.number);
const byLatestExpiry = (a: CertificateView, b: CertificateView) =>
  b.expiresOn.localeCompare(a.expiresOn) || a.number.localeCompare(b.number);
const byLatestEffect = (a: CertificateView, b: CertificateView) =>
  (b.revocation?.effectiveOn ?? '').localeCompare(a.revocation?.effectiveOn ?? '') || a.number.localeCompare(b.number);

/**
 * What each list holds, for today (Vietnam's calendar):
 *
 * - expiring_3m / expiring_6m: current certificates (not superseded, no revocation recorded) that
 *   may show the mark today and whose last valid day `expiresOn` falls in today … the same day 3
 *   (or 6) months on. Those whose product already has a re-evaluation dossier filed stay on the
 *   list (status in_re_evaluation; the view's `pendingReEvaluation` says since when), so officers
 *   see at a glance who has acted and who still has to. The 6-month list contains the 3-month one.
 * - expired_not_renewed: status `expired` (a re-evaluation filed in time keeps a certificate
 *   `extended` instead) and not superseded by a newer certificate, having expired within the last
 *   36 months.
 * - revoked: every certificate with a revocation recorded: in effect (status `revoked`) and
 *   recorded but not yet in effect (Art. 8: 15 days after the finding; the view's
 *   `revocation.effectiveOn` gives the day), latest effect first.
 *
 * Every list is bounded by SUPERVISION_ROW_LIMIT rows (`truncated` says when it was reached).
 */
function planOf(list: SupervisionList, today: string): ListPlan {
  switch (list) {
    case 'expiring_3m':
    case 'expiring_6m':
      return {
        filters: {
          expiresBetween: { from: today, to: shiftMonths(today, list === 'expiring_3m' ? 3 : 6) },
          current: true,
          revoked: false,
        },
        keep: (view) => view.mayShowMark,
        order: bySoonestExpiry,
      };
    case 'expired_not_renewed':
      return {
        filters: { expiresBetween: { from: shiftMonths(today, -EXPIRED_LOOKBACK_MONTHS), to: addDays(today, -1) }, current: true },
        keep: (view) => view.status === 'expired',
        order: byLatestExpiry,
      };
    case 'revoked':
      return { filters: { revoked: true }, keep: () => true, order: byLatestEffect };
  }
}

export type CertificateSupervision = ReturnType<typeof createCertificateSupervision>;

/** The province's supervision lists (Art. 8 and 12): what expires soon, what expired unrenewed, what was revoked. */
export function createCertificateSupervision(deps: { repository: CertificateRepository; certificates: CertificateService }) {
  const { repository, certificates } = deps;
  return {
    /** The list as the reader may read it: a province officer sees the province, a producer its own. */
    list: async (actor: CertificateActor, list: SupervisionList): Promise<SupervisionListView> => {
      const today = certificates.today();
      const plan = planOf(list, today);
      const reach = reachOf(actor.grants, 'certificates.read');
      // One row more than the limit tells a full list from a cut one.
      const rows = await repository.listAll(reach, plan.filters, SUPERVISION_ROW_LIMIT + 1);
      const views = (await certificates.viewsOf(rows.slice(0, SUPERVISION_ROW_LIMIT))).filter(plan.keep).sort(plan.order);
      return { list, today, items: views, truncated: rows.length > SUPERVISION_ROW_LIMIT };
    },
  };
}
