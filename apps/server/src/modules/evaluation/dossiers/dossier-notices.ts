import type { DossierState } from '@ocop/domain/evaluation';
import type { Role } from '@ocop/domain/shared';
import type { DossierJoined } from './dossier.repository';

type Audience = { roles: readonly Role[]; place: 'province' | 'commune' | 'producer' } | 'council';

const PRODUCER: Audience = { roles: ['producer_member'], place: 'producer' };
const COMMUNE: Audience = { roles: ['commune_officer'], place: 'commune' };
const SECRETARIAT: Audience = { roles: ['province_officer', 'province_admin'], place: 'province' };

/** What each state asks of whom: the notice goes to whoever must act next (and to the producer when it learns a result). */
const NOTICES: Partial<Record<DossierState, { audiences: Audience[]; vi: string; en: string }>> = {
  submitted: {
    audiences: [COMMUNE],
    vi: 'có hồ sơ mới cần UBND xã đánh giá trong 15 ngày làm việc',
    en: 'a new dossier for the commune to assess within 15 working days',
  },
  returned_by_commune: {
    audiences: [PRODUCER],
    vi: 'hồ sơ bị xã trả lại, cần bổ sung',
    en: 'the commune returned the dossier for changes',
  },
  proposed: {
    audiences: [SECRETARIAT],
    vi: 'xã đã đề xuất hồ sơ lên tỉnh, chờ tiếp nhận',
    en: 'the commune proposed the dossier; it awaits receipt',
  },
  returned_for_completion: {
    audiences: [PRODUCER, COMMUNE],
    vi: 'tỉnh đề nghị hoàn thiện hồ sơ',
    en: 'the province asks for the dossier to be completed',
  },
  council_scoring: { audiences: ['council'], vi: 'hồ sơ cần Hội đồng chấm điểm', en: 'the dossier awaits the council’s scores' },
  scored: {
    audiences: [SECRETARIAT],
    vi: 'Hội đồng đã chấm xong, chờ trình quyết định',
    en: 'the council has scored it; a decision is due',
  },
  recognised: { audiences: [PRODUCER, COMMUNE], vi: 'sản phẩm đã được công nhận', en: 'the product was recognised' },
  not_recognised: {
    audiences: [PRODUCER, COMMUNE],
    vi: 'sản phẩm chưa đạt hạng được công nhận; xem thông báo kết quả để biết cần cải thiện gì',
    en: 'the product did not reach a recognised level; the result letter says what to improve',
  },
  proposed_to_ministry: {
    audiences: [PRODUCER],
    vi: 'sản phẩm đạt từ 90 điểm, đã được đề nghị Bộ đánh giá 5 sao',
    en: 'the product scored 90 or more and was proposed to the ministry for 5 stars',
  },
  ministry_recognised: {
    audiences: [PRODUCER, COMMUNE, SECRETARIAT],
    vi: 'sản phẩm đã được Bộ công nhận 5 sao',
    en: 'the ministry recognised the product with 5 stars',
  },
};

export function noticeFor(row: DossierJoined): { audiences: Audience[]; subject: string; body: string } | null {
  const notice = NOTICES[row.state];
  if (!notice) return null;
  return {
    audiences: notice.audiences,
    subject: `Hồ sơ OCOP "${row.productName}": ${notice.vi}`,
    body: `${row.productName} — ${row.producerName} (${row.roundName}): ${notice.vi}.\n${row.productName} — ${row.producerName}: ${notice.en}.`,
  };
}
