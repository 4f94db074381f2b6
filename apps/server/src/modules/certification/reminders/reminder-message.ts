import { addDays, daysBetween, type ReminderKind } from '@ocop/domain/certification';
import type { ReEvaluationRules } from '../certification-ports';

/** The screen where a producer opens its re-evaluation dossier. */
export const DOSSIER_SCREEN = '/dossiers';

export type ReminderFacts = {
  kind: ReminderKind;
  /** The day the reminder is written (Vietnam). */
  today: string;
  number: string;
  stars: number;
  productName: string;
  producerName: string;
  /** Last valid day. */
  expiresOn: string;
  rules: ReEvaluationRules;
};

const dayMonthYear = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/** The re-evaluation window of this certificate, as days. */
function windowOf({ expiresOn, rules }: ReminderFacts) {
  if (!rules.window) return null;
  return {
    from: addDays(expiresOn, -rules.window.earliestDaysBeforeExpiry),
    to: addDays(expiresOn, -rules.window.latestDaysBeforeExpiry),
    span: `từ ${rules.window.earliestDaysBeforeExpiry} đến ${rules.window.latestDaysBeforeExpiry} ngày trước ngày hết hạn`,
  };
}

/** What the producer must do now, by where today falls against the filing window. */
function whatToDo(facts: ReminderFacts): string {
  const window = windowOf(facts);
  const basis = `theo ${facts.rules.decisionName}`;
  if (facts.kind === 'expired')
    return (
      'Sản phẩm không còn được sử dụng nhãn OCOP theo giấy chứng nhận này. ' +
      'Để được công nhận lại, chủ thể lập hồ sơ đánh giá, phân hạng mới tại màn hình Hồ sơ.'
    );
  if (!window) return 'Để sản phẩm tiếp tục được công nhận OCOP, hãy nộp hồ sơ đánh giá lại trước ngày hết hạn tại màn hình Hồ sơ.';
  if (facts.today < window.from)
    return `Hồ sơ đánh giá lại được nộp từ ngày ${dayMonthYear(window.from)} đến ngày ${dayMonthYear(window.to)} (${window.span}, ${basis}), tại màn hình Hồ sơ.`;
  if (facts.today <= window.to)
    return (
      `Để sản phẩm tiếp tục được công nhận OCOP, hãy nộp hồ sơ đánh giá lại từ nay đến hết ngày ${dayMonthYear(window.to)} ` +
      `(${window.span}, ${basis}) tại màn hình Hồ sơ.`
    );
  return (
    `Thời hạn nộp hồ sơ đánh giá lại đã hết ngày ${dayMonthYear(window.to)} (${basis}). ` +
    'Nếu chưa nộp, hãy nộp ngay tại màn hình Hồ sơ trước ngày hết hạn: giấy chứng nhận được giữ hiệu lực đến khi có kết quả, ' +
    `tối đa ${facts.rules.lateExtensionMaxDays} ngày sau ngày hết hạn.`
  );
}

/**
 * The reminder as the inbox and the digest mail show it (Vietnamese; the body stays under the
 * digest's 500 characters), with the link to the dossier screen.
 */
export function reminderNotice(facts: ReminderFacts): { subject: string; body: string; link: string } {
  const lead = `Giấy chứng nhận OCOP ${facts.stars} sao số ${facts.number} của sản phẩm "${facts.productName}" (${facts.producerName})`;
  const expires = dayMonthYear(facts.expiresOn);
  if (facts.kind === 'expired') {
    const since = addDays(facts.expiresOn, 1);
    return {
      subject: `Giấy chứng nhận OCOP số ${facts.number} đã hết hiệu lực`,
      body: `${lead} đã hết hiệu lực từ ngày ${dayMonthYear(since)}. ${whatToDo(facts)}`,
      link: DOSSIER_SCREEN,
    };
  }
  const daysLeft = daysBetween(facts.today, facts.expiresOn);
  return {
    subject: `Giấy chứng nhận OCOP số ${facts.number} hết hạn ngày ${expires}, còn ${daysLeft} ngày: nộp hồ sơ đánh giá lại`,
    body: `${lead} có giá trị đến hết ngày ${expires}, còn ${daysLeft} ngày. ${whatToDo(facts)}`,
    link: DOSSIER_SCREEN,
  };
}

/**
 * The reminder as an SMS or a Zalo message: what and when first, then what to do and the address;
 * the product's name last, where an SMS cut to 160 characters loses least.
 */
export function reminderShortText(facts: ReminderFacts, publicUrl: string): string {
  const url = `${publicUrl.replace(/\/$/, '')}${DOSSIER_SCREEN}`;
  const window = windowOf(facts);
  if (facts.kind === 'expired')
    return `OCOP: GCN ${facts.number} đã hết hiệu lực từ ${dayMonthYear(addDays(facts.expiresOn, 1))}. Lập hồ sơ đánh giá mới tại ${url}. SP: ${facts.productName}`;
  const daysLeft = daysBetween(facts.today, facts.expiresOn);
  const filing = !window
    ? 'Nộp hồ sơ đánh giá lại trước khi hết hạn'
    : facts.today < window.from
      ? `Nộp hồ sơ đánh giá lại từ ${dayMonthYear(window.from)} đến ${dayMonthYear(window.to)}`
      : facts.today <= window.to
        ? `Nộp hồ sơ đánh giá lại đến hết ${dayMonthYear(window.to)}`
        : 'Nộp hồ sơ đánh giá lại ngay';
  return `OCOP: GCN ${facts.number} hết hạn ${dayMonthYear(facts.expiresOn)}, còn ${daysLeft} ngày. ${filing} tại ${url}. SP: ${facts.productName}`;
}
