import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import { hasAnyRole, useSession } from '../../../lib/session';
import { useApplications, useCreateApplication } from '../api/applications';
import { useCalls } from '../api/calls';
import { STATUS_COLORS, wan } from './labels';

const STATUS_FILTER = [
  ['submitted', '待区县推荐'],
  ['pending_check', '待形式审查'],
  ['checked', '待专家评审'],
  ['expert_review', '专家评审中'],
  ['scored', '待排序审定'],
  ['ranked', '拟立项'],
  ['in_notice', '公示中'],
  ['approved', '已立项，待签任务书'],
  ['in_progress', '执行中'],
  ['draft', '草稿'],
  ['returned', '退回修改'],
  ['not_selected', '未获立项'],
  ['rejected', '未通过'],
];

function ApplyModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const calls = useCalls({});
  const create = useCreateApplication();
  const [form] = Form.useForm<{ callId: number; title: string }>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  // a designed (主动设计) call takes only the enterprises the bureau invited
  const openCalls = (calls.data?.items ?? []).filter((c) => c.state === 'open' && (!c.invitedOnly || c.invitedYou));
  return (
    <Modal title="申报科技计划项目" open={open} onCancel={onClose} onOk={() => form.submit()} okText="创建申报书" confirmLoading={create.isPending}>
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          try {
            const created = await create.mutateAsync(v);
            onClose();
            void navigate(`/programmes/projects/${created.id}`);
          } catch (err) {
            const rest = applyFieldErrors(form, err, ['callId', 'title']);
            if (rest.length) {
              message.error(rest.map((r) => r.message).join('；'));
            }
          }
        }}
      >
        <Form.Item name="callId" label="申报指南" rules={[{ required: true, message: '请选择申报指南' }]}>
          <Select
            placeholder="正在受理的指南"
            options={openCalls.map((c) => ({
              value: c.id,
              label: `${c.invitedOnly ? '【主动设计·已受邀】' : ''}${c.title}（截止 ${c.closesOn}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="title" label="项目名称" rules={[{ required: true, min: 4, message: '请填写项目名称（至少4个字）' }]}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Projects of the programmes: the bureau sees all, a district its own, an enterprise its own (and applies here). */
export default function ProjectsPage() {
  const me = useSession();
  const enterprise = hasAnyRole(me, ['enterprise_user']);
  const [params, setParams] = useSearchParams();
  const callId = params.get('callId') ? Number(params.get('callId')) : undefined;
  const status = params.get('status') ?? undefined;
  const list = useApplications({ callId, status, limit: 500 });
  const [open, setOpen] = useState(false);
  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) {
      next.set(k, v);
    } else {
      next.delete(k);
    }
    setParams(next);
  };
  return (
    <>
      <PageTitle
        title={enterprise ? '我的科技计划项目' : '科技计划项目'}
        extra={
          enterprise ? (
            <Button type="primary" onClick={() => setOpen(true)}>
              申报项目
            </Button>
          ) : null
        }
      />
      <Card>
        <Space style={{ marginBottom: 12 }} wrap>
          <Select
            allowClear
            placeholder="按状态筛选"
            style={{ width: 200 }}
            value={status}
            onChange={(v?: string) => set('status', v)}
            options={STATUS_FILTER.map(([value, label]) => ({ value, label }))}
          />
          {callId ? <Button onClick={() => set('callId', undefined)}>{`指南 #${callId}`} ✕</Button> : null}
        </Space>
        {list.error ? <Alert type="error" showIcon message={errorMessage(list.error)} /> : null}
        <Table
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={{ pageSize: 20 }}
          locale={{
            emptyText: enterprise ? '尚无申报，点击“申报项目”选择正在受理的指南' : '暂无项目',
          }}
          columns={[
            {
              title: '项目名称',
              dataIndex: 'title',
              render: (v: string, r) => <Link to={`/programmes/projects/${r.id}`}>{v}</Link>,
            },
            {
              title: '计划类别',
              width: 170,
              render: (_, r) => `${r.programme.name}（${r.year}）`,
            },
            ...(enterprise
              ? []
              : [
                  {
                    title: '承担单位',
                    width: 220,
                    render: (
                      _: unknown,
                      r: {
                        enterprise: { name: string } | null;
                        districtName: string | null;
                      },
                    ) => `${r.enterprise?.name ?? ''}（${r.districtName ?? ''}）`,
                  },
                ]),
            {
              title: '申请资助',
              width: 110,
              render: (_, r) => wan(r.requested),
            },
            {
              title: '评审得分',
              width: 90,
              render: (_, r) => r.panelScore ?? '—',
            },
            {
              title: '立项金额',
              width: 110,
              render: (_, r) => wan(r.approved),
            },
            {
              title: '状态',
              width: 150,
              render: (_, r) => <Tag color={STATUS_COLORS[r.status]}>{r.statusName}</Tag>,
            },
            {
              title: '办理期限',
              width: 110,
              dataIndex: 'dueOn',
              render: (v: string | null) => v ?? '—',
            },
          ]}
        />
      </Card>
      <ApplyModal open={open} onClose={() => setOpen(false)} />
    </>
  );
}
