import { App, Button } from 'antd';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../../lib/form-errors';
import type { Application } from '../api/applications';
import { useWithdrawApplication } from '../api/drafts';

/** 撤回申报: the enterprise deletes its never-submitted draft after confirming. */
export function WithdrawButton({ app }: { app: Application }) {
  const withdraw = useWithdrawApplication();
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const confirm = () =>
    modal.confirm({
      title: '撤回并删除这份申报草稿？',
      content: `《${app.title}》的申报书和已上传的附件将被删除，不能恢复；指南仍在受理期内可重新申报。`,
      okText: '撤回删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await withdraw.mutateAsync(app.id);
          message.success('申报草稿已撤回');
          void navigate('/programmes/projects');
        } catch (err) {
          message.error(errorMessage(err));
        }
      },
    });
  return (
    <Button danger onClick={confirm}>
      撤回申报
    </Button>
  );
}
