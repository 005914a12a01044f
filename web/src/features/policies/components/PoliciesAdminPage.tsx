import { App, Button, Card, Input, Select, Space, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { DataTable } from '../../../components/DataTable';
import { FormModal } from '../../../components/FormModal';
import { StatusTag } from '../../../components/StatusTag';
import { PageTitle } from '../../../components/PageTitle';
import { errorMessage } from '../../../lib/form-errors';
import { hasAnyRole, useSession } from '../../../lib/session';
import { useCreatePolicy, usePolicies, useSetPolicyStatus, useUploadPolicyFile, type PolicyInput, type PolicyItem } from '../api/policies';
import { CitationsModal, EditPolicyModal, policyStatusOptions, PolicyFields } from './PolicyEditors';

import { policiesMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';

type FormValues = Omit<PolicyInput, 'issuedOn' | 'effectiveOn' | 'expiresOn'> & { issuedOn?: Dayjs; effectiveOn?: Dayjs; expiresOn?: Dayjs };
const day = (d?: Dayjs) => (d ? d.format('YYYY-MM-DD') : null);

/** 政策库管理 (city officer): add documents with their full text, edit them, upload originals, link citations, mark repealed or amended. */
export default function PoliciesAdminPage() {
  const t = useMessages(policiesMessages);
  const me = useSession();
  const canEdit = hasAnyRole(me, ['city_officer']);
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const list = usePolicies({ q: q || undefined, limit: 100, offset: 0 });
  const create = useCreatePolicy();
  const setStatus = useSetPolicyStatus();
  const upload = useUploadPolicyFile();
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<{ id: number; what: 'edit' | 'cite' } | null>(null);
  const submit = async (v: FormValues) => {
    await create.mutateAsync({ ...v, docNo: v.docNo || null, issuedOn: day(v.issuedOn), effectiveOn: day(v.effectiveOn), expiresOn: day(v.expiresOn) });
    void message.success(t('policies.added'));
  };
  return (
    <>
      <PageTitle title={t('policies.admin.title')} extra={canEdit ? <Button type="primary" onClick={() => setOpen(true)}>{t('policies.admin.add')}</Button> : null} />
      <Card>
        <DataTable<PolicyItem>
          tableId="policies.admin"
          rowKey="id"
          query={list}
          rows={list.data?.items}
          filters={<Input.Search placeholder={t('policies.admin.searchPlaceholder')} aria-label={t('policies.admin.searchPlaceholder')} allowClear style={{ width: 360 }} onSearch={(v) => setQ(v.trim())} />}
          pagination={{ pageSize: 20 }}
          columns={[
            { key: 'title', title: t('policies.title'), dataIndex: 'title', render: (v: string, p) => <Link to={`/public/policies/${p.id}`}>《{v}》</Link> },
            { key: 'docNo', title: t('policies.number'), dataIndex: 'docNo', width: 190, render: (v: string | null) => v ?? '—' },
            { key: 'issuer', title: t('policies.issuer'), dataIndex: 'issuer', width: 160 },
            { key: 'statusName', title: t('policies.status'), dataIndex: 'statusName', width: 90, render: (v: string, p) => <StatusTag status={p.status} name={v} /> },
            { key: 'hasFile', title: t('policies.original'), dataIndex: 'hasFile', width: 70, render: (v: boolean) => (v ? t('policies.uploaded') : '—') },
            {
              key: 'ops',
              title: t('common.actions'),
              width: 330,
              render: (_, p) =>
                canEdit ? (
                  <Space wrap>
                    <Button size="small" onClick={() => setEditing({ id: p.id, what: 'edit' })}>
                      {t('policies.admin.editFullText')}
                    </Button>
                    <Button size="small" onClick={() => setEditing({ id: p.id, what: 'cite' })}>
                      {t('policies.admin.citations')}
                    </Button>
                    <Upload
                      showUploadList={false}
                      accept=".pdf,.docx,.doc"
                      beforeUpload={(file) => {
                        upload.mutate({ id: p.id, file }, { onSuccess: () => message.success(t('policies.admin.originalUploaded')), onError: (e) => message.error(errorMessage(e)) });
                        return false;
                      }}
                    >
                      <Button size="small">{t('policies.admin.uploadOriginal')}</Button>
                    </Upload>
                    <Select
                      size="small"
                      style={{ width: 110 }}
                      value={p.status}
                      options={policyStatusOptions(t)}
                      onChange={async (status) => {
                        const res = await fetch(`/api/policies/${p.id}`).then((r) => r.json() as Promise<{ version: number }>);
                        setStatus.mutate({ id: p.id, version: res.version, status }, { onError: (e) => message.error(errorMessage(e)) });
                      }}
                    />
                  </Space>
                ) : null,
            },
          ]}
        />
      </Card>
      {editing?.what === 'edit' ? <EditPolicyModal id={editing.id} onClose={() => setEditing(null)} /> : null}
      {editing?.what === 'cite' ? <CitationsModal id={editing.id} onClose={() => setEditing(null)} /> : null}
      <FormModal<FormValues> title={t('policies.admin.add')} open={open} onClose={() => setOpen(false)} onSubmit={submit} width={720} initialValues={{ status: 'in_force' }}>
        <PolicyFields withStatus bodyRows={8} />
      </FormModal>
    </>
  );
}
