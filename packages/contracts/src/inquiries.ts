import { INQUIRY_STATUSES } from '@ocop/domain/catalogue';
import { z } from 'zod';
import { pageOf, pageQuery } from './common';

export const inquiryListQuery = z
  .object({
    ...pageQuery,
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
    status: z.enum(INQUIRY_STATUSES).optional(),
    producerId: z.uuid().optional(),
  })
  .strict();
export type InquiryListQuery = z.input<typeof inquiryListQuery>;

/** An inquiry as the back office shows it; every text is the buyer's, shown as text, never as markup. */
export const inquiryView = z.object({
  id: z.uuid(),
  producerId: z.uuid(),
  producerName: z.string(),
  productId: z.uuid().nullable(),
  productName: z.string().nullable(),
  name: z.string(),
  contact: z.string(),
  quantity: z.string().nullable(),
  message: z.string(),
  status: z.enum(INQUIRY_STATUSES),
  createdAt: z.iso.datetime(),
  statusChangedAt: z.iso.datetime().nullable(),
});
export type InquiryView = z.infer<typeof inquiryView>;

export const inquiryPage = pageOf(inquiryView).extend({ unread: z.number().int() });
export type InquiryPage = z.infer<typeof inquiryPage>;

/** The producer's step: new → read → answered → closed (forward only). */
export const inquiryStatusBody = z.object({ status: z.enum(['read', 'answered', 'closed']) }).strict();
export type InquiryStatusBody = z.infer<typeof inquiryStatusBody>;

/** The settings of a producer's public page: its phone is hidden unless its members choose to show it. */
export const producerPageSettings = z.object({ producerId: z.uuid(), showPhone: z.boolean() });
export type ProducerPageSettings = z.infer<typeof producerPageSettings>;
export const producerPageSettingsBody = z.object({ showPhone: z.boolean() }).strict();
