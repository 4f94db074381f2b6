import { useCallback } from 'react';
import { fillPlaceholders, type TranslateValues, useI18n } from '../../lib/i18n';
import type { MessageKey } from '../../messages/vi';
import { inquiriesEn } from './inquiry-texts.en';
import { inquiriesVi } from './inquiry-texts.vi';

export type InquiryTextKey = keyof typeof inquiriesVi;
export type InquiryTranslate = (key: InquiryTextKey | MessageKey, values?: TranslateValues) => string;

const isInquiryText = (key: string): key is InquiryTextKey => Object.hasOwn(inquiriesVi, key);

/** `t` for the inquiries screen: its own texts (loaded with its page), the shared ones otherwise. */
export function useInquiryTexts(): InquiryTranslate {
  const { language, t } = useI18n();
  return useCallback(
    (key: InquiryTextKey | MessageKey, values?: TranslateValues) =>
      isInquiryText(key) ? fillPlaceholders((language === 'en' ? inquiriesEn : inquiriesVi)[key], values) : t(key, values),
    [language, t],
  );
}
