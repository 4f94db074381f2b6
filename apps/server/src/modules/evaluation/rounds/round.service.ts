import type { CreateRoundBody } from '@ocop/contracts/dossiers';
import { defaultRounds, type RoundLevel } from '@ocop/domain/evaluation';
import { can, DomainError, type RoleGrant } from '@ocop/domain/shared';
import type { Clock } from '../../../platform/clock';
import type { Transactions } from '../../../platform/database/transaction';
import type { AuditContext, AuditService } from '../../identity';
import type { CriteriaService } from '../criteria/criteria.service';
import type { RoundRepository } from './round.repository';
import type { EvaluationRoundInsert, EvaluationRoundRow } from './round.tables';

export type RoundActor = { userId: string | null; grants: readonly RoleGrant[] };
export type RoundService = ReturnType<typeof createRoundService>;

const notFound = () => new DomainError('not_found', 'round.not_found', 'No such evaluation round.');

export function roundName(level: RoundLevel, ordinal: number, year: number): string {
  return level === 'province' ? `Đợt ${ordinal} năm ${year}` : `Đợt ${ordinal} cấp trung ương (5 sao) năm ${year}`;
}

function checkDates(round: { filingBy: string | null; proposalsBy: string; resultsBy: string }) {
  if (round.proposalsBy > round.resultsBy || (round.filingBy !== null && round.filingBy > round.proposalsBy)) {
    throw new DomainError('invalid', 'round.dates_invalid', 'Round dates out of order.', {
      proposalsBy: round.proposalsBy,
      resultsBy: round.resultsBy,
    });
  }
}

/** The provinces whose rounds a user sees: any province one of its grants names (every province for a system grant). */
function visibleProvinces(grants: readonly RoleGrant[]): string[] | 'all' {
  if (grants.some((grant) => grant.role === 'system_admin')) return 'all';
  return [...new Set(grants.map((grant) => grant.provinceCode).filter((code): code is string => code !== null))];
}

