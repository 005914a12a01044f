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

/** 我的认定: the enterprise's own recognitions, their status and validity, and the Word certificates. */
export default function MyRecognitionsPage() {
  const { message } = App.useApp();
  const pager = useCursorPager('mine');
  const list = useRecognitions({ limit: 50, cursor: pager.cursor ?? undefined });
  const download = useDownloadCertificate();
  const [open, setOpen] = useState<number | null>(null);

  return (
    <>
      <PageTitle title="我的认定">
        <Typography.Text type="secondary">本企业获得的各类认定、证书有效期和当前状态；证书可下载为 Word 文件。</Typography.Text>
      </PageTitle>
      <Card>
        {list.isError ? <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 16 }} /> : null}
        <Table<RegisterItem>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: '本企业暂无认定记录' }}
          data-testid="my-recognitions"
          columns={[
            { title: '认定类型', dataIndex: 'typeName', render: (v: string, r) => <a onClick={() => setOpen(r.id)}>{v}</a> },
            { title: '证书编号', dataIndex: 'certificateNo', width: 170 },
            { title: '发证日期', dataIndex: 'issuedOn', width: 110 },
            { title: '有效期至', dataIndex: 'validUntil', width: 150, render: validityLabel },
            { title: '状态', dataIndex: 'status', width: 90, render: (s: string, r) => <Tag color={STATUS_COLOR[s]}>{r.statusName}</Tag> },
            {
              title: '证书',
              width: 120,
              render: (_, r) => (
                <Button
                  size="small"
                  icon={<DownloadOutlined />}
                  onClick={() => download.mutate({ id: r.id, certificateNo: r.certificateNo }, { onError: (e) => void message.error(errorMessage(e)) })}
                >
                  下载
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
