import type { FormInstance } from 'antd';
import { ApiError } from '../../../lib/api';
import { errorMessage } from '../../../lib/form-errors';

/**
 * Puts the API's field messages on the form's items — nested ones too ("investments.2.investedOn" →
 * ['investments', 2, 'investedOn']) — and shows anything that fits no item as a message.
 */
export function showFormError<T>(form: FormInstance<T>, err: unknown, show: (text: string) => unknown) {
  const fields = err instanceof ApiError ? err.fields : [];
  const known = new Set(Object.keys(form.getFieldsValue(true) as object));
  const placed = fields.filter((f) => known.has(f.field.replace(/^body\./, '').split('.')[0]));
  form.setFields(
    placed.map((f) => ({
      name: f.field
        .replace(/^body\./, '')
        .split('.')
        .map((p) => (/^\d+$/.test(p) ? Number(p) : p)) as never,
      errors: [f.message],
    })),
  );
  if (placed.length === 0 || placed.length < fields.length) {
    show(errorMessage(err));
  }
}
