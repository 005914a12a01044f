import { App, Button, DatePicker, Form, Input, List, Modal, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { FormModal } from '../../../components/FormModal';
import { errorMessage } from '../../../lib/form-errors';
import { useCalls as useProgrammeCalls } from '../../programmes/api/calls';
import { useProgrammes } from '../../programmes/api/programmes';
import { useCalls as useRecognitionCalls } from '../../recognitions/applications/api/list-calls';
import { recognitionTypeMessages } from '../../recognitions/messages';
import { useAddCitation, usePolicy, useRemoveCitation, useUpdatePolicy, type CitationInput, type PolicyPatch } from '../api/policies';
import { policiesMessages, type PoliciesT } from '../messages';
import { useMessages } from '../../../lib/i18n';

type EditValues = Omit<PolicyPatch, 'version' | 'issuedOn' | 'effectiveOn' | 'expiresOn'> & { issuedOn?: Dayjs | null; effectiveOn?: Dayjs | null; expiresOn?: Dayjs | null };
const day = (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null);
const parse = (d: string | null) => (d ? dayjs(d) : null);

export const policyStatusOptions = (t: PoliciesT) => [
  { value: 'in_force', label: t('policies.status.inForce') },
  { value: 'amended', label: t('policies.status.amended') },
  { value: 'repealed', label: t('policies.status.repealed') },
];

/** A policy document's fields, for the new-document and the edit forms (status only when creating: an edit keeps it). */
export function PolicyFields({ withStatus = false, bodyRows }: { withStatus?: boolean; bodyRows: number }) {
  const t = useMessages(policiesMessages);
  return (
    <>
      <Form.Item name="title" label={t('policies.title')} rules={[{ required: true, message: t('policies.form.titleRequired') }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="docNo" label={t('policies.form.numberLabel')}>
          <Input style={{ width: 240 }} maxLength={60} placeholder={t('policies.form.numberPlaceholder')} />
        </Form.Item>
        <Form.Item name="issuer" label={t('policies.issuer')} rules={[{ required: true, message: t('policies.form.issuerRequired') }]}>
          <Input style={{ width: 260 }} maxLength={100} />
        </Form.Item>
      </Space>
      <Space wrap>
        <Form.Item name="issuedOn" label={t('policies.issuedOn')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="effectiveOn" label={t('policies.effectiveOn')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="expiresOn" label={t('policies.expiresOn')}>
          <DatePicker />
        </Form.Item>
        {withStatus ? (
          <Form.Item name="status" label={t('policies.status')}>
            <Select style={{ width: 120 }} options={policyStatusOptions(t)} />
          </Form.Item>
        ) : null}
      </Space>
      <Form.Item name="summary" label={t('policies.summary')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Form.Item name="body" label={t('policies.fullText')}>
        <Input.TextArea rows={bodyRows} aria-label={t('policies.fullText')} />
      </Form.Item>
    </>
  );
}

/** 编辑 a document: number, issuer, dates, summary and the full text, saved with the version it was read at. */
export function EditPolicyModal({ id, onClose }: { id: number; onClose: () => void }) {
  const t = useMessages(policiesMessages);
  const { message } = App.useApp();
  const q = usePolicy(id);
  const update = useUpdatePolicy();
  const [form] = Form.useForm<EditValues>();
  const p = q.data;
  useEffect(() => {
    if (p) {
      form.setFieldsValue({ title: p.title, docNo: p.docNo, issuer: p.issuer, summary: p.summary, body: p.body, issuedOn: parse(p.issuedOn), effectiveOn: parse(p.effectiveOn), expiresOn: parse(p.expiresOn) });
    }
  }, [p, form]);
  const submit = async (v: EditValues) => {
    if (!p) {
      return;
    }
    await update.mutateAsync({ id, version: p.version, title: v.title, docNo: v.docNo || null, issuer: v.issuer, summary: v.summary || null, body: v.body || null, issuedOn: day(v.issuedOn), effectiveOn: day(v.effectiveOn), expiresOn: day(v.expiresOn) });
    void message.success(t('common.saved'));
  };
  return (
    <FormModal<EditValues> title={p ? t('policies.form.editTitle', { title: p.title }) : t('policies.form.editDocument')} open form={form} onClose={onClose} onSubmit={submit} okText={t('common.save')} width={820} formProps={{ disabled: !p }}>
      <PolicyFields bodyRows={14} />
    </FormModal>
  );
}

const typeOptions = (t: PoliciesT) => [
  { value: 'call', label: t('policies.cite.call') },
  { value: 'programme', label: t('policies.cite.programme') },
  { value: 'recognition_type', label: t('policies.cite.recognitionType') },
];

/** 引用: which calls, programmes and recognition types cite the document; add or remove a link. */
export function CitationsModal({ id, onClose }: { id: number; onClose: () => void }) {
  const t = useMessages(policiesMessages);
  const typeName = useMessages(recognitionTypeMessages);
  const { message } = App.useApp();
  const q = usePolicy(id);
  const add = useAddCitation();
  const remove = useRemoveCitation();
  const [objectType, setObjectType] = useState<CitationInput['objectType']>('call');
  const [objectId, setObjectId] = useState<string | undefined>();
  const programmeCalls = useProgrammeCalls();
  const recognitionCalls = useRecognitionCalls();
  const programmes = useProgrammes();
  const options =
    objectType === 'call'
      ? [...(programmeCalls.data?.items ?? []).map((c) => ({ value: String(c.id), label: c.title })), ...(recognitionCalls.data?.items ?? []).map((c) => ({ value: String(c.id), label: c.title }))]
      : objectType === 'programme'
        ? (programmes.data?.items ?? []).map((p) => ({ value: String(p.id), label: p.name }))
        : (Object.keys(recognitionTypeMessages) as (keyof typeof recognitionTypeMessages)[]).map((value) => ({ value, label: typeName(value) }));
  const link = async () => {
    if (!objectId) {
      return;
    }
    try {
      await add.mutateAsync({ id, objectType, objectId });
      message.success(t('policies.cite.linked'));
      setObjectId(undefined);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  return (
    <Modal title={q.data ? t('policies.cite.titleOf', { title: q.data.title }) : t('policies.cite.title')} open onCancel={onClose} footer={null} width={720} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('policies.cite.intro')}</Typography.Paragraph>
      <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
        <Select
          aria-label={t('policies.cite.objectType')}
          style={{ width: 170 }}
          value={objectType}
          options={typeOptions(t)}
          onChange={(v) => {
            setObjectType(v);
            setObjectId(undefined);
          }}
        />
        <Select aria-label={t('policies.cite.object')} showSearch={{ optionFilterProp: 'label' }} style={{ flex: 1 }} placeholder={t('policies.cite.selectObject')} value={objectId} options={options} onChange={setObjectId} />
        <Button type="primary" onClick={() => void link()} loading={add.isPending} disabled={!objectId}>
          {t('policies.cite.link')}
        </Button>
      </Space.Compact>
      <List
        size="small"
        loading={q.isLoading}
        dataSource={q.data?.citations ?? []}
        locale={{ emptyText: t('policies.cite.none') }}
        renderItem={(c) => (
          <List.Item
            actions={[
              <Button key="rm" size="small" danger onClick={() => remove.mutate({ id, objectType: c.objectType, objectId: c.objectId }, { onError: (e) => message.error(errorMessage(e)) })}>
                {t('policies.cite.unlink')}
              </Button>,
            ]}
          >
            {`${c.objectTypeName}：${c.label}`}
          </List.Item>
        )}
      />
    </Modal>
  );
}
