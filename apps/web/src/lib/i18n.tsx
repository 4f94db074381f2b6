import type { Language } from '@ocop/contracts/common';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import 'dayjs/locale/en';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { type MessageKey, type Messages, vi } from '../messages/vi';
import { CLIENT_ERROR_CODES, isApiError, setApiLanguage } from './api-client';
import { loadedErrorTexts, loadErrorTexts } from './error-texts';

/**
 * The texts of each language loaded so far. Vietnamese, the first language, is in the first load;
 * English is fetched the first time someone picks it (it is ~9 KB gzip the login page need not carry).
 */
const LOADED: Partial<Record<Language, Messages>> = { vi };

export function isLanguageLoaded(language: Language): boolean {
  return LOADED[language] !== undefined;
}

/** Fetches a language's texts once; resolves at once when they are here already. */
export async function loadLanguage(language: Language): Promise<void> {
  if (LOADED[language]) return;
  if (language === 'en') LOADED.en = (await import('../messages/en')).en;
}

export const LANGUAGE_STORAGE_KEY = 'ocop.lang';

export type TranslateValues = Record<string, string | number | null | undefined>;
export type Translate = (key: MessageKey, values?: TranslateValues) => string;

/** The languages the UI has texts for; every one must be a `Language` of the API. */
export const UI_LANGUAGES = ['vi', 'en'] as const satisfies readonly Language[];

// Checked here rather than with the contracts' LANGUAGES: importing that value would pull zod
// into the first page load.
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(vi, key);
}

export function fillPlaceholders(template: string, values: TranslateValues = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined || value === null ? whole : String(value);
  });
}

export function translate(language: Language, key: MessageKey, values?: TranslateValues): string {
  return fillPlaceholders((LOADED[language] ?? vi)[key], values);
}

/** The stored choice, else Vietnamese: the programme's working language. */
export function readStoredLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : 'vi';
  } catch {
    return 'vi';
  }
}

/**
 * What to tell the user about a failure: the shared text for the server's code, else (also while
 * those texts are still loading) the server's own `detail`, already in the request's language,
 * else a generic line.
 */
export function describeError(error: unknown, language: Language): string {
  if (isApiError(error)) {
    if (error.code === CLIENT_ERROR_CODES.network) return translate(language, 'error.network');
    if (error.code === CLIENT_ERROR_CODES.badResponse) {
      return translate(language, 'error.badResponse', { status: error.status });
    }
    const texts = loadedErrorTexts();
    if (texts && Object.hasOwn(texts.ERROR_MESSAGES, error.code)) return texts.errorMessage(error.code, language, { ...error.details });
    return error.message || translate(language, 'error.unexpected');
  }
  return translate(language, 'error.unexpected');
}

type I18nContextValue = {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
  describeError: (error: unknown) => string;
};

const I18nContext = createContext<I18nContextValue | null>(null);

function applyLanguage(language: Language): void {
  setApiLanguage(language);
  dayjs.locale(language);
  if (typeof document !== 'undefined') {
    document.documentElement.lang = language;
    document.title = `${translate(language, 'app.name')} — ${translate(language, 'app.fullName')}`;
  }
}

export function I18nProvider({ children, initialLanguage }: { children: ReactNode; initialLanguage?: Language }) {
  // `wanted` is the choice; `language` the one on screen, which follows once its texts are here.
  const [wanted, setWanted] = useState<Language>(() => initialLanguage ?? readStoredLanguage());
  const [language, setShown] = useState<Language | null>(() => {
    if (!isLanguageLoaded(wanted)) return null;
    applyLanguage(wanted);
    return wanted;
  });

  useEffect(() => {
    // Off the first paint, and here before anyone has had time to make a request fail.
    void loadErrorTexts().catch(() => undefined);
  }, []);

  useEffect(() => {
    let current = true;
    void loadLanguage(wanted)
      .catch(() => undefined)
      .then(() => {
        if (!current) return;
        // Texts that could not be fetched (offline) fall back to Vietnamese, never a blank page.
        const shown = isLanguageLoaded(wanted) ? wanted : 'vi';
        applyLanguage(shown);
        setShown(shown);
      });
    return () => {
      current = false;
    };
  }, [wanted]);

  const setLanguage = useCallback((next: Language) => {
    try {
      globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, next);
    } catch {
      // Private browsing may refuse storage; the choice then lasts for this visit only.
    }
    setWanted(next);
  }, []);

  const value = useMemo<I18nContextValue | null>(
    () =>
      language
        ? {
            language,
            setLanguage,
            t: (key, values) => translate(language, key, values),
            describeError: (error) => describeError(error, language),
          }
        : null,
    [language, setLanguage],
  );
  // Only a first visit in English waits (one small chunk) before anything shows.
  if (!value) return null;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nContextValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>.');
  return value;
}
