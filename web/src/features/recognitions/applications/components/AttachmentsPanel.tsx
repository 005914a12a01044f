import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, List, Space, Tag, Typography, Upload } from 'antd';
import { errorMessage } from '../../../../lib/form-errors';
import { downloadAttachment, useDeleteAttachment, useUploadAttachment } from '../api/attachments';
import type { ApplicationDetail } from '../api/get-application';
import type { FormSpecView } from '../api/get-form';
import { useMessages } from '../../../../lib/i18n';
import { recognitionsMessages } from '../../messages';

/** The form version's attachment slots, with what is uploaded; upload and delete while editable. */
export function AttachmentsPanel({ app, spec, editable }: { app: ApplicationDetail; spec: FormSpecView; editable: boolean }) {
  const t = useMessages(recognitionsMessages);
  const { message } = App.useApp();
  const upload = useUploadAttachment();
  const remove = useDeleteAttachment();
  return (
    <List
      data-testid="attachments-panel"
      dataSource={spec.attachments}
      renderItem={(slot) => {
        const files = app.attachments.filter((f) => f.code === slot.code);
        return (
          <List.Item
            actions={
              editable
                ? [
                    <Upload
                      key="up"
                      showUploadList={false}
                      accept={slot.types.map((type) => `.${type}`).join(',')}
                      beforeUpload={(file) => {
                        upload.mutate(
                          { id: app.id, code: slot.code, file },
                          { onSuccess: () => void message.success(t('recognitions.attach.uploaded', { name: file.name })), onError: (e) => void message.error(errorMessage(e)) },
                        );
                        return false;
                      }}
                    >
                      <Button size="small" icon={<UploadOutlined />} loading={upload.isPending && upload.variables?.code === slot.code} data-testid={`upload-${slot.code}`}>
                        {t('recognitions.attach.upload')}
                      </Button>
                    </Upload>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space>
                  {slot.name}
                  {slot.required ? <Tag color="red">{t('recognitions.attach.required')}</Tag> : <Tag>{t('recognitions.attach.optional')}</Tag>}
                  {files.length ? <Tag color="success">{t('recognitions.attach.count', { n: files.length })}</Tag> : null}
                </Space>
              }
              description={
                <Space orientation="vertical" size={2}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('recognitions.attach.rules', { types: slot.types.join(t('recognitions.listSeparator')), mb: slot.maxSizeMb })}
                  </Typography.Text>
                  {files.map((f) => (
                    <Space key={f.id} size={4}>
                      <Button size="small" type="link" icon={<DownloadOutlined />} onClick={() => void downloadAttachment(app.id, f.id, f.fileName).catch((e: unknown) => message.error(errorMessage(e)))}>
                        {f.fileName}
                      </Button>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {(f.size / 1024).toFixed(1)} KB
                      </Typography.Text>
                      {editable ? (
                        <Button
                          size="small"
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('recognitions.attach.delete', { name: f.fileName })}
                          onClick={() => remove.mutate({ id: app.id, attachmentId: f.id }, { onError: (e) => void message.error(errorMessage(e)) })}
                        />
                      ) : null}
                    </Space>
                  ))}
                </Space>
              }
            />
          </List.Item>
        );
      }}
    />
  );
}
