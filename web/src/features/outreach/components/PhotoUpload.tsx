import { App, Button, Upload } from 'antd';
import { errorMessage } from '../../../lib/form-errors';
import { useUploadEventPhoto, type OutreachEvent } from '../api/outreach';

const MAX_BYTES = 5 * 1024 * 1024;

/** 上传照片 for an event: JPG or PNG up to 5 MB (checked here for a quick answer; the server checks the file header). */
export function PhotoUpload({ event }: { event: OutreachEvent }) {
  const { message } = App.useApp();
  const upload = useUploadEventPhoto();
  return (
    <Upload
      accept=".jpg,.jpeg,.png,image/jpeg,image/png"
      showUploadList={false}
      beforeUpload={(file) => {
        if (!['image/jpeg', 'image/png'].includes(file.type)) {
          message.error('照片须为 JPG 或 PNG 图片');
          return Upload.LIST_IGNORE;
        }
        if (file.size > MAX_BYTES) {
          message.error('照片不超过 5 MB');
          return Upload.LIST_IGNORE;
        }
        return true;
      }}
      customRequest={({ file }) => {
        upload.mutate(
          { id: event.id, file: file as File },
          { onSuccess: () => message.success('照片已上传'), onError: (err) => message.error(errorMessage(err)) },
        );
      }}
    >
      <Button size="small" loading={upload.isPending} aria-label={`为“${event.title}”上传照片`}>
        上传照片
      </Button>
    </Upload>
  );
}
