import { App, Alert, Button, Divider, Form, Input, Radio, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { DataTable, type DataColumn } from '../../../components/DataTable';
import { FormModal } from '../../../components/FormModal';
import { PageTitle } from '../../../components/PageTitle';
import { StatusTag } from '../../../components/StatusTag';
import { ApiError } from '../../../lib/api';
import { errorMessage } from '../../../lib/form-errors';
import { useDeclare } from '../api/declare';
import { useDeclareMyLink } from '../api/declare-my-link';
import { useAssignments, type Assignment } from '../api/list-assignments';
import { useMyLinks } from '../api/my-links';
import { CaseDrawer } from './CaseDrawer';
import { LinksTable } from './ExpertLinksDrawer';
import { LinkForm } from './LinkForm';
import { useMessages } from '../../../lib/i18n';
import { expertsMessages } from '../messages';

/** Before anything else: does the expert have a conflict of interest with the applicant? */
function DeclarationModal({ item, onClose, onAccepted }: { item: Assignment | null; onClose: () => void; onAccepted: (memberId: number) => void }) {
  const t = useMessages(expertsMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ noConflict: boolean; note?: string }>();
  const declare = useDeclare();
  const noConflict = Form.useWatch('noConflict', form);
  const submit = async (v: { noConflict: boolean; note?: string }) => {
    if (!item) {
      return;
    }
    await declare.mutateAsync({ memberId: item.memberId, body: { noConflict: v.noConflict, ...(v.note?.trim() ? { note: v.note.trim() } : {}) } });
    void message.success(v.noConflict ? t('experts.declare.accepted') : t('experts.declare.conflict'));
    if (v.noConflict) {
      onAccepted(item.memberId);
    }
  };
  return (
    <FormModal<{ noConflict: boolean; note?: string }> form={form} title={t('experts.declare.title')} open={item !== null} onClose={onClose} onSubmit={submit} okText={t('experts.declare.ok')} initialValues={{ noConflict: true }}>
      {item ? (
        <>
          <Typography.Paragraph>
            {t('experts.declare.applicant')}
            <strong>{item.enterpriseName}</strong>
            {t('experts.declare.applicantDetail', { uscc: item.enterpriseUscc, type: item.typeName })}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">
            {t('experts.declare.rule')}
          </Typography.Paragraph>
          <Form.Item name="noConflict" rules={[{ required: true }]}>
            <Radio.Group
              options={[
                { value: true, label: t('experts.declare.none') },
                { value: false, label: t('experts.declare.some') },
              ]}
            />
          </Form.Item>
          {noConflict === false ? (
            <Form.Item name="note" label={t('experts.declare.relation')} rules={[{ required: true, message: t('experts.declare.relationRequired') }]}>
              <Input.TextArea rows={3} maxLength={500} />
            </Form.Item>
          ) : null}
        </>
      ) : null}
    </FormModal>
  );
}

function MyLinksSection() {
  const t = useMessages(expertsMessages);
  const links = useMyLinks();
  const add = useDeclareMyLink();
  if (links.isError) {
    const notLinked = links.error instanceof ApiError && links.error.status === 404;
    return <Alert type={notLinked ? 'info' : 'error'} showIcon title={notLinked ? t('experts.mine.notLinked') : errorMessage(links.error)} />;
  }
  return (
    <>
      <LinksTable links={links.data?.items ?? []} />
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t('experts.mine.declareLink')}
      </Typography.Title>
      <LinkForm pending={add.isPending} onSubmit={(body) => add.mutateAsync(body)} />
    </>
  );
}

/** 我的评审任务: the expert's own assignments, the conflict declaration, the case and the scoring form. */
export default function MyAssignmentsPage() {
  const t = useMessages(expertsMessages);
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
  const columns: DataColumn<Assignment>[] = [
    { key: 'enterprise', title: t('experts.mine.enterprise'), dataIndex: 'enterpriseName' },
    { key: 'type', title: t('experts.mine.type'), dataIndex: 'typeName', width: 170 },
    { key: 'year', title: t('experts.mine.year'), dataIndex: 'year', width: 70 },
    { key: 'dueOn', title: t('experts.mine.dueOn'), dataIndex: 'dueOn', width: 110, render: (v: string | null) => v ?? '—' },
    { key: 'status', title: t('experts.mine.status'), dataIndex: 'statusName', width: 150, render: (v: string, a) => <StatusTag status={a.status} name={v} /> },
    { key: 'total', title: t('experts.mine.total'), dataIndex: 'total', width: 90, render: (v: number | null) => (v === null ? '—' : v) },
    {
      key: 'actions',
      title: t('experts.col.actions'),
      width: 130,
      render: (_: unknown, a) =>
        a.status === 'assigned' && a.live ? (
          <Button type="primary" size="small" onClick={() => setDeclaring(a)}>
            {t('experts.mine.declare')}
          </Button>
        ) : a.status === 'accepted' || a.status === 'scored' ? (
          <Button size="small" onClick={() => setViewing(a.memberId)}>
            {a.status === 'accepted' && a.live ? t('experts.mine.viewAndScore') : t('experts.mine.view')}
          </Button>
        ) : null,
    },
  ];
  return (
    <>
      <PageTitle title={t('experts.mine.title')} />
      <DataTable<Assignment>
        tableId="experts.assignments"
        rowKey="memberId"
        columns={columns}
        query={list}
        rows={list.data?.items}
        emptyText={t('experts.mine.empty')}
      />
      <Divider titlePlacement="start">{t('experts.mine.links')}</Divider>
      <MyLinksSection />
      <DeclarationModal item={declaring} onClose={() => setDeclaring(null)} onAccepted={(id) => setViewing(id)} />
      <CaseDrawer memberId={viewing} onClose={() => setViewing(null)} />
    </>
  );
}
