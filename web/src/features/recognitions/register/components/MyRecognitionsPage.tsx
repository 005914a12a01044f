import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { CursorPager } from '../../../../components/CursorPager';
import { PageTitle } from '../../../../components/PageTitle';
import { errorMessage } from '../../../../lib/form-errors';
import { useCursorPager } from '../../../../lib/use-cursor-pager';
import { useDownloadCertificate } from '../api/download-certificate';
import { useRecognitions, type RegisterItem } from '../api/list-recognitions';
import { STATUS_COLOR, validityLabel } from './constants';
import { RecognitionDrawer } from './RecognitionDrawer';
import { useMessages } from '../../../../lib/i18n';
import { recognitionsMessages } from '../../messages';

/** 我的认定: the enterprise's own recognitions, their status and validity, and the Word certificates. */
export default function MyRecognitionsPage() {
  const t = useMessages(recognitionsMessages);
  const { message } = App.useApp();
  const pager = useCursorPager('mine');
  const list = useRecognitions({ limit: 50, cursor: pager.cursor ?? undefined });
  const download = useDownloadCertificate();
  const [open, setOpen] = useState<number | null>(null);

  return (
    <>
      <PageTitle title={t('recognitions.mine.title')}>
        <Typography.Text type="secondary">{t('recognitions.mine.intro')}</Typography.Text>
      </PageTitle>
      <Card>
        {list.isError ? <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 16 }} /> : null}
        <Table<RegisterItem>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('recognitions.mine.empty') }}
          data-testid="my-recognitions"
          columns={[
            { title: t('recognitions.col.type'), dataIndex: 'typeName', render: (v: string, r) => <a onClick={() => setOpen(r.id)}>{v}</a> },
            { title: t('recognitions.col.certificateNo'), dataIndex: 'certificateNo', width: 170 },
            { title: t('recognitions.col.issuedOn'), dataIndex: 'issuedOn', width: 110 },
            { title: t('recognitions.col.validUntil'), dataIndex: 'validUntil', width: 150, render: (v: string | null) => validityLabel(v, t) },
            { title: t('recognitions.col.status'), dataIndex: 'status', width: 90, render: (s: string, r) => <Tag color={STATUS_COLOR[s]}>{r.statusName}</Tag> },
            {
              title: t('recognitions.mine.certificate'),
              width: 120,
              render: (_, r) => (
                <Button
                  size="small"
                  icon={<DownloadOutlined />}
                  onClick={() => download.mutate({ id: r.id, certificateNo: r.certificateNo }, { onError: (e) => void message.error(errorMessage(e)) })}
                >
                  {t('recognitions.mine.download')}
                </Button>
              ),
            },
          ]}
        />
        <CursorPager pager={pager} nextCursor={list.data?.nextCursor} loading={list.isFetching} pageSize={50} rowsOnPage={list.data?.items.length ?? 0} />
      </Card>
      <RecognitionDrawer id={open} onClose={() => setOpen(null)} canRevoke={false} linkEnterprise={false} />
    </>
  );
}
