import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, List, Typography } from 'antd';
import { errorMessage } from '../../../lib/form-errors';
import { downloadMaterial } from '../api/download-material';
import type { CaseView } from '../api/get-assignment';

/** The case's uploaded materials, read-only, while the expert's seat is live. */
export function MaterialsList({ view }: { view: CaseView }) {
  const { message } = App.useApp();
  if (!view.materials.open) {
    return <Alert type="info" showIcon title="评审已结束或您的评审任务已不在进行中，申报材料不再开放查看。" />;
  }
  return (
    <List
      size="small"
      bordered
      data-testid="case-materials"
      locale={{ emptyText: '申报单位未上传材料' }}
      dataSource={view.materials.items}
      footer={<Typography.Text type="secondary">材料仅供本次评审查阅，每次下载均记入审计日志，请勿外传。</Typography.Text>}
      renderItem={(f) => (
        <List.Item>
          <Button type="link" size="small" icon={<DownloadOutlined />} onClick={() => void downloadMaterial(view.memberId, f).catch((e: unknown) => message.error(errorMessage(e)))}>
            {f.fileName}
          </Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {(f.size / 1024).toFixed(1)} KB · 上传于 {f.createdAt.slice(0, 10)}
          </Typography.Text>
        </List.Item>
      )}
    />
  );
}
