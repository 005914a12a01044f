import { App, Button, DatePicker, Form, Input, List, Modal, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import { useCalls as useProgrammeCalls } from '../../programmes/api/calls';
import { useProgrammes } from '../../programmes/api/programmes';
import { useCalls as useRecognitionCalls } from '../../recognitions/applications/api/list-calls';
import { RECOGNITION_TYPE_NAMES } from '../../recognitions/labels';
import { useAddCitation, usePolicy, useRemoveCitation, useUpdatePolicy, type CitationInput, type PolicyPatch } from '../api/policies';

type EditValues = Omit<PolicyPatch, 'version' | 'issuedOn' | 'effectiveOn' | 'expiresOn'> & { issuedOn?: Dayjs | null; effectiveOn?: Dayjs | null; expiresOn?: Dayjs | null };
const day = (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null);
const parse = (d: string | null) => (d ? dayjs(d) : null);

export const POLICY_STATUS_OPTIONS = [
  { value: 'in_force', label: '现行有效' },
  { value: 'amended', label: '已修订' },
  { value: 'repealed', label: '已废止' },
];

/** A policy document's fields, for the new-document and the edit forms (status only when creating: an edit keeps it). */
export function PolicyFields({ withStatus = false, bodyRows }: { withStatus?: boolean; bodyRows: number }) {
  return (
    <>
      <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="docNo" label="文号（原文未载明的留空）">
          <Input style={{ width: 240 }} maxLength={60} placeholder="如 浙委发〔2015〕27号" />
        </Form.Item>
        <Form.Item name="issuer" label="发文机关" rules={[{ required: true, message: '请填写发文机关' }]}>
          <Input style={{ width: 260 }} maxLength={100} />
        </Form.Item>
      </Space>
      <Space wrap>
        <Form.Item name="issuedOn" label="发布日期">
          <DatePicker />
        </Form.Item>
        <Form.Item name="effectiveOn" label="施行日期">
          <DatePicker />
        </Form.Item>
        <Form.Item name="expiresOn" label="失效日期">
          <DatePicker />
        </Form.Item>
        {withStatus ? (
          <Form.Item name="status" label="状态">
            <Select style={{ width: 120 }} options={POLICY_STATUS_OPTIONS} />
          </Form.Item>
        ) : null}
      </Space>
      <Form.Item name="summary" label="摘要">
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Form.Item name="body" label="全文">
        <Input.TextArea rows={bodyRows} aria-label="全文" />
      </Form.Item>
    </>
  );
}

/** 编辑 a document: number, issuer, dates, summary and the full text, saved with the version it was read at. */
export function EditPolicyModal({ id, onClose }: { id: number; onClose: () => void }) {
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
    try {
      await update.mutateAsync({ id, version: p.version, title: v.title, docNo: v.docNo || null, issuer: v.issuer, summary: v.summary || null, body: v.body || null, issuedOn: day(v.issuedOn), effectiveOn: day(v.effectiveOn), expiresOn: day(v.expiresOn) });
      message.success('已保存');
      onClose();
    } catch (err) {
      applyFieldErrors(form, err, ['title', 'docNo', 'issuer', 'issuedOn', 'effectiveOn', 'expiresOn', 'summary', 'body']);
      message.error(errorMessage(err));
    }
  };
  return (
    <Modal title={p ? `编辑《${p.title}》` : '编辑政策文件'} open onCancel={onClose} onOk={() => form.submit()} confirmLoading={update.isPending} okText="保存" width={820} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} disabled={!p}>
        <PolicyFields bodyRows={14} />
      </Form>
    </Modal>
  );
}

const TYPE_OPTIONS = [
  { value: 'call', label: '申报通知（指南）' },
  { value: 'programme', label: '科技计划' },
  { value: 'recognition_type', label: '认定类别' },
];

/** 引用: which calls, programmes and recognition types cite the document; add or remove a link. */
export function CitationsModal({ id, onClose }: { id: number; onClose: () => void }) {
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
        : Object.entries(RECOGNITION_TYPE_NAMES).map(([value, label]) => ({ value, label }));
  const link = async () => {
    if (!objectId) {
      return;
    }
    try {
      await add.mutateAsync({ id, objectType, objectId });
      message.success('已关联');
      setObjectId(undefined);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  return (
    <Modal title={q.data ? `《${q.data.title}》的引用` : '引用关系'} open onCancel={onClose} footer={null} width={720} destroyOnHidden>
      <Typography.Paragraph type="secondary">关联后，政策在申报指南、科技计划和认定类别的页面上作为“政策依据”列出。</Typography.Paragraph>
      <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
        <Select
          aria-label="引用对象类别"
          style={{ width: 170 }}
          value={objectType}
          options={TYPE_OPTIONS}
          onChange={(v) => {
            setObjectType(v);
            setObjectId(undefined);
          }}
        />
        <Select aria-label="引用对象" showSearch={{ optionFilterProp: 'label' }} style={{ flex: 1 }} placeholder="选择对象" value={objectId} options={options} onChange={setObjectId} />
        <Button type="primary" onClick={() => void link()} loading={add.isPending} disabled={!objectId}>
          关联
        </Button>
      </Space.Compact>
      <List
        size="small"
        loading={q.isLoading}
        dataSource={q.data?.citations ?? []}
        locale={{ emptyText: '尚无引用' }}
        renderItem={(c) => (
          <List.Item
            actions={[
              <Button key="rm" size="small" danger onClick={() => remove.mutate({ id, objectType: c.objectType, objectId: c.objectId }, { onError: (e) => message.error(errorMessage(e)) })}>
                取消关联
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
