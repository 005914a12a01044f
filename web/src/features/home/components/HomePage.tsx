import { Card, Col, Descriptions, Flex, Row, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { businessDayjs } from '../../../lib/business-clock';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { fillNodes, useT, type MessageKey } from '../../../lib/i18n';
import { isRoleCode, useSession } from '../../../lib/session';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { InboxCard } from '../../inbox/components/InboxCard';

export interface Shortcut {
  path: string;
  title: string;
  description: string;
  icon: ReactNode;
}

function greetingKey(hour: number): MessageKey {
  if (hour < 6) {
    return 'home.greetNight';
  }
  if (hour < 12) {
    return 'home.greetMorning';
  }
  if (hour < 18) {
    return 'home.greetAfternoon';
  }
  return 'home.greetEvening';
}

/** 工作台: who you are, in which organisation, and where you can go from here. */
export default function HomePage({ shortcuts }: { shortcuts: Shortcut[] }) {
  const t = useT();
  const me = useSession();
  // the greeting follows the user's time of day; "today" is the business date deadlines count from
  const now = dayjs();
  const today = businessDayjs();
  useDocumentTitle();
  return (
    <>
      <Card style={{ marginBottom: 24 }}>
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          {fillNodes(t(greetingKey(now.hour())), { name: <span translate="no">{me.user.displayName}</span> })}
        </Typography.Title>
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label={t('home.roles')}>
            <Flex gap={4} wrap>
              {me.roles.map((r) => (
                <Tag color="blue" key={r}>
                  {isRoleCode(r) ? t(`role.${r}`) : r}
                </Tag>
              ))}
            </Flex>
          </Descriptions.Item>
          <Descriptions.Item label={t('home.organization')}>{me.organization.name}</Descriptions.Item>
          <Descriptions.Item label={t('home.district')}>
            {me.organization.district ? `${me.organization.district.name}（${me.organization.district.code}）` : t('home.cityWide')}
          </Descriptions.Item>
          <Descriptions.Item label={t('home.today')}>{today.format(t('home.dateFormat'))}</Descriptions.Item>
          <Descriptions.Item label={t('home.username')}>{me.user.username}</Descriptions.Item>
        </Descriptions>
      </Card>
      <InboxCard />
      <Typography.Title level={2} style={{ fontSize: 17 }}>
        {t('home.shortcuts')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {shortcuts.map((s) => (
          <Col key={s.path} xs={24} sm={12} lg={8}>
            <Link to={s.path}>
              <Card hoverable style={{ height: '100%' }}>
                <Card.Meta
                  avatar={<span style={{ fontSize: 24, color: '#1558d6' }}>{s.icon}</span>}
                  title={s.title}
                  description={s.description}
                />
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </>
  );
}
