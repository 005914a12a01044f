import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, List, Space, Tag, Typography, Upload } from 'antd';
import { errorMessage } from '../../../lib/form-errors';
import { useMessages } from '../../../lib/i18n';
import { downloadClaimFile, useUploadClaimFile, type ClaimFile, type ClaimFileKind } from '../api/claim-files';
import { vouchersMessages } from '../messages';

const CLAIM_FILE_KINDS: ClaimFileKind[] = ['acceptance', 'invoice'];

function FileLink({ file }: { file: ClaimFile }) {
  const { message } = App.useApp();
  return (
    <Space size={4}>
      <Button size="small" type="link" icon={<DownloadOutlined />} onClick={() => void downloadClaimFile(file).catch((e: unknown) => message.error(errorMessage(e)))}>
        {file.fileName}
      </Button>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {(file.size / 1024).toFixed(1)} KB
      </Typography.Text>
    </Space>
  );
}

/** The claim's two evidence files: uploadable while the claim is being written, read-only on the decision. */
export function ClaimFiles({ files, bookingId, errors = {} }: { files: ClaimFile[]; bookingId?: number; errors?: Partial<Record<ClaimFileKind, string>> }) {
  const { message } = App.useApp();
  const upload = useUploadClaimFile(bookingId);
  const t = useMessages(vouchersMessages);
  return (
    <List
      size="small"
      bordered
      data-testid="claim-files"
      dataSource={CLAIM_FILE_KINDS}
      renderItem={(kind) => {
        const name = t(`vouchers.files.${kind}`);
        const file = files.find((f) => f.kind === kind);
        return (
          <List.Item
            actions={
              bookingId === undefined
                ? []
                : [
                    <Upload
                      key="up"
                      accept=".pdf,.jpg,.jpeg,.png"
                      showUploadList={false}
                      beforeUpload={(f) => {
                        upload.mutate({ kind, file: f }, { onSuccess: () => void message.success(t('vouchers.files.uploaded', { kind: name, file: f.name })), onError: (e) => void message.error(errorMessage(e)) });
                        return false;
                      }}
                    >
                      <Button size="small" icon={<UploadOutlined />} loading={upload.isPending && upload.variables?.kind === kind} aria-label={t('vouchers.files.uploadKind', { kind: name })}>
                        {file ? t('vouchers.files.reupload') : t('vouchers.files.upload')}
                      </Button>
                    </Upload>,
                  ]
            }
          >
            <List.Item.Meta
              title={
                <Space>
                  {name}
                  {file ? <Tag color="success">{t('vouchers.files.isUploaded')}</Tag> : <Tag color="red">{bookingId === undefined ? t('vouchers.files.notSent') : t('vouchers.files.required')}</Tag>}
                </Space>
              }
              description={
                file ? (
                  <FileLink file={file} />
                ) : (
                  <Typography.Text type={errors[kind] ? 'danger' : 'secondary'} style={{ fontSize: 12 }} role={errors[kind] ? 'alert' : undefined}>
                    {errors[kind] ?? t('vouchers.files.hint')}
                  </Typography.Text>
                )
              }
            />
          </List.Item>
        );
      }}
    />
  );
}
