import { Alert, App, Badge, Button, Drawer, Input, Modal, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/form-errors';
import { useApproveAll } from '../api/approve-all';
import { useDecideApplication } from '../api/decide-application';
import { useNoticeItems, type NoticeItem } from '../api/get-notice-items';
import type { NoticeSummary } from '../api/list-notices';
import { APPLICATION_STATUS_COLOR, NOTICE_STATE } from '../constants';

function ObjectionBadges({ c }: { c: NoticeItem['objections'] }) {
  if (c.open + c.upheld + c.dismissed === 0) {
    return <Typography.Text type="secondary">无</Typography.Text>;
  }
  return (
    <Space size={4} wrap>
      {c.open ? <Tag color="red">待处理 {c.open}</Tag> : null}
      {c.upheld ? <Tag color="orange">成立 {c.upheld}</Tag> : null}
      {c.dismissed ? <Tag>不成立 {c.dismissed}</Tag> : null}
    </Space>
  );
}

/** One notice's items: status, objections, and the decision on each (approve / decline with a reason), or all at once. */
export function NoticeItemsDrawer({ notice, canAct, onClose }: { notice: NoticeSummary | null; canAct: boolean; onClose: () => void }) {
  const { message, modal } = App.useApp();
  const items = useNoticeItems(notice?.id ?? null);
  const decide = useDecideApplication();
  const approveAll = useApproveAll();
  const [declining, setDeclining] = useState<NoticeItem | null>(null);
  const [comment, setComment] = useState('');
  const fail = (e: unknown) => void message.error(errorMessage(e));
  const closed = items.data?.state === 'closed';

  const approve = (item: NoticeItem) =>
    modal.confirm({
      title: `认定“${item.name}”`,
      content: '认定后即颁发证书（证书编号自动生成），并记入企业档案；由上级认定的类别（国家高新技术企业等）为推荐上报，证书待登记上级认定结果后颁发。',
      okText: '认定',
      onOk: () =>
        decide
          .mutateAsync({ id: item.applicationId, body: { approve: true } })
          .then((r) => void message.success(r.status === 'recommended' ? '已推荐上报，待上级认定后登记结果' : `已认定，证书编号 ${r.recognition?.certificateNo ?? ''}`), fail),
    });

  const bulk = () =>
    modal.confirm({
      title: '批量认定',
      content: '对公示期满、无未处理异议且异议未成立的全部公示对象作出认定决定，颁发证书。其余的将列出原因。',
      okText: '批量认定',
      onOk: () =>
        approveAll.mutateAsync(notice!.id).then(
          (r) => {
            modal.info({
              title: `已认定 ${r.approved.length} 家`,
              width: 560,
              content: r.skipped.length ? (
                <>
                  <Typography.Paragraph>以下 {r.skipped.length} 家未处理：</Typography.Paragraph>
                  <ul>
                    {r.skipped.map((s) => (
                      <li key={s.applicationId}>
                        申报 #{s.applicationId}：{s.reason}
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                '全部公示对象已作出决定。'
              ),
            });
          },
          fail,
        ),
    });

  return (
    <Drawer
      title={notice ? notice.title : ''}
      open={notice !== null}
      onClose={onClose}
      width={960}
      extra={
        canAct ? (
          <Button type="primary" disabled={!closed} loading={approveAll.isPending} onClick={bulk}>
            批量认定
          </Button>
        ) : null
      }
    >
      {notice ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>
            公示期 {notice.publishedOn} 至 {notice.endsOn} 24:00（{notice.workingDays} 个工作日） <Tag color={NOTICE_STATE[notice.state]?.color}>{NOTICE_STATE[notice.state]?.label}</Tag>
          </Typography.Text>
          {!closed && items.data ? <Alert type="info" showIcon message={`公示期满（${notice.endsOn} 24:00）后方可作出认定决定。`} /> : null}
          {items.error ? <Alert type="error" showIcon message={errorMessage(items.error)} /> : null}
          <Table
            rowKey="itemId"
            size="small"
            loading={items.isLoading}
            dataSource={items.data?.items ?? []}
            pagination={false}
            columns={[
              { title: '申报号', dataIndex: 'applicationId', width: 80 },
              { title: '企业', dataIndex: 'name' },
              { title: '区县', dataIndex: 'districtName', width: 90 },
              { title: '状态', dataIndex: 'statusName', width: 150, render: (v: string, r) => <Tag color={APPLICATION_STATUS_COLOR[r.status]}>{closed && r.status === 'in_notice' ? '公示期满，待决定' : v}</Tag> },
              { title: '异议', width: 150, render: (_, r) => <ObjectionBadges c={r.objections} /> },
              {
                title: '决定',
                width: 190,
                render: (_, r) =>
                  !canAct || r.status !== 'in_notice' ? null : r.blockedReason ? (
                    <Tooltip title={r.blockedReason}>
                      <Badge status="warning" text="暂不能决定" />
                    </Tooltip>
                  ) : (
                    <Space>
                      <Tooltip title={r.declineOnly ? '异议经核查成立，只能不予认定' : undefined}>
                        <Button size="small" type="primary" disabled={r.declineOnly} onClick={() => approve(r)}>
                          认定
                        </Button>
                      </Tooltip>
                      <Button size="small" danger onClick={() => setDeclining(r)}>
                        不予认定
                      </Button>
                    </Space>
                  ),
              },
            ]}
          />
        </Space>
      ) : null}
      <Modal
        title={declining ? `不予认定“${declining.name}”` : ''}
        open={declining !== null}
        onCancel={() => setDeclining(null)}
        okText="不予认定"
        okButtonProps={{ danger: true, disabled: comment.trim().length < 2, loading: decide.isPending }}
        onOk={() =>
          decide.mutateAsync({ id: declining!.applicationId, body: { approve: false, comment } }).then(() => {
            setDeclining(null);
            setComment('');
            void message.success('已作出不予认定决定');
          }, fail)
        }
      >
        <Input.TextArea aria-label="不予认定理由" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} placeholder="请说明理由（申请企业可见）" />
      </Modal>
    </Drawer>
  );
}
