import { LockOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Empty } from 'antd';
import type { ReactNode } from 'react';
import { ApiError } from '../lib/api';
import { errorMessage } from '../lib/form-errors';
import { useT } from '../lib/i18n';

interface QueryLike {
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

const isForbidden = (err: unknown) => err instanceof ApiError && err.status === 403;

/** What a list shows when its query failed: a refusal says it is one (never "暂无数据"); other errors offer a retry. */
export function QueryFailure({ query }: { query: QueryLike }) {
  const t = useT();
  if (isForbidden(query.error)) {
    return (
      <Empty image={<LockOutlined style={{ fontSize: 40, color: '#bfbfbf' }} />} description={<span data-testid="forbidden-view">{t('common.forbiddenView', { reason: errorMessage(query.error) })}</span>} />
    );
  }
  return (
    <Empty image={<WarningOutlined style={{ fontSize: 40, color: '#faad14' }} />} description={<span role="alert">{t('common.loadFailed', { reason: errorMessage(query.error) })}</span>}>
      <Button onClick={() => void query.refetch()}>{t('common.retry')}</Button>
    </Empty>
  );
}

/** Table props for a query's failure: spread into <Table {...failedTable(q)} />; nothing when it worked. */
export function failedTable(query: QueryLike): { locale?: { emptyText: ReactNode } } {
  return query.isError ? { locale: { emptyText: <QueryFailure query={query} /> } } : {};
}
