import { App, Alert, Button, Divider, Form, Input, Modal, Radio, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { ApiError } from '../../../lib/api';
import { errorMessage } from '../../../lib/form-errors';
import { useDeclare } from '../api/declare';
import { useDeclareMyLink } from '../api/declare-my-link';
import { useAssignments, type Assignment } from '../api/list-assignments';
import { useMyLinks } from '../api/my-links';
import { MEMBER_STATUS_COLORS } from '../constants';
import { CaseDrawer } from './CaseDrawer';
import { LinksTable } from './ExpertLinksDrawer';
import { LinkForm } from './LinkForm';

/** Before anything else: does the expert have a conflict of interest with the applicant? */
function DeclarationModal({ item, onClose, onAccepted }: { item: Assignment | null; onClose: () => void; onAccepted: (memberId: number) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ noConflict: boolean; note?: string }>();
  const declare = useDeclare();
  const noConflict = Form.useWatch('noConflict', form);
  const submit = async (v: { noConflict: boolean; note?: string }) => {
    if (!item) {
      return;
    }
    try {
      await declare.mutateAsync({ memberId: item.memberId, body: { noConflict: v.noConflict, ...(v.note?.trim() ? { note: v.note.trim() } : {}) } });
      void message.success(v.noConflict ? '已声明无利益冲突，可以查看申报材料并评分' : '已申报利益冲突，市科委将另行抽取专家');
      onClose();
      if (v.noConflict) {
        onAccepted(item.memberId);
      }
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };
  return (
    <Modal title="利益冲突声明" open={item !== null} onCancel={onClose} onOk={() => form.submit()} confirmLoading={declare.isPending} okText="提交声明" destroyOnHidden>
      {item ? (
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ noConflict: true }}>
          <Typography.Paragraph>
            申报企业：<strong>{item.enterpriseName}</strong>（{item.enterpriseUscc}），{item.typeName}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">
            本人或近亲属在该企业任职、持股，或本人离开该企业未满3年的，应当申报利益冲突并回避。声明后方可查看申报材料。
          </Typography.Paragraph>
          <Form.Item name="noConflict" rules={[{ required: true }]}>
            <Radio.Group
              options={[
                { value: true, label: '本人与该企业不存在利益冲突' },
                { value: false, label: '存在利益冲突，申请回避' },
              ]}
            />
          </Form.Item>
          {noConflict === false ? (
            <Form.Item name="note" label="与该企业的关系" rules={[{ required: true, message: '请说明与申报企业的关系' }]}>
              <Input.TextArea rows={3} maxLength={500} />
            </Form.Item>
          ) : null}
        </Form>
      ) : null}
    </Modal>
  );
}

function MyLinksSection() {
  const links = useMyLinks();
  const add = useDeclareMyLink();
  if (links.isError) {
    const notLinked = links.error instanceof ApiError && links.error.status === 404;
    return <Alert type={notLinked ? 'info' : 'error'} showIcon title={notLinked ? '您的账号尚未关联专家库档案，请联系市科委。' : errorMessage(links.error)} />;
  }
  return (
    <>
      <LinksTable links={links.data?.items ?? []} />
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        申报新的关联企业
      </Typography.Title>
      <LinkForm pending={add.isPending} onSubmit={(body) => add.mutateAsync(body)} />
    </>
  );
}

/** 我的评审任务: the expert's own assignments, the conflict declaration, the case and the scoring form. */
export default function MyAssignmentsPage() {
  const list = useAssignments();
  const [declaring, setDeclaring] = useState<Assignment | null>(null);
  const [viewing, setViewing] = useState<number | null>(null);
  // ?application=ID opens that case once the assignments are in (the inbox's one click):
  // the declaration first when it is still due, else the case and its score sheet.
  const [params, setParams] = useSearchParams();
  const linked = Number(params.get('application')) || null;
  useEffect(() => {
    const a = linked === null ? undefined : list.data?.items.find((x) => x.applicationId === linked);
    if (!a) {
      return;
    }
    if (a.status === 'assigned' && a.live) {
      setDeclaring(a);
    } else if (a.status === 'accepted' || a.status === 'scored') {
      setViewing(a.memberId);
    }
    setParams({}, { replace: true });
  }, [linked, list.data, setParams]);
  return (
    <>
      <PageTitle title="我的评审任务" />
      <Table
        rowKey="memberId"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: '暂无评审任务' }}
        columns={[
          { title: '申报企业', dataIndex: 'enterpriseName' },
          { title: '认定类型', dataIndex: 'typeName', width: 170 },
          { title: '年度', dataIndex: 'year', width: 70 },
          { title: '评审截止', dataIndex: 'dueOn', width: 110, render: (v: string | null) => v ?? '—' },
          { title: '我的状态', width: 150, render: (_, a) => <Tag color={MEMBER_STATUS_COLORS[a.status]}>{a.statusName}</Tag> },
          { title: '我的总分', dataIndex: 'total', width: 90, render: (v: number | null) => (v === null ? '—' : v) },
          {
            title: '操作',
            width: 130,
            render: (_, a) =>
              a.status === 'assigned' && a.live ? (
                <Button type="primary" size="small" onClick={() => setDeclaring(a)}>
                  利益冲突声明
                </Button>
              ) : a.status === 'accepted' || a.status === 'scored' ? (
                <Button size="small" onClick={() => setViewing(a.memberId)}>
                  {a.status === 'accepted' && a.live ? '查看并评分' : '查看'}
                </Button>
              ) : null,
          },
        ]}
      />
      <Divider titlePlacement="start">我的关联企业（抽取时据此回避）</Divider>
      <MyLinksSection />
      <DeclarationModal item={declaring} onClose={() => setDeclaring(null)} onAccepted={(id) => setViewing(id)} />
      <CaseDrawer memberId={viewing} onClose={() => setViewing(null)} />
    </>
  );
}
