import { LogoutOutlined } from '@ant-design/icons';
import { App, Button, Flex, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useT } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { useLogout } from '../../features/auth/api/logout';

export function AppHeader() {
  const t = useT();
  const me = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  const { message } = App.useApp();

  const onLogout = () =>
    logout.mutate(undefined, {
      onSettled: () => {
        void message.success(t('header.loggedOut'));
        void navigate('/login', { replace: true });
      },
    });

  return (
    <Flex align="center" justify="space-between" style={{ height: '100%' }} gap={16}>
      <Link to="/" style={{ color: '#fff' }} title={t('nav.home')}>
        <Flex align="center" gap={10}>
          <span className="brand-mark" aria-hidden>
            {t('app.mark')}
          </span>
          <Typography.Text strong style={{ color: '#fff', fontSize: 17, whiteSpace: 'nowrap' }}>
            {t('app.name')}
          </Typography.Text>
        </Flex>
      </Link>
      <Flex align="center" gap={16}>
        <span style={{ color: 'rgba(255,255,255,0.92)', whiteSpace: 'nowrap' }} data-testid="header-user">
          <strong>{me.user.displayName}</strong>
          <span style={{ opacity: 0.8 }}> · {me.organization.name}</span>
        </span>
        <LanguageSwitch />
        <Button icon={<LogoutOutlined />} onClick={onLogout} loading={logout.isPending} data-testid="logout">
          {t('header.logout')}
        </Button>
      </Flex>
    </Flex>
  );
}
