import { useCallback } from 'react';
import { fillPlaceholders, type TranslateValues, useI18n } from '../../lib/i18n';
import type { MessageKey } from '../../messages/vi';
import { contentEn } from './content-texts.en';
import { contentVi } from './content-texts.vi';

export type ContentTextKey = keyof typeof contentVi;
export type ContentTranslate = (key: ContentTextKey | MessageKey, values?: TranslateValues) => string;

function isContentText(key: string): key is ContentTextKey {
  return Object.hasOwn(contentVi, key);
}

/** `t` for the news and legal-text screens: their own texts first, the shared ones (`common.*`) otherwise. */
export function useContentTexts(): ContentTranslate {
  const { language, t } = useI18n();
  return useCallback(
    (key: ContentTextKey | MessageKey, values?: TranslateValues) =>
      isContentText(key) ? fillPlaceholders((language === 'en' ? contentEn : contentVi)[key], values) : t(key, values),
    [language, t],
  );
}
