import { useCallback } from 'react';
import { fillPlaceholders, type TranslateValues, useI18n } from '../../lib/i18n';
import type { MessageKey } from '../../messages/vi';
import { apiKeysEn } from './api-key-texts.en';
import { apiKeysVi } from './api-key-texts.vi';

export type ApiKeyTextKey = keyof typeof apiKeysVi;
export type ApiKeyTranslate = (key: ApiKeyTextKey | MessageKey, values?: TranslateValues) => string;

function isApiKeyText(key: string): key is ApiKeyTextKey {
  return Object.hasOwn(apiKeysVi, key);
}

/** `t` for the API keys screen: its own texts first, the shared ones (`common.*`) otherwise. */
export function useApiKeyTexts(): ApiKeyTranslate {
  const { language, t } = useI18n();
  return useCallback(
    (key: ApiKeyTextKey | MessageKey, values?: TranslateValues) =>
      isApiKeyText(key) ? fillPlaceholders((language === 'en' ? apiKeysEn : apiKeysVi)[key], values) : t(key, values),
    [language, t],
  );
}
