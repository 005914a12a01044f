import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { StatusTag } from '../../../components/StatusTag';
import { PageTitle } from '../../../components/PageTitle';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import { hasAnyRole, useSession } from '../../../lib/session';
import { useApplications, useCreateApplication } from '../api/applications';
import { useCalls } from '../api/calls';
import { wan } from './labels';
import { useMessages } from '../../../lib/i18n';
import { programmesMessages } from '../messages';

const STATUS_FILTER = ['submitted', 'pending_check', 'checked', 'expert_review', 'scored', 'ranked', 'in_notice', 'approved', 'in_progress', 'draft', 'returned', 'not_selected', 'rejected'] as const;

function ApplyModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useMessages(programmesMessages);
  const calls = useCalls({});
  const create = useCreateApplication();
  const [form] = Form.useForm<{ callId: number; title: string }>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  // a designed (主动设计) call takes only the enterprises the bureau invited
  const openCalls = (calls.data?.items ?? []).filter((c) => c.state === 'open' && (!c.invitedOnly || c.invitedYou));
  return (
    <Modal title={t('programmes.apply.title')} open={open} onCancel={onClose} onOk={() => form.submit()} okText={t('programmes.apply.ok')} confirmLoading={create.isPending}>
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
              message.error(rest.map((r) => r.message).join(t('programmes.partSeparator')));
            }
          }
        }}
      >
        <Form.Item name="callId" label={t('programmes.apply.call')} rules={[{ required: true, message: t('programmes.apply.callRequired') }]}>
          <Select
            placeholder={t('programmes.apply.callPlaceholder')}
            options={openCalls.map((c) => ({
              value: c.id,
              label: `${c.invitedOnly ? t('programmes.apply.invitedTag') : ''}${t('programmes.apply.callOption', { title: c.title, date: c.closesOn })}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="title" label={t('programmes.form.projectTitle')} rules={[{ required: true, min: 4, message: t('programmes.apply.titleRule') }]}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Projects of the programmes: the bureau sees all, a district its own, an enterprise its own (and applies here). */
export default function ProjectsPage() {
  const t = useMessages(programmesMessages);
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
        title={enterprise ? t('programmes.projects.mine') : t('programmes.projects.all')}
        extra={
          enterprise ? (
            <Button type="primary" onClick={() => setOpen(true)}>
              {t('programmes.projects.apply')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Space style={{ marginBottom: 12 }} wrap>
          <Select
            allowClear
            placeholder={t('programmes.projects.statusFilter')}
            style={{ width: 200 }}
            value={status}
            onChange={(v?: string) => set('status', v)}
            options={STATUS_FILTER.map((value) => ({ value, label: t(`programmes.status.${value}`) }))}
          />
          {callId ? <Button onClick={() => set('callId', undefined)}>{t('programmes.projects.callFilter', { id: callId })} ✕</Button> : null}
        </Space>
        {list.error ? <Alert type="error" showIcon message={errorMessage(list.error)} /> : null}
        <Table
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={{ pageSize: 20 }}
          locale={{
            emptyText: enterprise ? t('programmes.projects.emptyMine') : t('programmes.projects.empty'),
          }}
          columns={[
            {
              title: t('programmes.form.projectTitle'),
              dataIndex: 'title',
              render: (v: string, r) => <Link to={`/programmes/projects/${r.id}`}>{v}</Link>,
            },
            {
              title: t('programmes.col.programme'),
              width: 170,
              render: (_, r) => t('programmes.projects.programmeYear', { name: r.programme.name, year: r.year }),
            },
            ...(enterprise
              ? []
              : [
                  {
                    title: t('programmes.col.undertaker'),
                    width: 220,
                    render: (
                      _: unknown,
                      r: {
                        enterprise: { name: string } | null;
                        districtName: string | null;
                      },
                    ) => t('programmes.nameWithParen', { name: r.enterprise?.name ?? '', detail: r.districtName ?? '' }),
                  },
                ]),
            {
              title: t('programmes.col.requested'),
              width: 110,
              render: (_, r) => wan(r.requested),
            },
            {
              title: t('programmes.col.score'),
              width: 90,
              render: (_, r) => r.panelScore ?? '—',
            },
            {
              title: t('programmes.projects.approvedAmount'),
              width: 110,
              render: (_, r) => wan(r.approved),
            },
            {
              title: t('programmes.col.status'),
              width: 150,
              render: (_, r) => <StatusTag status={r.status} name={r.statusName} />,
            },
            {
              title: t('programmes.col.dueOn'),
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
