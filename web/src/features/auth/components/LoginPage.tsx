import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { ApiError } from '../../../lib/api';
import { useT, type MessageKey } from '../../../lib/i18n';
import { safeRedirect } from '../../../lib/safe-redirect';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useMe } from '../api/get-me';
import { useLogin, type LoginInput } from '../api/login';

const ERROR_TITLES: Record<string, MessageKey> = {
  invalid_credentials: 'login.invalidCredentials',
  account_locked: 'login.locked',
  account_disabled: 'login.disabled',
  rate_limited: 'login.rateLimited',
};

export default function LoginPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const target = safeRedirect(params.get('redirect'));
  const me = useMe();
  const login = useLogin();
  const [form] = Form.useForm<LoginInput>();
  useDocumentTitle(t('login.submit'));

  if (me.data) {
    return <Navigate to={target} replace />;
  }

  const onFinish = (values: LoginInput) => {
    login.mutate(values, {
      onSuccess: () => navigate(target, { replace: true }),
      onError: () => form.setFieldValue('password', ''),
    });
  };

  const err = login.error;
  const titleKey = err instanceof ApiError ? ERROR_TITLES[err.code] : undefined;

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', background: '#f0f4fa', padding: 16 }}>
      <div style={{ position: 'absolute', top: 16, right: 24 }}>
        <LanguageSwitch />
      </div>
      <Card style={{ width: 400, maxWidth: '100%' }}>
        <Typography.Title level={1} style={{ fontSize: 24, textAlign: 'center', marginBottom: 4 }}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('login.subtitle')}
        </Typography.Paragraph>
        {err ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            data-testid="login-error"
            style={{ marginBottom: 16 }}
            title={titleKey ? t(titleKey) : t('login.failed')}
            description={err.message}
          />
        ) : null}
        <Form<LoginInput> form={form} layout="vertical" onFinish={onFinish} requiredMark={false} data-testid="login-form">
          <Form.Item label={t('login.username')} name="username" rules={[{ required: true, message: t('login.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        <Link to="/public" data-testid="login-public-portal">
          {t('login.publicPortal')}
        </Link>
        {' · '}
        <Link to="/public/self-assessment" data-testid="login-public-self-assessment">
          {t('login.publicSelfAssessment')}
        </Link>
        {' · '}
        <Link to="/public/market" data-testid="login-public-market">
          {t('login.publicMarket')}
        </Link>
        {' · '}
        <Link to="/public/notices" data-testid="login-public-notices">
          {t('login.publicNotices')}
        </Link>
        {' · '}
        <Link to="/public/calendar">{t('login.publicCalendar')}</Link>
        {t('login.noLoginNeeded')}
      </Typography.Paragraph>
      <Typography.Text type="secondary" style={{ marginTop: 24, fontSize: 12 }}>
        {t('login.footer')}
      </Typography.Text>
    </Flex>
  );
}
