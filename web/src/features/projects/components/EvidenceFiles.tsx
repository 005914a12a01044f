import { App, Button, Popconfirm, Space, Upload } from 'antd';
import { downloadFile } from '../../../lib/download';
import { errorMessage } from '../../../lib/form-errors';
import type { FollowUp } from '../api/get-project';
import { useDeleteEvidence, useUploadEvidence } from '../api/evidence';
import { projectsMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';

const ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx';

/** The evidence files of one KPI of an acceptance: download for every reader; upload and delete while the enterprise prepares. */
export function EvidenceFiles({ acceptance, kpi, editable }: { acceptance: FollowUp; kpi: string; editable: boolean }) {
  const t = useMessages(projectsMessages);
  const upload = useUploadEvidence();
  const remove = useDeleteEvidence();
  const { message } = App.useApp();
  const files = acceptance.evidence.filter((e) => e.kpi === kpi);
  return (
    <Space wrap size={4}>
      {files.map((f) => (
        <Space key={f.id} size={0}>
          <Button type="link" size="small" onClick={() => void downloadFile(`/api/projects/acceptances/${acceptance.id}/evidence/${f.id}`, f.fileName)}>
            {f.fileName}
          </Button>
          {editable ? (
            <Popconfirm
              title={t('projects.evidence.deleteConfirm', { fileName: f.fileName })}
              okText={t('common.delete')}
              cancelText={t('common.cancel')}
              onConfirm={() => remove.mutateAsync({ id: acceptance.id, attachmentId: f.id }).catch((err: unknown) => message.error(errorMessage(err)))}
            >
              <Button type="text" size="small" danger aria-label={t('projects.evidence.deleteFile', { fileName: f.fileName })}>
                ✕
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      ))}
      {editable ? (
        <Upload
          accept={ACCEPT}
          showUploadList={false}
          customRequest={({ file }) => {
            upload
              .mutateAsync({ id: acceptance.id, kpi, file: file as File })
              .then((a) => message.success(t('projects.evidence.uploaded', { fileName: a.fileName })))
              .catch((err: unknown) => message.error(errorMessage(err)));
          }}
        >
          <Button size="small" loading={upload.isPending} data-testid={`evidence-upload-${kpi}`}>
            {t('projects.evidence.upload')}
          </Button>
        </Upload>
      ) : null}
      {!files.length && !editable ? '—' : null}
    </Space>
  );
}
