import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Table, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { StatusTag } from '../../../components/StatusTag';
import { PageTitle } from '../../../components/PageTitle';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import { hasAnyRole, useSession } from '../../../lib/session';
import { useCreatePolicy, usePolicies, useSetPolicyStatus, useUploadPolicyFile, type PolicyInput } from '../api/policies';
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
  const [form] = Form.useForm<FormValues>();
  const [editing, setEditing] = useState<{ id: number; what: 'edit' | 'cite' } | null>(null);
  const submit = async (v: FormValues) => {
    try {
      await create.mutateAsync({ ...v, docNo: v.docNo || null, issuedOn: day(v.issuedOn), effectiveOn: day(v.effectiveOn), expiresOn: day(v.expiresOn) });
      message.success(t('policies.added'));
      setOpen(false);
      form.resetFields();
    } catch (err) {
      applyFieldErrors(form, err, ['title', 'docNo', 'issuer', 'issuedOn', 'effectiveOn', 'expiresOn', 'status', 'summary', 'body']);
    }
  };
  return (
    <>
      <PageTitle title={t('policies.admin.title')} extra={canEdit ? <Button type="primary" onClick={() => setOpen(true)}>{t('policies.admin.add')}</Button> : null} />
      <Card>
        <Input.Search placeholder={t('policies.admin.searchPlaceholder')} allowClear style={{ width: 360, marginBottom: 12 }} onSearch={(v) => setQ(v.trim())} />
        {list.error ? <Alert type="error" showIcon message={errorMessage(list.error)} /> : null}
        <Table
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: t('policies.title'), dataIndex: 'title', render: (v: string, p) => <Link to={`/public/policies/${p.id}`}>《{v}》</Link> },
            { title: t('policies.number'), dataIndex: 'docNo', width: 190, render: (v: string | null) => v ?? '—' },
            { title: t('policies.issuer'), dataIndex: 'issuer', width: 160 },
            { title: t('policies.status'), dataIndex: 'statusName', width: 90, render: (v: string, p) => <StatusTag status={p.status} name={v} /> },
            { title: t('policies.original'), dataIndex: 'hasFile', width: 70, render: (v: boolean) => (v ? t('policies.uploaded') : '—') },
            {
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
      <Modal title={t('policies.admin.add')} open={open} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={create.isPending} width={720} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ status: 'in_force' }}>
          <PolicyFields withStatus bodyRows={8} />
        </Form>
      </Modal>
    </>
  );
}
