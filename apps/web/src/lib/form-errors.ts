import type { FormInstance } from 'antd';
import { isDomainError } from '@ocop/domain/shared';
import { isApiError } from './api-client';

export type FieldPath = string | number | (string | number)[];

/** Which form field a server error code belongs to; `null` when it concerns the whole form. */
export type FieldForCode = (code: string, details: Readonly<Record<string, unknown>>) => FieldPath | null;

type ZodIssue = { path?: unknown };

function issuesOf(details: Readonly<Record<string, unknown>>): ZodIssue[] {
  const issues = details.issues;
  return Array.isArray(issues) ? (issues as ZodIssue[]) : [];
}

/**
 * An issue's path as form names. The schema check answers "/roles/0/communeCode" (Fastify's
 * instance path), a multipart field check "validTo"; tests may give the array itself.
 */
export function issuePath(path: unknown): (string | number)[] {
  if (Array.isArray(path)) return path.filter((part): part is string | number => typeof part === 'string' || typeof part === 'number');
  if (typeof path !== 'string') return [];
  return path
    .split(/[/.]/)
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** The field a domain error names in `details.field`, when the form has it. */
export function fieldFromDetails(details: Readonly<Record<string, unknown>>, knownFields: readonly string[]): string | null {
  const field = details.field;
  return typeof field === 'string' && knownFields.includes(field) ? field : null;
}

/**
 * Puts a server error next to the field it concerns and reports whether it did. `request.invalid`
 * carries zod issues whose paths match our form names (`['roles', 0, 'communeCode']`).
 */
export function showErrorOnFields<Values>(
  form: FormInstance<Values>,
  error: unknown,
  fieldForCode: FieldForCode,
  describe: (error: unknown) => string,
  knownFields: readonly string[],
): boolean {
  if (!isApiError(error)) return false;
  if (error.code === 'request.invalid') {
    // zod's own messages are English; the field gets the shared text in the user's language.
    const message = describe(error);
    const paths = issuesOf(error.details)
      .map((issue) => issuePath(issue.path))
      .filter((path) => path.length > 0 && knownFields.includes(String(path[0])));
    if (paths.length > 0) {
      form.setFields(paths.map((path) => ({ name: path as never, errors: [message] })));
      return true;
    }
  }
  const field = fieldForCode(error.code, error.details);
  if (field === null) return false;
  form.setFields([{ name: field as never, errors: [describe(error)] }]);
  return true;
}

/**
 * Runs a rule from `@ocop/domain` inside an antd validator: its `DomainError` becomes the same
 * text the server would send for that code, so a field reads the same before and after saving.
 */
export function domainCheck(check: () => unknown, message: (code: string, details: Readonly<Record<string, unknown>>) => string): void {
  try {
    check();
  } catch (error) {
    if (isDomainError(error)) throw new Error(message(error.code, error.details));
    throw error;
  }
}

/**
 * Where a form scrolls to on a failed submit: the first wrong field in the middle of the screen,
 * so the sticky header never covers it, and focused so the keyboard is there too.
 */
export const SCROLL_TO_ERROR = { block: 'center', behavior: 'smooth', focus: true } as const;
