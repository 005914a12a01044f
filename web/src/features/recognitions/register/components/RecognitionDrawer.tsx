import { DownloadOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Drawer, Flex, Spin } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { StatusTag } from '../../../../components/StatusTag';
import { errorMessage } from '../../../../lib/form-errors';
import { formatDateTime } from '../../../../lib/format';
import { useDownloadCertificate } from '../api/download-certificate';
import { useRecognition } from '../api/get-recognition';
import { validityLabel } from './constants';
import { RevokeModal } from './RevokeModal';
import { useMessages } from '../../../../lib/i18n';
import { recognitionsMessages } from '../../messages';

/** One recognition: who holds it, the certificate, validity, today's status, the revocation; download and (city officer) revoke. */
export function RecognitionDrawer({ id, onClose, canRevoke, linkEnterprise }: { id: number | null; onClose: () => void; canRevoke: boolean; linkEnterprise: boolean }) {
  const t = useMessages(recognitionsMessages);
  const { message } = App.useApp();
  const detail = useRecognition(id);
  const download = useDownloadCertificate();
  const [revoking, setRevoking] = useState(false);
  const r = detail.data;

  return (
    <Drawer title={t('recognitions.drawer.title')} open={id !== null} onClose={onClose} size={560} destroyOnHidden>
      {detail.isError ? <Alert type="error" showIcon title={errorMessage(detail.error)} /> : null}
      {detail.isLoading ? <Spin /> : null}
      {r ? (
        <>
          <Descriptions column={1} bordered size="small" data-testid="recognition-detail">
            <Descriptions.Item label={t('recognitions.col.type')}>{r.typeName}</Descriptions.Item>
            <Descriptions.Item label={t('recognitions.col.certificateNo')}>{r.certificateNo}</Descriptions.Item>
            <Descriptions.Item label={t('recognitions.col.enterprise')}>{linkEnterprise ? <Link to={`/enterprises/${r.enterpriseId}`}>{r.enterpriseName}</Link> : r.enterpriseName}</Descriptions.Item>
            <Descriptions.Item label={t('recognitions.col.uscc')}>{r.uscc}</Descriptions.Item>
            <Descriptions.Item label={t('recognitions.drawer.districtAtRecognition')}>{r.districtName}</Descriptions.Item>
            <Descriptions.Item label={t('recognitions.col.issuedOn')}>{r.issuedOn}</Descriptions.Item>
            <Descriptions.Item label={t('recognitions.col.validUntil')}>{validityLabel(r.validUntil, t)}</Descriptions.Item>
            <Descriptions.Item label={t('recognitions.drawer.statusOn', { date: r.statusOn })}>
              <StatusTag status={r.status} name={r.statusName} />
            </Descriptions.Item>
            {r.revocation ? (
              <>
                <Descriptions.Item label={t('recognitions.drawer.revokedOn')}>{r.revocation.effectiveOn}</Descriptions.Item>
                <Descriptions.Item label={t('recognitions.drawer.revokeReason')}>{r.revocation.reason}</Descriptions.Item>
                <Descriptions.Item label={t('recognitions.drawer.revokedBy')}>{r.revocation.revokedBy ?? '—'}</Descriptions.Item>
              </>
            ) : null}
            {r.expiryRecordedAt ? <Descriptions.Item label={t('recognitions.drawer.expiryRecordedAt')}>{formatDateTime(r.expiryRecordedAt)}</Descriptions.Item> : null}
          </Descriptions>
          <Flex gap={8} style={{ marginTop: 16 }}>
            <Button
              icon={<DownloadOutlined />}
              loading={download.isPending}
              data-testid="certificate-download"
              onClick={() =>
                download.mutate(
                  { id: r.id, certificateNo: r.certificateNo },
                  { onSuccess: () => void message.success(t('recognitions.drawer.downloaded')), onError: (e) => void message.error(errorMessage(e)) },
                )
              }
            >
              {t('recognitions.drawer.download')}
            </Button>
            {canRevoke && !r.revocation ? (
              <Button danger icon={<StopOutlined />} onClick={() => setRevoking(true)} data-testid="revoke-open">
                {t('recognitions.drawer.revoke')}
              </Button>
            ) : null}
          </Flex>
          {revoking ? <RevokeModal recognition={r} open={revoking} onClose={() => setRevoking(false)} /> : null}
        </>
      ) : null}
    </Drawer>
  );
}
