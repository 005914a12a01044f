import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../lib/i18n';
import { useDocumentTitle } from '../lib/use-document-title';

type Kind = 'notFound' | 'forbidden' | 'error';

const STATUS = { notFound: '404', forbidden: '403', error: '500' } as const;

/** 404, 403 and "something broke" pages, each with a way back home. */
export function StatusPage({ kind, detail, extra }: { kind: Kind; detail?: ReactNode; extra?: ReactNode }) {
  const t = useT();
  const title = kind === 'notFound' ? t('status.notFound') : kind === 'forbidden' ? t('status.forbidden') : t('status.error');
  useDocumentTitle(title);
  const sub =
    detail ??
    (kind === 'notFound' ? t('status.notFoundHint') : kind === 'forbidden' ? t('status.forbiddenHint') : t('status.errorHint'));
  return (
    <Result
      status={STATUS[kind]}
      title={<span role="heading" aria-level={1}>{title}</span>}
      subTitle={sub}
      extra={
        <>
          <Link to="/">
            <Button type="primary">{t('status.backHome')}</Button>
          </Link>
          {extra}
        </>
      }
    />
  );
}
