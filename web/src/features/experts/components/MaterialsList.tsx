import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, List, Typography } from 'antd';
import { errorMessage } from '../../../lib/form-errors';
import { downloadMaterial } from '../api/download-material';
import type { CaseView } from '../api/get-assignment';
import { useMessages } from '../../../lib/i18n';
import { expertsMessages } from '../messages';

/** The case's uploaded materials, read-only, while the expert's seat is live. */
export function MaterialsList({ view }: { view: CaseView }) {
  const t = useMessages(expertsMessages);
  const { message } = App.useApp();
  if (!view.materials.open) {
    return <Alert type="info" showIcon title={t('experts.materials.closed')} />;
  }
  return (
    <List
      size="small"
      bordered
      data-testid="case-materials"
      locale={{ emptyText: t('experts.materials.empty') }}
      dataSource={view.materials.items}
      footer={<Typography.Text type="secondary">{t('experts.materials.footer')}</Typography.Text>}
      renderItem={(f) => (
        <List.Item>
          <Button type="link" size="small" icon={<DownloadOutlined />} onClick={() => void downloadMaterial(view.memberId, f).catch((e: unknown) => message.error(errorMessage(e)))}>
            {f.fileName}
          </Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('experts.materials.uploadedOn', { size: (f.size / 1024).toFixed(1), date: f.createdAt.slice(0, 10) })}
          </Typography.Text>
        </List.Item>
      )}
    />
  );
}
