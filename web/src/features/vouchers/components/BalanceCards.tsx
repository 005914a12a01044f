import { Card, Col, Row, Statistic } from 'antd';
import { useMessages } from '../../../lib/i18n';
import type { Balance } from '../api/get-balance';
import { vouchersMessages } from '../messages';

/** The holder's five figures; issued = available + frozen + redeemed + expired. */
export function BalanceCards({ balance, loading }: { balance: Balance | undefined; loading: boolean }) {
  const t = useMessages(vouchersMessages);
  const items: [string, number | undefined][] = [
    [t('vouchers.balance.issued'), balance?.issued],
    [t('vouchers.balance.available'), balance?.available],
    [t('vouchers.balance.frozen'), balance?.frozen],
    [t('vouchers.balance.redeemed'), balance?.redeemed],
    [t('vouchers.balance.expired'), balance?.expired],
  ];
  return (
    <Row gutter={[12, 12]}>
      {items.map(([title, value]) => (
        // five equal cards in a row while each has room for its amount and unit on one line
        <Col key={title} flex="1 1 200px">
          <Card size="small" loading={loading}>
            <Statistic title={title} value={value ?? 0} precision={2} suffix={t('vouchers.yuan')} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
