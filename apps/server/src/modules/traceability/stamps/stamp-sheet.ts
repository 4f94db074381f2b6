import { DomainError } from '@ocop/domain/shared';
import {
  formatStampSerial,
  layoutStampLabels,
  STAMP_LAYOUT_PRESETS,
  STAMP_LIMITS,
  type StampLayout,
  type StampLayoutPreset,
  stampLink,
} from '@ocop/domain/traceability';
import type { Transactions } from '../../../platform/database/transaction';
import { qrModulesOf, qrVersionFor } from '../../../platform/pdf/qr';
import { renderStampSheet, type SheetLabel } from './stamp-sheet.pdf';
import type { StampRepository } from './stamp.repository';
import type { StampActor, StampService } from './stamp.service';

// Rows read per query while the sheet is drawn.
const READ_BATCH = 1_000;

/** The refusal of a layout, with its reason's numbers for the message. */
function layoutRefused(problem: Exclude<ReturnType<typeof layoutStampLabels>, { ok: true }>): DomainError {
  const { ok: _ok, problem: kind, ...details } = problem;
  const code = `stamp_layout.${kind}` as const;
  return new DomainError('invalid', code, `The label layout is refused: ${kind}.`, { field: 'layout', ...details });
}

/**
 * The print sheet of an issued order's stamps (a range of at most 10,000), as a PDF on a label
 * layout. The layout is checked against the QR version the order's links need before anything is
 * drawn; each QR code holds the stamp's link on the public address.
 */
export function createStampSheets(deps: {
  transactions: Transactions;
  repository: StampRepository;
  orders: StampService;
  publicUrl: string;
}) {
  const { transactions, repository, orders, publicUrl } = deps;

  return {
    printSheet: async (
      actor: StampActor,
      orderId: string,
      input: { layout: StampLayoutPreset | StampLayout; from?: number | undefined; to?: number | undefined },
    ) => {
      const order = await transactions.run(() => orders.readable(actor, orderId));
      if (order.state !== 'issued')
        throw new DomainError('conflict', 'stamp_order.not_issued', 'The order is still being issued.', {
          issuedCount: order.issuedCount,
          quantity: order.quantity,
        });
      const from = input.from ?? 1;
      const to = input.to ?? order.quantity;
      if (from > to || to > order.quantity)
        throw new DomainError('invalid', 'stamp.range_invalid', 'The range is not valid.', {
          from,
          to,
          quantity: order.quantity,
          max: STAMP_LIMITS.sheetMax,
        });
      const count = to - from + 1;
      if (count > STAMP_LIMITS.sheetMax)
        throw new DomainError('invalid', 'stamp_sheet.too_many', 'Too many stamps for one PDF.', { count, max: STAMP_LIMITS.sheetMax });
      const layout = typeof input.layout === 'string' ? STAMP_LAYOUT_PRESETS[input.layout] : input.layout;
      // Every link of an order has the same length (fixed host, GTIN, lot and 20-character serial).
      const sample = stampLink(publicUrl, order, '0'.repeat(20));
      const qrVersion = qrVersionFor(sample);
      const laid = layoutStampLabels(layout, qrModulesOf(qrVersion));
      if (!laid.ok) throw layoutRefused(laid);

      async function* labels(): AsyncGenerator<SheetLabel[]> {
        for (let next = from; next <= to; next += READ_BATCH) {
          const rows = await transactions.run(() => repository.listStamps(order.id, next, Math.min(READ_BATCH, to - next + 1)));
          yield rows.map((row) => ({ url: stampLink(publicUrl, order, row.serial), printed: formatStampSerial(row.serial) }));
        }
      }
      const bytes = await renderStampSheet(
        {
          title: `Tem truy xuất ${from}–${to} / Trace stamps`,
          date: order.issuedAt ?? order.createdAt,
          geometry: laid.geometry,
          qrVersion,
        },
        labels(),
      );
      return { bytes, from, to };
    },
  };
}

export type StampSheets = ReturnType<typeof createStampSheets>;
