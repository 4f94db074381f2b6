import type { ErrorCode } from '@ocop/domain/shared';
import type { ErrorText } from './common';

/**
 * The texts of the evaluation's error codes (score sheets, the secretariat's drafts and imports,
 * self-assessments, dossiers, councils), kept apart from the registry's so each module's words
 * stay together; `errors.ts` joins them into ERROR_MESSAGES, whose type proves every code has both.
 */
export const EVALUATION_ERROR_MESSAGES = {
  'evaluation.unknown_criterion': {
    vi: 'Phiếu đánh giá không có tiêu chí {criterionCode}.',
    en: 'The score sheet has no criterion {criterionCode}.',
  },
  'evaluation.option_not_of_criterion': {
    vi: 'Phương án {optionId} không thuộc tiêu chí {criterionCode}.',
    en: 'Option {optionId} does not belong to criterion {criterionCode}.',
  },
  'evaluation.target_not_a_star_level': {
    vi: 'Hạng {stars} sao không phải một hạng của quy định.',
    en: '{stars} stars is not a star level of the regime.',
  },
  'evaluation.regime_not_found': {
    vi: 'Không có quy định đánh giá {regimeCode}.',
    en: 'There is no scoring regime {regimeCode}.',
  },
  'council.no_sheets': {
    vi: 'Chưa có thành viên hội đồng nào nộp phiếu chấm điểm cho hồ sơ này.',
    en: 'No council member has submitted a score sheet for this dossier yet.',
  },
  'dossier.action_not_allowed': {
    vi: 'Hồ sơ đang ở bước "{state}" nên không thể thực hiện "{action}".',
    en: 'The dossier is at "{state}", where "{action}" is not a step.',
  },
  'dossier.not_your_step': {
    vi: 'Bước "{action}" do {party} thực hiện, không phải người dùng này.',
    en: 'Step "{action}" is taken by {party}, not by this user.',
  },
  'dossier.preconditions_unmet': {
    vi: 'Chưa thể thực hiện "{action}": còn thiếu {unmet}. Giấy tờ còn thiếu: {missingDocuments}.',
    en: '"{action}" cannot be taken yet: missing {unmet}. Documents missing: {missingDocuments}.',
  },
  'evaluation.regime_without_schedule': {
    vi: 'Quy định {regimeCode} không nêu lịch đánh giá (đợt, thời hạn, thời gian nộp hồ sơ).',
    en: 'Regime {regimeCode} states no schedule (rounds, deadlines, filing window).',
  },
  'evaluation.no_regime_in_force': {
    vi: 'Ngày {day} không có quy định đánh giá nào đang có hiệu lực.',
    en: 'No scoring regime is in force on {day}.',
  },
  'evaluation.criteria_version_not_found': {
    vi: 'Không tìm thấy phiên bản bộ tiêu chí này.',
    en: 'There is no such version of the score sheet.',
  },
  'evaluation.no_sheet_for_set': {
    vi: 'Bộ sản phẩm {productSetCode} chưa có bộ tiêu chí được ban hành theo {regimeCode}.',
    en: 'Product set {productSetCode} has no published score sheet under {regimeCode}.',
  },
  'criteria.draft_exists': {
    vi: 'Bộ tiêu chí này đã có một bản nháp (phiên bản {version}); hãy sửa hoặc xoá bản nháp đó trước.',
    en: 'This score sheet already has a draft (version {version}); edit or delete that draft first.',
  },
  'criteria.published_immutable': {
    vi: 'Phiên bản này đã ban hành hoặc đã được thay thế nên không được sửa hay xoá; hãy tạo bản nháp mới từ nó.',
    en: 'This version is published or superseded and cannot be changed or deleted; start a new draft from it.',
  },
  'criteria.stale_revision': {
    vi: 'Bản nháp vừa được lưu ở nơi khác (lần lưu {revision}). Hãy tải lại để xem bản mới nhất.',
    en: 'The draft was just saved elsewhere (save {revision}). Reload to see the latest.',
  },
  'criteria.content_mismatch': {
    vi: 'Nội dung gửi lên thuộc quy định {regimeCode}, bộ sản phẩm {productSetCode}, không phải của phiên bản này.',
    en: 'The content sent is for regime {regimeCode}, product set {productSetCode}, not for this version.',
  },
  'criteria.duplicate_code': {
    vi: 'Mã tiêu chí {criterionCode} bị trùng ({path}); mỗi tiêu chí phải có mã riêng.',
    en: 'Criterion code {criterionCode} is used twice ({path}); each criterion needs its own code.',
  },
  'criteria.option_of_other_criterion': {
    vi: 'Mã phương án {optionId} không thuộc tiêu chí {criterionCode} hoặc bị trùng ({path}); mã phải có dạng {criterionCode}/số thứ tự.',
    en: 'Option id {optionId} does not belong to criterion {criterionCode} or repeats ({path}); it must read {criterionCode}/number.',
  },
  'criteria.minimum_not_an_option': {
    vi: 'Yêu cầu tối thiểu theo hạng sao của tiêu chí {criterionCode} chỉ đến {optionId}, không phải phương án của tiêu chí này ({path}).',
    en: 'A starred minimum of criterion {criterionCode} names {optionId}, which is not one of its options ({path}).',
  },
  'criteria.not_publishable': {
    vi: 'Chưa thể ban hành: bộ tiêu chí còn {count} lỗi, lỗi đầu tiên ở {path}: {first}',
    en: 'Cannot publish yet: the score sheet has {count} problems, the first at {path}: {first}',
  },
  'criteria.import_invalid': {
    vi: 'Tệp có {count} lỗi nên chưa được nhập, lỗi đầu tiên: {first}',
    en: 'The file has {count} problems and was not imported; the first: {first}',
  },
  'criteria.import_unreadable': {
    vi: 'Không đọc được tệp: cần tệp Excel (.xlsx) hoặc JSON xuất từ hệ thống.',
    en: 'The file cannot be read: send an Excel (.xlsx) workbook or a JSON file exported by the system.',
  },
  'self_assessment.members_only': {
    vi: 'Chỉ thành viên của chủ thể mới được tự đánh giá sản phẩm; cán bộ được xem và góp ý.',
    en: 'Only the producer’s members answer its self-assessment; officers may read it.',
  },
  'self_assessment.other_version': {
    vi: 'Câu trả lời dành cho phiên bản khác của bộ tiêu chí; bộ tiêu chí đang dùng là phiên bản {version}. Hãy tải lại trang.',
    en: 'The answers are for another version of the score sheet; the sheet in use is version {version}. Reload the page.',
  },
  'self_assessment.stale_revision': {
    vi: 'Bản tự đánh giá vừa được lưu ở nơi khác. Hãy tải lại để xem bản mới nhất (lần lưu {revision}).',
    en: 'The self-assessment was just saved elsewhere. Reload to see the latest (save {revision}).',
  },
  'round.not_found': {
    vi: 'Không tìm thấy đợt đánh giá.',
    en: 'No such evaluation round.',
  },
  'round.dates_invalid': {
    vi: 'Hạn nộp đề xuất ({proposalsBy}) phải trước hạn có kết quả ({resultsBy}), và hạn nộp hồ sơ tại xã không được sau hạn đề xuất.',
    en: 'The proposal deadline ({proposalsBy}) must come before the results deadline ({resultsBy}), and the filing deadline not after the proposal deadline.',
  },
  'round.closed': {
    vi: 'Đợt đánh giá "{name}" đã đóng, không nhận thêm hồ sơ.',
    en: 'Round "{name}" is closed and takes no more dossiers.',
  },
  'round.exists': {
    vi: 'Tỉnh đã có đợt đánh giá thứ {ordinal} năm {year} ({level}).',
    en: 'The province already has round {ordinal} of {year} ({level}).',
  },
  'dossier.not_found': {
    vi: 'Không tìm thấy hồ sơ đánh giá.',
    en: 'No such evaluation dossier.',
  },
  'dossier.changed_concurrently': {
    vi: 'Hồ sơ vừa được người khác thay đổi (lần sửa {revision}). Hãy tải lại rồi thực hiện lại.',
    en: 'The dossier was just changed by someone else (revision {revision}). Reload and try again.',
  },
  'dossier.open_exists': {
    vi: 'Sản phẩm này đang có một hồ sơ đánh giá chưa kết thúc.',
    en: 'This product already has an evaluation dossier in progress.',
  },
  'dossier.not_editable': {
    vi: 'Hồ sơ đang ở bước "{state}": chủ thể chỉ sửa được khi hồ sơ là bản nháp hoặc bị trả lại.',
    en: 'The dossier is at "{state}": the producer edits it only as a draft or when returned.',
  },
  'dossier.documents_missing': {
    vi: 'Chưa nộp được hồ sơ: còn thiếu {missingDocuments}.',
    en: 'The dossier cannot go on yet: missing {missingDocuments}.',
  },
  'dossier.self_assessment_incomplete': {
    vi: 'Bản tự đánh giá (Mẫu 02) chưa trả lời hết các tiêu chí: còn {missing} tiêu chí.',
    en: 'The self-assessment (form 02) leaves {missing} criteria unanswered.',
  },
  'dossier.commune_report_missing': {
    vi: 'Cần lập Báo cáo đánh giá của UBND xã (Mẫu 03) trước khi đề xuất lên tỉnh.',
    en: 'The commune report (form 03) is needed before proposing to the province.',
  },
  'dossier.council_not_assigned': {
    vi: 'Hồ sơ chưa được giao cho Hội đồng đánh giá nào.',
    en: 'The dossier is not assigned to a council yet.',
  },
  'dossier.samples_missing': {
    vi: 'Văn phòng mới nhận {samplesReceived}/{samplesRequired} sản phẩm mẫu.',
    en: 'The office has received {samplesReceived} of {samplesRequired} product samples.',
  },
  'dossier.quorum_not_reached': {
    vi: 'Mới có {submittedSheets}/{quorum} phiếu chấm đã nộp; chưa thể kết thúc chấm điểm.',
    en: 'Only {submittedSheets} of {quorum} score sheets are submitted; scoring cannot close yet.',
  },
  'dossier.reasons_required': {
    vi: 'Cần ghi rõ lý do khi trả lại hồ sơ.',
    en: 'Give the reasons when returning a dossier.',
  },
  'dossier.result_not_for_this_step': {
    vi: 'Kết quả chấm ({total} điểm, {stars} sao) không phù hợp với bước "{action}".',
    en: 'The result ({total} points, {stars} stars) does not fit step "{action}".',
  },
  'dossier.decision_missing': {
    vi: 'Cần có quyết định (số, ngày ký) cho bước này.',
    en: 'This step needs a decision (number and date).',
  },
  'dossier.ministry_result_missing': {
    vi: 'Chưa ghi nhận kết quả đánh giá của Bộ cho hồ sơ này, hoặc kết quả không phù hợp với bước này.',
    en: 'The ministry’s result is not recorded for this dossier, or does not fit this step.',
  },
  'dossier.re_evaluation_too_early': {
    vi: 'Chưa đến thời hạn nộp hồ sơ đánh giá lại: được nộp từ {from} đến {to} (180 đến 120 ngày trước khi giấy chứng nhận hết hạn {expiresOn}).',
    en: 'Too early for a re-evaluation: file from {from} to {to} (180 to 120 days before the certificate ends on {expiresOn}).',
  },
  'dossier.re_evaluation_lapsed': {
    vi: 'Giấy chứng nhận đã hết hạn ngày {expiresOn}: sản phẩm phải đánh giá lần đầu, không đánh giá lại.',
    en: 'The certificate ended on {expiresOn}: the product is evaluated anew, not re-evaluated.',
  },
  'dossier.base_required': {
    vi: 'Hồ sơ nâng hạng hoặc đánh giá lại cần hồ sơ đã được công nhận của sản phẩm (hoặc ngày hết hạn giấy chứng nhận).',
    en: 'An upgrade or re-evaluation needs the product’s recognised dossier (or its certificate’s end date).',
  },
  'dossier.base_not_recognised': {
    vi: 'Hồ sơ gốc không phải hồ sơ đã được công nhận của sản phẩm này.',
    en: 'The base dossier is not a recognised dossier of this product.',
  },
  'dossier.document_of_other_producer': {
    vi: 'Tài liệu này không thuộc chủ thể hoặc sản phẩm của hồ sơ.',
    en: 'The document does not belong to the dossier’s producer or product.',
  },
  'dossier.evidence_item_unknown': {
    vi: 'Không có mục minh chứng "{evidenceItemId}" trong bảng minh chứng của quy định.',
    en: 'There is no evidence item "{evidenceItemId}" in the regime’s evidence table.',
  },
  'dossier.other_round': {
    vi: 'Hồ sơ {dossierId} không thuộc đợt đánh giá của quyết định.',
    en: 'Dossier {dossierId} is not in the decision’s round.',
  },
  'decision.number_taken': {
    vi: 'Số quyết định {number} đã được dùng trong tỉnh.',
    en: 'Decision number {number} is already used in the province.',
  },
  'dossier.document_not_ready': {
    vi: 'Chưa lập được tài liệu này: còn thiếu {missing}.',
    en: 'This document cannot be drawn up yet: missing {missing}.',
  },
  'council.not_found': {
    vi: 'Không tìm thấy hội đồng đánh giá này.',
    en: 'There is no such evaluation council.',
  },
  'council.round_not_found': {
    vi: 'Không tìm thấy đợt đánh giá này.',
    en: 'There is no such evaluation round.',
  },
  'council.member_not_found': {
    vi: 'Người này không có trong hội đồng.',
    en: 'This person is not on the council.',
  },
  'council.member_of_other_province': {
    vi: 'Người dùng này là thành viên hội đồng của tỉnh khác (mã {provinceCode}), không thể tham gia hội đồng của tỉnh này.',
    en: 'This user is a council member of another province (code {provinceCode}) and cannot sit on this province’s council.',
  },
  'council.user_not_council_member': {
    vi: 'Người dùng này chưa có vai trò thành viên hội đồng của tỉnh, nên không thể làm chủ tịch hay thành viên chấm điểm.',
    en: 'This user does not hold the council-member role in the province, so cannot be the chair or a scoring member.',
  },
  'council.user_not_eligible': {
    vi: 'Thư ký và tổ tư vấn phải là thành viên hội đồng hoặc cán bộ của tỉnh; người dùng này không phải.',
    en: 'The secretary and the advisory team must be council members or officers of the province; this user is neither.',
  },
  'council.chair_exists': {
    vi: 'Hội đồng đã có chủ tịch ({fullName}); mỗi hội đồng chỉ có một chủ tịch.',
    en: 'The council already has a chair ({fullName}); a council has exactly one chair.',
  },
  'council.already_member': {
    vi: 'Người dùng này đã có trong hội đồng.',
    en: 'This user is already on the council.',
  },
  'council.member_has_sheets': {
    vi: 'Không thể rút thành viên này khỏi hội đồng: đã nộp {count} phiếu chấm điểm.',
    en: 'This member cannot leave the council: they have submitted {count} score sheets.',
  },
  'council.dossier_not_assignable': {
    vi: 'Không thể giao hồ sơ {dossierId} cho hội đồng: hồ sơ phải cùng đợt đánh giá và đang ở bước tiếp nhận, tổ tư vấn xem xét hoặc hội đồng chấm điểm (hiện: "{state}").',
    en: 'Dossier {dossierId} cannot go to this council: it must be of the same round and received, under advisory review or being scored (now "{state}").',
  },
  'council.dossier_scored_elsewhere': {
    vi: 'Hồ sơ {dossierId} đã có phiếu chấm điểm của hội đồng khác, không thể giao lại.',
    en: 'Dossier {dossierId} already has score sheets from another council and cannot be reassigned.',
  },
  'scoring.dossier_not_found': {
    vi: 'Không tìm thấy hồ sơ này, hoặc hồ sơ không thuộc hội đồng của bạn.',
    en: 'There is no such dossier, or it is not one of your council’s.',
  },
  'scoring.not_open': {
    vi: 'Hồ sơ đang ở bước "{state}", chưa hoặc không còn mở để hội đồng chấm điểm.',
    en: 'The dossier is at "{state}": it is not open for the council’s scoring.',
  },
  'scoring.position_does_not_score': {
    vi: 'Chỉ chủ tịch và các thành viên hội đồng chấm điểm; thư ký và tổ tư vấn không chấm.',
    en: 'Only the chair and the members score; the secretary and the advisory team do not.',
  },
  'scoring.conflict_declared': {
    vi: 'Bạn đã khai báo xung đột lợi ích với hồ sơ này nên không được chấm điểm hồ sơ.',
    en: 'You declared a conflict of interest with this dossier, so you may not score it.',
  },
  'scoring.declaration_locked': {
    vi: 'Bạn đã nộp phiếu chấm điểm hồ sơ này nên không thể thay đổi khai báo xung đột lợi ích.',
    en: 'You have submitted your score sheet for this dossier, so the conflict declaration can no longer change.',
  },
  'scoring.sheet_submitted': {
    vi: 'Phiếu chấm điểm đã nộp và niêm phong, không thể sửa.',
    en: 'The score sheet has been submitted and sealed; it cannot change.',
  },
  'scoring.stale_revision': {
    vi: 'Phiếu chấm điểm vừa được lưu ở nơi khác. Hãy tải lại để xem bản mới nhất (lần lưu {revision}).',
    en: 'The score sheet was just saved elsewhere. Reload to see the latest (save {revision}).',
  },
  'scoring.incomplete': {
    vi: 'Chưa thể nộp phiếu: còn {count} tiêu chí chưa chấm ({missing}).',
    en: 'The sheet cannot be submitted yet: {count} criteria are not scored ({missing}).',
  },
  'scoring.comment_not_of_sheet': {
    vi: 'Nhận xét cho tiêu chí {criterionCode}, nhưng phiếu không có tiêu chí chấm điểm này.',
    en: 'A comment on criterion {criterionCode}, which the sheet does not score.',
  },
} satisfies Partial<Record<ErrorCode, ErrorText>>;
