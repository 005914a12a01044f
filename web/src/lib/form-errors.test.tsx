import type { FormInstance } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api';
import { applyFieldErrors } from './form-errors';

const refusal = (fields: { field: string; message: string }[]) => new ApiError(400, 'validation_failed', 'invalid', { fields });

describe('applyFieldErrors', () => {
  it('when the API names a field of a Form.List (loans.0.bank), then the message lands on that line’s path', () => {
    const setFields = vi.fn();
    const form = { setFields } as unknown as FormInstance;
    const err = refusal([
      { field: 'loans.0.bank', message: '请填写银行' },
      { field: 'body.contactName', message: '请填写联系人' },
      { field: 'year', message: '年度不正确' },
    ]);
    const unplaced = applyFieldErrors(form, err, ['loans.0.bank', 'contactName']);
    expect(setFields).toHaveBeenCalledWith([
      { name: ['loans', 0, 'bank'], errors: ['请填写银行'] },
      { name: ['contactName'], errors: ['请填写联系人'] },
    ]);
    expect(unplaced).toEqual([{ field: 'year', message: '年度不正确' }]);
  });
});
