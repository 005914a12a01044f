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
