import { App, Button } from 'antd';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../../lib/form-errors';
import type { Application } from '../api/applications';
import { useWithdrawApplication } from '../api/drafts';
import { useMessages } from '../../../lib/i18n';
import { programmesMessages } from '../messages';

/** 撤回申报: the enterprise deletes its never-submitted draft after confirming. */
export function WithdrawButton({ app }: { app: Application }) {
  const t = useMessages(programmesMessages);
  const withdraw = useWithdrawApplication();
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const confirm = () =>
    modal.confirm({
      title: t('programmes.withdraw.title'),
      content: t('programmes.withdraw.content', { title: app.title }),
      okText: t('programmes.withdraw.ok'),
      okButtonProps: { danger: true },
      cancelText: t('programmes.cancel'),
      onOk: async () => {
        try {
          await withdraw.mutateAsync(app.id);
          message.success(t('programmes.withdraw.done'));
          void navigate('/programmes/projects');
        } catch (err) {
          message.error(errorMessage(err));
        }
      },
    });
  return (
    <Button danger onClick={confirm}>
      {t('programmes.withdraw.button')}
    </Button>
  );
}
