import { useCallback } from 'react';
import { fillPlaceholders, type TranslateValues, useI18n } from '../../lib/i18n';
import type { MessageKey } from '../../messages/vi';
import { traceabilityTextsEn } from './traceability-texts.en';
import { traceabilityTextsVi } from './traceability-texts.vi';

export type TraceabilityTextKey = keyof typeof traceabilityTextsVi;
export type TraceabilityTranslate = (key: TraceabilityTextKey | MessageKey, values?: TranslateValues) => string;

function isTraceabilityText(key: string): key is TraceabilityTextKey {
  return Object.hasOwn(traceabilityTextsVi, key);
}

/** `t` for the traceability screens: their own texts first, the shared ones (`common.*`, `nav.*`) otherwise. */
export function useTraceabilityTexts(): TraceabilityTranslate {
  const { language, t } = useI18n();
  return useCallback(
    (key: TraceabilityTextKey | MessageKey, values?: TranslateValues) =>
      isTraceabilityText(key)
        ? fillPlaceholders((language === 'en' ? traceabilityTextsEn : traceabilityTextsVi)[key], values)
        : t(key, values),
    [language, t],
  );
}
