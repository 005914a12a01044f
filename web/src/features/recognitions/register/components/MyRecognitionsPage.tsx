import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Typography } from 'antd';
import { useState } from 'react';
import { DataTable, type DataColumn } from '../../../../components/DataTable';
import { PageTitle } from '../../../../components/PageTitle';
import { StatusTag } from '../../../../components/StatusTag';
import { errorMessage } from '../../../../lib/form-errors';
import { useCursorPager } from '../../../../lib/use-cursor-pager';
import { useDownloadCertificate } from '../api/download-certificate';
import { useRecognitions, type RegisterItem } from '../api/list-recognitions';
import { validityLabel } from './constants';
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
  const columns: DataColumn<RegisterItem>[] = [
    { key: 'type', title: t('recognitions.col.type'), dataIndex: 'typeName', render: (v: string, r) => <a onClick={() => setOpen(r.id)}>{v}</a> },
    { key: 'certificateNo', title: t('recognitions.col.certificateNo'), dataIndex: 'certificateNo', width: 170 },
    { key: 'issuedOn', title: t('recognitions.col.issuedOn'), dataIndex: 'issuedOn', width: 110 },
    { key: 'validUntil', title: t('recognitions.col.validUntil'), dataIndex: 'validUntil', width: 150, render: (v: string | null) => validityLabel(v, t) },
    { key: 'status', title: t('recognitions.col.status'), dataIndex: 'statusName', width: 90, render: (v: string, r) => <StatusTag status={r.status} name={v} /> },
    {
      key: 'actions',
      title: t('recognitions.mine.certificate'),
      width: 120,
      render: (_: unknown, r) => (
        <Button
          size="small"
          icon={<DownloadOutlined />}
          onClick={() => download.mutate({ id: r.id, certificateNo: r.certificateNo }, { onError: (e) => void message.error(errorMessage(e)) })}
        >
          {t('recognitions.mine.download')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageTitle title={t('recognitions.mine.title')}>
        <Typography.Text type="secondary">{t('recognitions.mine.intro')}</Typography.Text>
      </PageTitle>
      <Card>
        <DataTable<RegisterItem>
          tableId="recognitions.mine"
          rowKey="id"
          size="middle"
          columns={columns}
          query={list}
          rows={list.data?.items}
          emptyText={t('recognitions.mine.empty')}
          keyset={{ pager, nextCursor: list.data?.nextCursor, pageSize: 50 }}
          data-testid="my-recognitions"
        />
      </Card>
      <RecognitionDrawer id={open} onClose={() => setOpen(null)} canRevoke={false} linkEnterprise={false} />
    </>
  );
}
