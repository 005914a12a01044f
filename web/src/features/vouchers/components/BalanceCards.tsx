import { Card, Col, Row, Statistic } from 'antd';
import type { Balance } from '../api/get-balance';

/** The holder's five figures; issued = available + frozen + redeemed + expired. */
export function BalanceCards({ balance, loading }: { balance: Balance | undefined; loading: boolean }) {
  const items: [string, number | undefined][] = [
    ['已发放', balance?.issued],
    ['可用余额', balance?.available],
    ['冻结中', balance?.frozen],
    ['已兑付', balance?.redeemed],
    ['已过期', balance?.expired],
  ];
  return (
    <Row gutter={[12, 12]}>
      {items.map(([title, value]) => (
        <Col key={title} xs={12} md={8} lg={4}>
          <Card size="small" loading={loading}>
            <Statistic title={title} value={value ?? 0} precision={2} suffix="元" />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
