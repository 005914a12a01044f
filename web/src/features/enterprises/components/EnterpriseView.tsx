import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageLoading } from '../../../components/PageLoading';
import { PageTitle } from '../../../components/PageTitle';
import { StatusPage } from '../../../components/StatusPage';
import { ApiError } from '../../../lib/api';
import { useT } from '../../../lib/i18n';
import { hasAnyRole, useSession } from '../../../lib/session';
import { useEnterprise } from '../api/get-enterprise';
import { EDIT_ROLES } from '../constants';
import { EnterpriseParkCard } from '../../carriers/components/EnterpriseParkCard';
import { EditEnterpriseModal } from './EditEnterpriseModal';
import { EnterpriseProfile } from './EnterpriseProfile';
import { EnterpriseTimeline } from './EnterpriseTimeline';

/** One enterprise's record (一企一档): profile, timeline and the edit dialog. */
export function EnterpriseView({ id, backToList }: { id: number; backToList: boolean }) {
  const t = useT();
  const me = useSession();
  const q = useEnterprise(id);
  const [editing, setEditing] = useState(false);

  if (q.isPending) {
    return <PageLoading />;
  }
  if (q.isError) {
    const e = q.error;
    if (e instanceof ApiError && (e.status === 404 || e.status === 403)) {
      return <StatusPage kind={e.status === 404 ? 'notFound' : 'forbidden'} detail={e.message} />;
    }
    return <StatusPage kind="error" detail={e.message} extra={<Button onClick={() => void q.refetch()}>{t('common.retry')}</Button>} />;
  }
  const e = q.data;

  return (
    <>
      <PageTitle
        title={e.name}
        isName
        extra={
          <>
            {backToList ? (
              <Link to="/enterprises">
                <Button icon={<ArrowLeftOutlined />}>{t('ent.backToList')}</Button>
              </Link>
            ) : null}
            {hasAnyRole(me, EDIT_ROLES) ? (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="enterprise-edit">
                {t('common.edit')}
              </Button>
            ) : null}
          </>
        }
      >
        <div style={{ marginTop: 6 }}>
          <Tag color="geekblue">{e.districtName}</Tag>
          <Tag>{e.industry}</Tag>
        </div>
      </PageTitle>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card title={t('ent.profile')}>
            <EnterpriseProfile e={e} />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <div style={{ marginBottom: 16 }}>
            <EnterpriseParkCard enterpriseId={e.id} />
          </div>
          <Card title={t('ent.timeline')}>
            <EnterpriseTimeline events={e.timeline} />
          </Card>
        </Col>
      </Row>
      <EditEnterpriseModal
        enterprise={e}
        open={editing}
        onClose={() => setEditing(false)}
        reload={async () => (await q.refetch()).data}
      />
    </>
  );
}
