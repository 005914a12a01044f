import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App, Form, Input } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../lib/api';
import { FormModal } from './FormModal';

interface Values {
  name: string;
  contact: string;
}

function renderModal(onSubmit: (v: Values) => Promise<unknown>, onClose = vi.fn()) {
  render(
    <App>
      <FormModal<Values> title="登记服务机构" open onClose={onClose} onSubmit={onSubmit} initialValues={{ name: '之江检测', contact: '王工' }}>
        <Form.Item name="name" label="机构名称">
          <Input />
        </Form.Item>
        <Form.Item name="contact" label="联系人">
          <Input />
        </Form.Item>
      </FormModal>
    </App>,
  );
  return onClose;
}

/** The error messages antd shows under the form item of a label. */
const errorsOf = (label: string) => {
  const item = screen.getByLabelText(label).closest('.ant-form-item');
  return [...(item?.querySelectorAll('.ant-form-item-explain-error') ?? [])].map((e) => e.textContent);
};

const ok = () => screen.getByRole('button', { name: /OK|确\s*定/ });

describe('FormModal', () => {
  it('puts a 400’s field errors on their fields and stays open', async () => {
    const onSubmit = vi.fn(() =>
      Promise.reject(new ApiError(400, 'VALIDATION', '请求参数有误', { fields: [{ field: 'body.contact', message: '联系人至少2个字' }] })),
    );
    const onClose = renderModal(onSubmit);
    await userEvent.click(ok());
    expect(await screen.findByText('联系人至少2个字')).toBeTruthy();
    expect(errorsOf('联系人')).toEqual(['联系人至少2个字']);
    expect(errorsOf('机构名称')).toEqual([]);
    expect(onSubmit).toHaveBeenCalledWith({ name: '之江检测', contact: '王工' });
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByText('登记服务机构')).toBeTruthy();
    expect(screen.queryByRole('alert', { name: /提交失败/ })).toBeNull();
  });

  it('shows an error that belongs to no field above the fields', async () => {
    const onClose = renderModal(() => Promise.reject(new ApiError(409, 'CONFLICT', '该机构已登记')));
    await userEvent.click(ok());
    expect((await screen.findByText(/提交失败/)).textContent).toContain('该机构已登记');
    expect(onClose).not.toHaveBeenCalled();
  });

  it('closes when the save succeeds', async () => {
    const onClose = renderModal(() => Promise.resolve({ id: 1 }));
    await userEvent.click(ok());
    await vi.waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
  });
});
