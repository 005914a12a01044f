import { message, type FormInstance } from 'antd';
import { ApiError } from '../../../lib/api';
import { errorMessage } from '../../../lib/form-errors';
import { flatField } from '../api/keys';

/** Puts the API's field messages on this form's items ('form.mentors' → mentors); anything else as a message. */
export function showErrors<T>(form: FormInstance<T>, err: unknown, names: readonly string[]): void {
  if (!(err instanceof ApiError)) {
    message.error(errorMessage(err));
    return;
  }
  const byField = new Map<string, string[]>();
  const others: string[] = [];
  for (const f of err.fields) {
    const name = flatField(f.field);
    if (names.includes(name)) {
      byField.set(name, [...(byField.get(name) ?? []), f.message]);
    } else {
      others.push(f.message);
    }
  }
  form.setFields([...byField].map(([name, errors]) => ({ name: name as never, errors })));
  if (!byField.size || others.length) {
    message.error([err.message, ...others].join('；'));
  }
}

/** Awaits a save for FormModal: the API's field issues renamed to this feature's flat form fields ('form.mentors' → mentors). */
export async function withFlatFields<T>(save: Promise<T>): Promise<T> {
  try {
    return await save;
  } catch (err) {
    if (err instanceof ApiError && err.fields.length) {
      const details = (err.details ?? {}) as Record<string, unknown>;
      throw new ApiError(err.status, err.code, err.message, { ...details, fields: err.fields.map((f) => ({ ...f, field: flatField(f.field) })) });
    }
    throw err;
  }
}
