import { sql } from 'drizzle-orm';
import { queryRows } from '../../../platform/database/database';
import type { Transactions } from '../../../platform/database/transaction';
import { certificateRevocations, certificates, certificationSettings } from './certificate.tables';

/**
 * A short text that changes whenever which products may show the OCOP mark may have changed:
 * a certificate issued, imported or superseded, a revocation, the provinces' settings, or the day
 * in Vietnam (a certificate's status follows the date). One query of aggregates, for the public
 * catalogue to know cheaply whether to rebuild. Certificates are written once and then only
 * superseded: their ids and successors say it all.
 */
export function createCertificateChangeToken(deps: { transactions: Transactions; today: () => string }) {
  return async (): Promise<string> => {
    const [row] = await queryRows<{ token: string }>(
      deps.transactions.db(),
      sql`select concat_ws('|',
        (select concat_ws(':', count(*), count(${certificates.supersededById}),
          sum(hashtext(${certificates.id}::text || coalesce(${certificates.supersededById}::text, '') || ${certificates.expiresOn}::text)))
          from ${certificates}),
        (select concat_ws(':', count(*), sum(hashtext(${certificateRevocations.certificateId}::text || ${certificateRevocations.effectiveOn}::text)))
          from ${certificateRevocations}),
        (select concat_ws(':', count(*), max(${certificationSettings.updatedAt})) from ${certificationSettings})
      ) as token`,
    );
    return `${deps.today()}|${row?.token ?? ''}`;
  };
}
