import type { FormInstance } from 'antd';
import { ApiError, type FieldIssue } from './api';

/**
 * Puts the API's field-level messages (`details.fields`) on the matching form items.
 * Returns the issues that belong to no field of this form, so the caller can show them.
 */
export function applyFieldErrors<T>(form: FormInstance<T>, err: unknown, knownFields: readonly string[]): FieldIssue[] {
  if (!(err instanceof ApiError)) {
    return [];
  }
  const unplaced: FieldIssue[] = [];
  const byField = new Map<string, string[]>();
  for (const issue of err.fields) {
    const name = issue.field.replace(/^body\./, '');
    if (knownFields.includes(name)) {
      byField.set(name, [...(byField.get(name) ?? []), issue.message]);
    } else {
      unplaced.push(issue);
    }
  }
  // a nested field ("loans.0.bank") is the path ['loans', 0, 'bank'] of a Form.List
  const path = (name: string) => name.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  form.setFields([...byField].map(([name, errors]) => ({ name: path(name) as never, errors })));
  return unplaced;
}

/** A user-facing message for any error thrown by an API call. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) {
    return err.message;
  }
  return err instanceof Error ? err.message : String(err);
}
