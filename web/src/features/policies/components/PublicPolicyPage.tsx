import { Alert, Button, Card, Descriptions, List, Skeleton, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { StatusTag } from '../../../components/StatusTag';
import { PageTitle } from '../../../components/PageTitle';
import { errorMessage } from '../../../lib/form-errors';
import { usePolicy } from '../api/policies';

import { policiesMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';

/** One policy document (public): metadata, full text, original file, and what cites it. */
export default function PublicPolicyPage() {
  const t = useMessages(policiesMessages);
  const id = Number(useParams().id);
  const p = usePolicy(id);
  if (p.error) {
    return <Alert type="error" showIcon message={errorMessage(p.error)} />;
  }
  if (!p.data) {
    return <Skeleton active />;
  }
  const d = p.data;
  return (
    <>
      <PageTitle title={`《${d.title}》`} extra={<Link to="/public/policies">{t('policies.public.back')}</Link>} />
      <Card>
        <Descriptions column={2} size="small" bordered>
          <Descriptions.Item label={t('policies.number')}>{d.docNo ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('policies.issuer')}>{d.issuer}</Descriptions.Item>
          <Descriptions.Item label={t('policies.issuedOn')}>{d.issuedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('policies.effectiveOn')}>{d.effectiveOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('policies.expiresOn')}>{d.expiresOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('policies.status')}>
            <StatusTag status={d.status} name={d.statusName} />
          </Descriptions.Item>
          <Descriptions.Item label={t('policies.summary')} span={2}>
            {d.summary ?? '—'}
          </Descriptions.Item>
        </Descriptions>
        {d.hasFile ? (
          <Button style={{ marginTop: 12 }} href={`/api/policies/${d.id}/file`}>
            {t('policies.public.download', { fileName: d.fileName ?? '' })}
          </Button>
        ) : null}
      </Card>
      <Card title={t('policies.fullText')} style={{ marginTop: 16 }}>
        {d.body ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.body}</Typography.Paragraph> : <Typography.Text type="secondary">{d.hasFile ? t('policies.public.noFullTextDownload') : t('policies.public.noFullText')}</Typography.Text>}
      </Card>
      <Card title={t('policies.public.citedBy')} style={{ marginTop: 16 }}>
        <List size="small" dataSource={d.citations} locale={{ emptyText: t('policies.public.none') }} renderItem={(c) => <List.Item>{`${c.objectTypeName}：${c.label}`}</List.Item>} />
      </Card>
    </>
  );
}
