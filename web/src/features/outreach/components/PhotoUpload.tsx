import { App, Button, Upload } from 'antd';
import { errorMessage } from '../../../lib/form-errors';
import { useUploadEventPhoto, type OutreachEvent } from '../api/outreach';
import { outreachMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';

const MAX_BYTES = 5 * 1024 * 1024;

/** 上传照片 for an event: JPG or PNG up to 5 MB (checked here for a quick answer; the server checks the file header). */
export function PhotoUpload({ event }: { event: OutreachEvent }) {
  const t = useMessages(outreachMessages);
  const { message } = App.useApp();
  const upload = useUploadEventPhoto();
  return (
    <Upload
      accept=".jpg,.jpeg,.png,image/jpeg,image/png"
      showUploadList={false}
      beforeUpload={(file) => {
        if (!['image/jpeg', 'image/png'].includes(file.type)) {
          message.error(t('outreach.photo.type'));
          return Upload.LIST_IGNORE;
        }
        if (file.size > MAX_BYTES) {
          message.error(t('outreach.photo.size'));
          return Upload.LIST_IGNORE;
        }
        return true;
      }}
      customRequest={({ file }) => {
        upload.mutate(
          { id: event.id, file: file as File },
          { onSuccess: () => message.success(t('outreach.photo.uploaded')), onError: (err) => message.error(errorMessage(err)) },
        );
      }}
    >
      <Button size="small" loading={upload.isPending} aria-label={t('outreach.photo.uploadFor', { title: event.title })}>
        {t('outreach.photo.upload')}
      </Button>
    </Upload>
  );
}
