import { App, Button, Card, Popconfirm, Select, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { downloadFile } from '../../../lib/download';
import { errorMessage } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import type { Application } from '../api/applications';
import { useDeleteAttachment, useUploadAttachment } from '../api/drafts';
import { useMessages } from '../../../lib/i18n';
import { programmesMessages } from '../messages';

const MB = 1024 * 1024;

/** 申报附件: everyone who reads the application downloads them; the applicant uploads and deletes while it may edit. */
export function AttachmentsCard({ app, editable }: { app: Application; editable: boolean }) {
  const t = useMessages(programmesMessages);
  const rules = app.attachmentRules;
  const [code, setCode] = useState(rules.codes[0]?.code);
  const upload = useUploadAttachment();
  const remove = useDeleteAttachment();
  const { message } = App.useApp();
  const nameOf = (c: string) => rules.codes.find((x) => x.code === c)?.name ?? c;
  const hint = t('programmes.attach.hint', { types: rules.types.join(t('programmes.listSeparator')), mb: rules.maxBytes / MB });
  return (
    <Card title={t('programmes.attach.title')} style={{ marginBottom: 16 }}>
      {editable ? (
        <Space wrap style={{ marginBottom: 12 }}>
          <Select aria-label={t('programmes.attach.category')} style={{ width: 200 }} value={code} onChange={setCode} options={rules.codes.map((c) => ({ value: c.code, label: c.name }))} />
          <Upload
            accept={rules.types.map((type) => `.${type}`).join(',')}
            showUploadList={false}
            beforeUpload={(file) => {
              if (file.size > rules.maxBytes) {
                message.error(t('programmes.attach.tooBig', { mb: rules.maxBytes / MB }));
                return Upload.LIST_IGNORE;
              }
              return true;
            }}
            customRequest={({ file }) => {
              upload
                .mutateAsync({ id: app.id, code: code ?? 'other', file: file as File })
                .then((a) => message.success(t('programmes.attach.uploaded', { name: a.fileName })))
                .catch((err: unknown) => message.error(errorMessage(err)));
            }}
          >
            <Button loading={upload.isPending}>{t('programmes.attach.upload')}</Button>
          </Upload>
          <Typography.Text type="secondary">{hint}</Typography.Text>
        </Space>
      ) : null}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={app.attachments}
        locale={{ emptyText: t('programmes.attach.empty') }}
        columns={[
          { title: t('programmes.col.category'), width: 160, render: (_, a) => nameOf(a.code) },
          {
            title: t('programmes.attach.file'),
            render: (_, a) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => void downloadFile(`/api/project-applications/${app.id}/attachments/${a.id}`, a.fileName)}>
                {a.fileName}
              </Button>
            ),
          },
          { title: t('programmes.attach.size'), width: 100, render: (_, a) => `${Math.max(1, Math.round(a.size / 1024))} KB` },
          { title: t('programmes.attach.uploadedAt'), width: 170, render: (_, a) => formatDateTime(a.createdAt) },
          ...(editable
            ? [
                {
                  title: '',
                  width: 80,
                  render: (_: unknown, a: Application['attachments'][number]) => (
                    <Popconfirm
                      title={t('programmes.attach.deleteConfirm', { name: a.fileName })}
                      okText={t('programmes.delete')}
                      cancelText={t('programmes.cancel')}
                      onConfirm={() =>
                        remove
                          .mutateAsync({ id: app.id, attachmentId: a.id })
                          .then(() => message.success(t('programmes.attach.deleted')))
                          .catch((err: unknown) => message.error(errorMessage(err)))
                      }
                    >
                      <Button type="link" danger size="small">
                        {t('programmes.delete')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
