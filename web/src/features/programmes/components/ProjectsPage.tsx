import { Button, Card, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { DataTable, type DataColumn } from '../../../components/DataTable';
import { FormModal } from '../../../components/FormModal';
import { renderWan } from '../../../components/Money';
import { StatusTag } from '../../../components/StatusTag';
import { PageTitle } from '../../../components/PageTitle';
import { hasAnyRole, useSession } from '../../../lib/session';
import { useApplications, useCreateApplication, type ApplicationItem } from '../api/applications';
import { useCalls } from '../api/calls';
import { useMessages } from '../../../lib/i18n';
import { programmesMessages } from '../messages';

const STATUS_FILTER = ['submitted', 'pending_check', 'checked', 'expert_review', 'scored', 'ranked', 'in_notice', 'approved', 'in_progress', 'draft', 'returned', 'not_selected', 'rejected'] as const;

function ApplyModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useMessages(programmesMessages);
  const calls = useCalls({});
  const create = useCreateApplication();
  const navigate = useNavigate();
  // a designed (主动设计) call takes only the enterprises the bureau invited
  const openCalls = (calls.data?.items ?? []).filter((c) => c.state === 'open' && (!c.invitedOnly || c.invitedYou));
  const submit = async (v: { callId: number; title: string }) => {
    const created = await create.mutateAsync(v);
    void navigate(`/programmes/projects/${created.id}`);
  };
  return (
    <FormModal<{ callId: number; title: string }> title={t('programmes.apply.title')} open={open} onClose={onClose} onSubmit={submit} okText={t('programmes.apply.ok')}>
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
    </FormModal>
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
  const columns: DataColumn<ApplicationItem>[] = [
    { key: 'title', title: t('programmes.form.projectTitle'), dataIndex: 'title', render: (v: string, r) => <Link to={`/programmes/projects/${r.id}`}>{v}</Link> },
    { key: 'programme', title: t('programmes.col.programme'), width: 170, render: (_: unknown, r) => t('programmes.projects.programmeYear', { name: r.programme.name, year: r.year }) },
    ...(enterprise
      ? []
      : [{ key: 'undertaker', title: t('programmes.col.undertaker'), width: 220, render: (_: unknown, r: ApplicationItem) => t('programmes.nameWithParen', { name: r.enterprise?.name ?? '', detail: r.districtName ?? '' }) }]),
    { key: 'requested', title: t('programmes.col.requested'), width: 130, align: 'right', dataIndex: 'requested', render: renderWan },
    { key: 'score', title: t('programmes.col.score'), width: 90, render: (_: unknown, r) => r.panelScore ?? '—' },
    { key: 'approved', title: t('programmes.projects.approvedAmount'), width: 130, align: 'right', dataIndex: 'approved', render: renderWan },
    { key: 'status', title: t('programmes.col.status'), width: 150, dataIndex: 'statusName', render: (v: string, r) => <StatusTag status={r.status} name={v} /> },
    { key: 'dueOn', title: t('programmes.col.dueOn'), width: 110, dataIndex: 'dueOn', render: (v: string | null) => v ?? '—' },
  ];
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
        <DataTable<ApplicationItem>
          tableId="programmes.projects"
          rowKey="id"
          size="middle"
          columns={columns}
          query={list}
          rows={list.data?.items}
          pagination={{ pageSize: 20 }}
          emptyText={enterprise ? t('programmes.projects.emptyMine') : t('programmes.projects.empty')}
          filters={
            <>
              <Select
                allowClear
                placeholder={t('programmes.projects.statusFilter')}
                aria-label={t('programmes.projects.statusFilter')}
                style={{ width: 200 }}
                value={status}
                onChange={(v?: string) => set('status', v)}
                options={STATUS_FILTER.map((value) => ({ value, label: t(`programmes.status.${value}`) }))}
              />
              {callId ? <Button onClick={() => set('callId', undefined)}>{t('programmes.projects.callFilter', { id: callId })} ✕</Button> : null}
            </>
          }
        />
      </Card>
      <ApplyModal open={open} onClose={() => setOpen(false)} />
    </>
  );
}
