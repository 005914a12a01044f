import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button, Form } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import { MoneyInput } from './MoneyInput';

function renderForm(onFinish: (v: { amount: number }) => void, wanHint = false) {
  render(
    <Form onFinish={onFinish}>
      <Form.Item name="amount" label="金额">
        <MoneyInput wanHint={wanHint} />
      </Form.Item>
      <Button htmlType="submit">提交</Button>
    </Form>,
  );
  return screen.getByLabelText('金额') as HTMLInputElement;
}

describe('MoneyInput', () => {
  it('typing 58163000 shows 58,163,000.00 元 and submits 58163000', async () => {
    const onFinish = vi.fn();
    const input = renderForm(onFinish);
    await userEvent.type(input, '58163000');
    await userEvent.tab();
    expect(input.value).toBe('58,163,000.00');
    expect(screen.getByText('元')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: /提\s*交/ }));
    await vi.waitFor(() => expect(onFinish).toHaveBeenCalledWith({ amount: 58163000 }));
  });

  it('reads back a pasted amount with separators and cents', async () => {
    const onFinish = vi.fn();
    const input = renderForm(onFinish);
    await userEvent.click(input);
    await userEvent.paste('1,234,567.5');
    await userEvent.tab();
    expect(input.value).toBe('1,234,567.50');
    await userEvent.click(screen.getByRole('button', { name: /提\s*交/ }));
    await vi.waitFor(() => expect(onFinish).toHaveBeenCalledWith({ amount: 1234567.5 }));
  });

  it('with the hint also shows the amount in 万元', async () => {
    const input = renderForm(vi.fn(), true);
    await userEvent.type(input, '58163000');
    expect((await screen.findByTestId('money-wan-hint')).textContent).toBe('约 5,816.30 万元');
  });
});
