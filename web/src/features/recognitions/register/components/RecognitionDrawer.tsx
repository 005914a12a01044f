import { DownloadOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Drawer, Flex, Spin, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../../../lib/form-errors';
import { formatDateTime } from '../../../../lib/format';
import { useDownloadCertificate } from '../api/download-certificate';
import { useRecognition } from '../api/get-recognition';
import { STATUS_COLOR, validityLabel } from './constants';
import { RevokeModal } from './RevokeModal';

/** One recognition: who holds it, the certificate, validity, today's status, the revocation; download and (city officer) revoke. */
export function RecognitionDrawer({ id, onClose, canRevoke, linkEnterprise }: { id: number | null; onClose: () => void; canRevoke: boolean; linkEnterprise: boolean }) {
  const { message } = App.useApp();
  const detail = useRecognition(id);
  const download = useDownloadCertificate();
  const [revoking, setRevoking] = useState(false);
  const r = detail.data;

  return (
    <Drawer title="认定详情" open={id !== null} onClose={onClose} size={560} destroyOnHidden>
      {detail.isError ? <Alert type="error" showIcon title={errorMessage(detail.error)} /> : null}
      {detail.isLoading ? <Spin /> : null}
      {r ? (
        <>
          <Descriptions column={1} bordered size="small" data-testid="recognition-detail">
            <Descriptions.Item label="认定类型">{r.typeName}</Descriptions.Item>
            <Descriptions.Item label="证书编号">{r.certificateNo}</Descriptions.Item>
            <Descriptions.Item label="企业名称">{linkEnterprise ? <Link to={`/enterprises/${r.enterpriseId}`}>{r.enterpriseName}</Link> : r.enterpriseName}</Descriptions.Item>
            <Descriptions.Item label="统一社会信用代码">{r.uscc}</Descriptions.Item>
            <Descriptions.Item label="所属区县（认定时）">{r.districtName}</Descriptions.Item>
            <Descriptions.Item label="发证日期">{r.issuedOn}</Descriptions.Item>
            <Descriptions.Item label="有效期至">{validityLabel(r.validUntil)}</Descriptions.Item>
            <Descriptions.Item label={`状态（${r.statusOn}）`}>
              <Tag color={STATUS_COLOR[r.status]}>{r.statusName}</Tag>
            </Descriptions.Item>
            {r.revocation ? (
              <>
                <Descriptions.Item label="撤销生效日期">{r.revocation.effectiveOn}</Descriptions.Item>
                <Descriptions.Item label="撤销原因">{r.revocation.reason}</Descriptions.Item>
                <Descriptions.Item label="撤销人">{r.revocation.revokedBy ?? '—'}</Descriptions.Item>
              </>
            ) : null}
            {r.expiryRecordedAt ? <Descriptions.Item label="到期登记时间">{formatDateTime(r.expiryRecordedAt)}</Descriptions.Item> : null}
          </Descriptions>
          <Flex gap={8} style={{ marginTop: 16 }}>
            <Button
              icon={<DownloadOutlined />}
              loading={download.isPending}
              data-testid="certificate-download"
              onClick={() =>
                download.mutate(
                  { id: r.id, certificateNo: r.certificateNo },
                  { onSuccess: () => void message.success('证书已下载'), onError: (e) => void message.error(errorMessage(e)) },
                )
              }
            >
              下载证书（Word）
            </Button>
            {canRevoke && !r.revocation ? (
              <Button danger icon={<StopOutlined />} onClick={() => setRevoking(true)} data-testid="revoke-open">
                撤销认定
              </Button>
            ) : null}
          </Flex>
          {revoking ? <RevokeModal recognition={r} open={revoking} onClose={() => setRevoking(false)} /> : null}
        </>
      ) : null}
    </Drawer>
  );
}
