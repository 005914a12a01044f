import { Card, Col, Descriptions, Row } from 'antd';
import { PageTitle } from '../../../components/PageTitle';
import { useT } from '../../../lib/i18n';
import { isRoleCode, useSession } from '../../../lib/session';
import { ApiTokensCard } from './ApiTokensCard';
import { ChangePasswordCard } from './ChangePasswordCard';

/** 我的账户: who I am, my password, my API tokens. */
export default function AccountPage() {
  const t = useT();
  const me = useSession();
  return (
    <>
      <PageTitle title={t('nav.account')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('account.profile')} style={{ height: '100%' }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('user.username')}>{me.user.username}</Descriptions.Item>
              <Descriptions.Item label={t('user.displayName')}>{me.user.displayName}</Descriptions.Item>
              <Descriptions.Item label={t('user.organization')}>{me.organization.name}</Descriptions.Item>
              <Descriptions.Item label={t('user.roles')}>
                {me.roles.map((r) => (isRoleCode(r) ? t(`role.${r}`) : r)).join('、')}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <ChangePasswordCard />
        </Col>
        <Col span={24}>
          <ApiTokensCard />
        </Col>
      </Row>
    </>
  );
}