export function createRoundService(deps: {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  criteria: CriteriaService;
  repository: RoundRepository;
}) {
  const { transactions, clock, audit, criteria, repository } = deps;

  function assertManages(actor: RoundActor, provinceCode: string) {
    if (!can(actor.grants, 'rounds.manage', { provinceCode }))
      throw new DomainError('forbidden', 'province.outside_scope', 'Outside the province of your role.', { provinceCode });
  }

  async function insertRound(
    actor: RoundActor,
    round: Omit<EvaluationRoundInsert, 'ordinal' | 'name' | 'createdAt' | 'updatedAt'> & { name?: string | undefined },
    context: AuditContext,
  ): Promise<EvaluationRoundRow> {
    const ordinal = await repository.nextOrdinal(round.provinceCode, round.level, round.year);
    const now = clock.now();
    const row = await repository.insert({
      ...round,
      ordinal,
      name: round.name ?? roundName(round.level, ordinal, round.year),
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    if (!row) throw new DomainError('conflict', 'round.exists', 'That round exists.', { ordinal, year: round.year, level: round.level });
    await audit.record(context, {
      action: 'round.created',
      entityType: 'evaluation_round',
      entityId: row.id,
      provinceCode: row.provinceCode,
      after: { name: row.name, level: row.level, proposalsBy: row.proposalsBy, resultsBy: row.resultsBy },
    });
    return row;
  }

  return {
    list: (actor: RoundActor, query: { provinceCode?: string | undefined; year?: number | undefined }) => {
      const visible = visibleProvinces(actor.grants);
      const provinces = query.provinceCode
        ? visible === 'all' || visible.includes(query.provinceCode)
          ? [query.provinceCode]
          : []
        : visible;
      return repository.list(provinces, query.year);
    },

    /** The round, if the actor sees its province; else 404. */
    get: async (actor: RoundActor, id: string): Promise<EvaluationRoundRow> => {
      const round = await repository.findById(id);
      const visible = visibleProvinces(actor.grants);
      if (!round || (visible !== 'all' && !visible.includes(round.provinceCode))) throw notFound();
      return round;
    },

    /** For other use cases of the module: the round as stored, no scope check. */
    find: (id: string) => repository.findById(id),

    create: (actor: RoundActor, body: CreateRoundBody, context: AuditContext) =>
      transactions.run(async () => {
        assertManages(actor, body.provinceCode);
        const round = { filingBy: body.filingBy ?? null, proposalsBy: body.proposalsBy, resultsBy: body.resultsBy };
        checkDates(round);
        return insertRound(
          actor,
          { provinceCode: body.provinceCode, level: body.level, kind: 'extra', year: body.year, name: body.name, ...round },
          context,
        );
      }),

    /** Opens the Art. 5 rounds of a year (province and ministry) that the province does not have yet. */
    openDefaults: (actor: RoundActor, provinceCode: string, year: number, context: AuditContext) =>
      transactions.run(async () => {
        assertManages(actor, provinceCode);
        // The rounds of the regime in force today (only 26/2026 states a schedule).
        const regime = await criteria.regimeInForce();
        const existing = await repository.list([provinceCode], year);
        const opened: EvaluationRoundRow[] = [];
        for (const level of ['province', 'ministry'] as const) {
          for (const plan of defaultRounds(regime, year, level)) {
            if (existing.some((round) => round.level === level && round.proposalsBy === plan.proposalsBy)) continue;
            opened.push(
              await insertRound(
                actor,
                {
                  provinceCode,
                  level,
                  kind: 'regular',
                  year,
                  filingBy: null,
                  proposalsBy: plan.proposalsBy,
                  resultsBy: plan.resultsBy,
                },
                context,
              ),
            );
          }
        }
        return opened;
      }),

    update: (
      actor: RoundActor,
      id: string,
      change: Partial<Pick<EvaluationRoundRow, 'name' | 'filingBy' | 'proposalsBy' | 'resultsBy' | 'status'>>,
      context: AuditContext,
    ) =>
      transactions.run(async () => {
        const round = await repository.findById(id);
        if (!round || !can(actor.grants, 'rounds.manage', { provinceCode: round.provinceCode })) throw notFound();
        const next = { ...round, ...Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined)) };
        checkDates(next);
        const saved = await repository.update(id, { ...change, updatedAt: clock.now() });
        await audit.record(context, {
          action: 'round.updated',
          entityType: 'evaluation_round',
          entityId: id,
          provinceCode: round.provinceCode,
          before: Object.fromEntries(Object.keys(change).map((key) => [key, round[key as keyof EvaluationRoundRow]])),
          after: change,
        });
        return saved as EvaluationRoundRow;
      }),

    holidays: (provinceCode: string, from?: string, to?: string) => repository.holidays(provinceCode, from, to),

    setHolidays: (
      actor: RoundActor,
      body: { provinceCode: string; year: number; holidays: { day: string; name: string }[] },
      context: AuditContext,
    ) =>
      transactions.run(async () => {
        assertManages(actor, body.provinceCode);
        const outside = body.holidays.find((holiday) => !holiday.day.startsWith(`${body.year}-`));
        if (outside)
          throw new DomainError('invalid', 'round.dates_invalid', 'A holiday outside the year.', {
            proposalsBy: outside.day,
            resultsBy: String(body.year),
          });
        const unique = [...new Map(body.holidays.map((holiday) => [holiday.day, holiday])).values()];
        await repository.replaceHolidays(body.provinceCode, body.year, unique);
        await audit.record(context, {
          action: 'holidays.replaced',
          entityType: 'province',
          entityId: null,
          provinceCode: body.provinceCode,
          after: { year: body.year, days: unique.map((holiday) => holiday.day) },
        });
        return repository.holidays(body.provinceCode, `${body.year}-01-01`, `${body.year}-12-31`);
      }),
  };
}
