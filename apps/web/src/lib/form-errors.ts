import type { FormInstance } from 'antd';
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
      .map((issue) =>
        Array.isArray(issue.path)
          ? issue.path.filter((part): part is string | number => typeof part === 'string' || typeof part === 'number')
          : [],
      )
      .filter((path) => path.length > 0 && knownFields.includes(String(path[0])));
    if (paths.length === 0) return false;
    form.setFields(paths.map((path) => ({ name: path as never, errors: [message] })));
    return true;
  }
  const field = fieldForCode(error.code, error.details);
  if (field === null) return false;
  form.setFields([{ name: field as never, errors: [describe(error)] }]);
  return true;
}
