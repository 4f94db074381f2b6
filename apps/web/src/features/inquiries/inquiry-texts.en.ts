import type { inquiriesVi } from './inquiry-texts.vi';

/** The texts of the inquiries screen, in English. */
export const inquiriesEn: Record<keyof typeof inquiriesVi, string> = {
  'inquiries.title': 'Inquiries',
  'inquiries.intro': 'Inquiries buyers sent from the product and producer pages of the public portal. New ones come first.',
  'inquiries.unread': '{count} new',
  'inquiries.empty': 'No inquiries yet.',
  'inquiries.col.from': 'From',
  'inquiries.col.about': 'About',
  'inquiries.col.status': 'Status',
  'inquiries.col.at': 'Sent',
  'inquiries.status.new': 'New',
  'inquiries.status.read': 'Read',
  'inquiries.status.answered': 'Answered',
  'inquiries.status.closed': 'Closed',
  'inquiries.producerOnly': 'The producer (no product chosen)',
  'inquiries.back': '← Inquiries',
  'inquiries.contact': 'Contact',
  'inquiries.quantity': 'Quantity',
  'inquiries.message': 'Message',
  'inquiries.producer': 'Producer',
  'inquiries.product': 'Product',
  'inquiries.markAnswered': 'Mark answered',
  'inquiries.close': 'Close',
  'inquiries.saved': 'Status updated.',
  'inquiries.showPhone': 'Show the producer’s phone number on its public page',
  'inquiries.showPhoneHelp': 'The phone number is hidden by default; buyers write through the inquiry form.',
};
