import { Flex, InputNumber, Typography, type InputNumberProps } from 'antd';
import { useMessages } from '../lib/i18n';
import { groupDigits, parseGrouped } from '../lib/money';
import { componentsMessages } from './messages';

type Props = Omit<InputNumberProps<number>, 'formatter' | 'parser' | 'precision' | 'suffix'> & {
  /** Also show the amount in 万元 next to the input (for large sums: budgets, grants, fund sizes). */
  wanHint?: boolean;
};

const wan = (yuan: number) => (yuan / 1e4).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A yuan amount typed with thousands separators shown as the user types, two decimals once typed, and 元. */
export function MoneyInput({ wanHint = false, ...props }: Props) {
  const t = useMessages(componentsMessages);
  const input = (
    <InputNumber<number>
      min={0}
      style={{ width: 200 }}
      {...props}
      precision={2}
      suffix={t('components.money.yuan')}
      formatter={(v, { userTyping }) => {
        if (v === undefined || v === null || `${v}` === '') {
          return '';
        }
        // while typing the text is left as typed (only grouped); once done it shows its two decimals
        return groupDigits(userTyping || Number.isNaN(Number(v)) ? `${v}` : Number(v).toFixed(2));
      }}
      parser={(text) => Number(parseGrouped(text))}
    />
  );
  if (!wanHint) {
    return input;
  }
  const value = typeof props.value === 'number' ? props.value : null;
  return (
    <Flex align="center" gap={8}>
      {input}
      {value ? (
        <Typography.Text type="secondary" className="money" data-testid="money-wan-hint">
          {t('components.money.wanHint', { amount: wan(value) })}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
