import { Button, Typography } from 'antd';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { ApiError } from '../lib/api';
import { useT } from '../lib/i18n';
import { LazyStatusPage as StatusPage } from './LazyStatusPage';

/** Shown when a page throws while rendering or a lazy chunk fails to load. */
export function RouteErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return <StatusPage kind="notFound" />;
  }
  if (error instanceof ApiError && error.status === 403) {
    return <StatusPage kind="forbidden" detail={error.message} />;
  }
  if (error instanceof ApiError && error.status === 404) {
    return <StatusPage kind="notFound" detail={error.message} />;
  }
  const chunkFailed = error instanceof Error && /dynamically imported module|Importing a module script/i.test(error.message);
  return (
    <StatusPage
      kind="error"
      detail={
        chunkFailed ? (
          t('status.chunkFailed')
        ) : (
          <Typography.Text type="secondary">{error instanceof Error ? error.message : t('status.errorHint')}</Typography.Text>
        )
      }
      extra={<Button onClick={() => window.location.reload()}>{t('status.reload')}</Button>}
    />
  );
}
