import type { FormInstance } from 'antd';
import { ApiError } from '../../../lib/api';

/** After the API refused the form, scrolls to the first of its fields the refusal names (the long form scrolls). */
export function scrollToFirstPlaced<T>(form: FormInstance<T>, err: unknown, fields: readonly string[]): void {
  const named = err instanceof ApiError ? err.fields.map((f) => f.field.replace(/^body\./, '')) : [];
  const first = fields.find((f) => named.includes(f));
  if (first) {
    // after FormModal has put the messages on the fields
    setTimeout(() => form.scrollToField(first as never), 0);
  }
}
