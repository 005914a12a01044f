import { App, Button, Card, Popconfirm, Select, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { downloadFile } from '../../../lib/download';
import { errorMessage } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import type { Application } from '../api/applications';
import { useDeleteAttachment, useUploadAttachment } from '../api/drafts';

const MB = 1024 * 1024;

/** 申报附件: everyone who reads the application downloads them; the applicant uploads and deletes while it may edit. */
export function AttachmentsCard({ app, editable }: { app: Application; editable: boolean }) {
  const rules = app.attachmentRules;
  const [code, setCode] = useState(rules.codes[0]?.code);
  const upload = useUploadAttachment();
  const remove = useDeleteAttachment();
  const { message } = App.useApp();
  const nameOf = (c: string) => rules.codes.find((x) => x.code === c)?.name ?? c;
  const hint = `允许格式：${rules.types.join('、')}；单个文件不超过 ${rules.maxBytes / MB} MB`;
  return (
    <Card title="申报附件" style={{ marginBottom: 16 }}>
      {editable ? (
        <Space wrap style={{ marginBottom: 12 }}>
          <Select aria-label="附件类别" style={{ width: 200 }} value={code} onChange={setCode} options={rules.codes.map((c) => ({ value: c.code, label: c.name }))} />
          <Upload
            accept={rules.types.map((t) => `.${t}`).join(',')}
            showUploadList={false}
            beforeUpload={(file) => {
              if (file.size > rules.maxBytes) {
                message.error(`文件超过 ${rules.maxBytes / MB} MB，请压缩后上传`);
                return Upload.LIST_IGNORE;
              }
              return true;
            }}
            customRequest={({ file }) => {
              upload
                .mutateAsync({ id: app.id, code: code ?? 'other', file: file as File })
                .then((a) => message.success(`已上传：${a.fileName}`))
                .catch((err: unknown) => message.error(errorMessage(err)));
            }}
          >
            <Button loading={upload.isPending}>上传附件</Button>
          </Upload>
          <Typography.Text type="secondary">{hint}</Typography.Text>
        </Space>
      ) : null}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={app.attachments}
        locale={{ emptyText: '尚无附件' }}
        columns={[
          { title: '类别', width: 160, render: (_, a) => nameOf(a.code) },
          {
            title: '文件',
            render: (_, a) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => void downloadFile(`/api/project-applications/${app.id}/attachments/${a.id}`, a.fileName)}>
                {a.fileName}
              </Button>
            ),
          },
          { title: '大小', width: 100, render: (_, a) => `${Math.max(1, Math.round(a.size / 1024))} KB` },
          { title: '上传时间', width: 170, render: (_, a) => formatDateTime(a.createdAt) },
          ...(editable
            ? [
                {
                  title: '',
                  width: 80,
                  render: (_: unknown, a: Application['attachments'][number]) => (
                    <Popconfirm
                      title={`删除附件“${a.fileName}”？`}
                      okText="删除"
                      cancelText="取消"
                      onConfirm={() =>
                        remove
                          .mutateAsync({ id: app.id, attachmentId: a.id })
                          .then(() => message.success('附件已删除'))
                          .catch((err: unknown) => message.error(errorMessage(err)))
                      }
                    >
                      <Button type="link" danger size="small">
                        删除
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
