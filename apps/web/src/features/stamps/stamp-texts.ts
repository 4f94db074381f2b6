import { useCallback } from 'react';
import { fillPlaceholders, type TranslateValues, useI18n } from '../../lib/i18n';
import type { MessageKey } from '../../messages/vi';
import { stampsEn } from './stamp-texts.en';
import { stampsVi } from './stamp-texts.vi';

export type StampTextKey = keyof typeof stampsVi;
export type StampTranslate = (key: StampTextKey | MessageKey, values?: TranslateValues) => string;

function isStampText(key: string): key is StampTextKey {
  return Object.hasOwn(stampsVi, key);
}

/** `t` for the stamp screens: their own texts first, the shared ones (`common.*`, `lot.*`) otherwise. */
export function useStampTexts(): StampTranslate {
  const { language, t } = useI18n();
  return useCallback(
    (key: StampTextKey | MessageKey, values?: TranslateValues) =>
      isStampText(key) ? fillPlaceholders((language === 'en' ? stampsEn : stampsVi)[key], values) : t(key, values),
    [language, t],
  );
}
