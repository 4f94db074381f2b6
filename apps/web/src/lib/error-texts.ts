import type { Language } from '@ocop/contracts/common';
import { useEffect, useState } from 'react';

type ErrorTexts = typeof import('@ocop/contracts/errors');

let texts: ErrorTexts | null = null;
let loading: Promise<ErrorTexts> | null = null;

/**
 * The texts of every server error code, both languages (~8 KB gzip), fetched once after the first
 * paint rather than in it: until they are here, an API error reads as the server's own detail,
 * which the server already wrote in the request's language.
 */
export function loadErrorTexts(): Promise<ErrorTexts> {
  loading ??= import('@ocop/contracts/errors').then((module) => {
    texts = module;
    return module;
  });
  return loading;
}

/** The error texts if they are here already, else null (and they start coming). */
export function loadedErrorTexts(): ErrorTexts | null {
  if (!texts) void loadErrorTexts().catch(() => undefined);
  return texts;
}

/** The text of an error code for something on screen; null until the texts are here. */
export function useErrorMessage(code: string | null, language: Language): string | null {
  const [, setLoaded] = useState(texts !== null);
  useEffect(() => {
    if (!code || texts) return;
    let current = true;
    void loadErrorTexts()
      .then(() => current && setLoaded(true))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [code]);
  return code && texts ? texts.errorMessage(code, language) : null;
}
