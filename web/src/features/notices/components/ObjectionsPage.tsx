import { Alert, App, Button, Descriptions, Form, Input, Modal, Radio, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { PageTitle } from '../../../components/PageTitle';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import { hasAnyRole, useSession } from '../../../lib/session';
import { evidenceUrl, useObjection } from '../api/get-objection';
import { useObjections, type ObjectionQuery } from '../api/list-objections';
import { useResolveObjection, type ResolveObjectionInput } from '../api/resolve-objection';
import { OBJECTION_STATUS } from '../constants';

function ObjectionModal({ id, canAct, onClose }: { id: number | null; canAct: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const detail = useObjection(id);
  const resolve = useResolveObjection();
  const [form] = Form.useForm<ResolveObjectionInput>();
  const d = detail.data;
  const editable = canAct && d?.status === 'open';
  const submit = async () => {
    const body = await form.validateFields();
    try {
      await resolve.mutateAsync({ id: id!, body });
      void message.success('异议已处理，结论已记入申报进度');
      form.resetFields();
      onClose();
    } catch (e) {
      if (applyFieldErrors(form, e, ['outcome', 'resolution']).length || !(form.getFieldsError().some((f) => f.errors.length))) {
        void message.error(errorMessage(e));
      }
    }
  };
  return (
    <Modal
      title={d ? `异议 ${d.receiptNo}` : '异议'}
      open={id !== null}
      onCancel={onClose}
      width={720}
      okText="提交处理结论"
      onOk={() => void submit()}
      okButtonProps={{ style: editable ? undefined : { display: 'none' }, loading: resolve.isPending }}
      cancelText="关闭"
    >
      {detail.error ? <Alert type="error" showIcon message={errorMessage(detail.error)} /> : null}
      {d ? (
        <>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label="公示" span={2}>
              {d.noticeTitle}（截止 {d.noticeEndsOn}）
            </Descriptions.Item>
            <Descriptions.Item label="异议对象" span={2}>
              {d.itemName}（{d.districtName}，申报 #{d.applicationId}）
            </Descriptions.Item>
            <Descriptions.Item label="异议人">{d.name}</Descriptions.Item>
            <Descriptions.Item label="联系电话">{d.phone}</Descriptions.Item>
            <Descriptions.Item label="身份证号">{d.idNumber ?? '未提供'}</Descriptions.Item>
            <Descriptions.Item label="提出时间">{new Date(d.filedAt).toLocaleString('zh-CN')}</Descriptions.Item>
            <Descriptions.Item label="异议理由" span={2}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{d.reason}</Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label="证据说明" span={2}>
              {d.evidence ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label="证据文件" span={2}>
              {d.evidenceFileName ? (
                <a href={evidenceUrl(d.id)} download={d.evidenceFileName}>
                  {d.evidenceFileName}
                </a>
              ) : (
                '—'
              )}
            </Descriptions.Item>
            <Descriptions.Item label="状态" span={2}>
              <Tag color={OBJECTION_STATUS[d.status]?.color}>{OBJECTION_STATUS[d.status]?.label}</Tag>
              {d.resolution ? `${d.resolution}（${d.resolvedBy ?? ''}，${d.resolvedAt ? new Date(d.resolvedAt).toLocaleString('zh-CN') : ''}）` : null}
            </Descriptions.Item>
          </Descriptions>
          {editable ? (
            <Form form={form} layout="vertical" style={{ marginTop: 16 }}>
              <Form.Item name="outcome" label="核查结论" rules={[{ required: true, message: '请选择核查结论' }]}>
                <Radio.Group>
                  <Radio value="dismissed">异议不成立（可作出认定）</Radio>
                  <Radio value="upheld">异议成立（只能不予认定）</Radio>
                </Radio.Group>
              </Form.Item>
              <Form.Item name="resolution" label="核查处理意见" rules={[{ required: true, min: 5, message: '请填写核查处理意见（至少5个字）' }]}>
                <Input.TextArea rows={4} maxLength={2000} />
              </Form.Item>
            </Form>
          ) : null}
        </>
      ) : null}
    </Modal>
  );
}

/** 异议处理: real-name objections to notices; the city officer checks and resolves them. */
export default function ObjectionsPage() {
  const me = useSession();
  const canAct = hasAnyRole(me, ['city_officer']);
  const [status, setStatus] = useState<ObjectionQuery['status']>('open');
  const list = useObjections(status ? { status } : {});
  const [openId, setOpenId] = useState<number | null>(null);
  return (
    <>
      <PageTitle title="异议处理" />
      <Radio.Group value={status ?? 'all'} onChange={(e) => setStatus(e.target.value === 'all' ? undefined : (e.target.value as ObjectionQuery['status']))} optionType="button" style={{ marginBottom: 12 }}>
        <Radio.Button value="open">待处理</Radio.Button>
        <Radio.Button value="upheld">异议成立</Radio.Button>
        <Radio.Button value="dismissed">异议不成立</Radio.Button>
        <Radio.Button value="all">全部</Radio.Button>
      </Radio.Group>
      {list.error ? <Alert type="error" showIcon message={errorMessage(list.error)} /> : null}
      <Table
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: '回执编号', dataIndex: 'receiptNo', width: 170 },
          { title: '公示', dataIndex: 'noticeTitle' },
          { title: '异议对象', dataIndex: 'itemName' },
          { title: '区县', dataIndex: 'districtName', width: 90 },
          { title: '异议人', dataIndex: 'name', width: 90 },
          { title: '电话', dataIndex: 'phone', width: 130 },
          { title: '提出时间', dataIndex: 'filedAt', width: 170, render: (v: string) => new Date(v).toLocaleString('zh-CN') },
          { title: '状态', dataIndex: 'status', width: 100, render: (s: string) => <Tag color={OBJECTION_STATUS[s]?.color}>{OBJECTION_STATUS[s]?.label}</Tag> },
          {
            title: '操作',
            width: 80,
            render: (_, o) => (
              <Button size="small" onClick={() => setOpenId(o.id)}>
                {canAct && o.status === 'open' ? '处理' : '查看'}
              </Button>
            ),
          },
        ]}
      />
      <ObjectionModal id={openId} canAct={canAct} onClose={() => setOpenId(null)} />
    </>
  );
}
