import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Modal, Skeleton, Space, Tag, Timeline } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import { useCase, useCaseAction, type CaseAction } from '../api/supervision';

/** One supervision case: the finding, the requirement, the enterprise's report, the steps so far and the next ones. */
export default function CasePage() {
  const id = Number(useParams().id);
  const c = useCase(id);
  const act = useCaseAction();
  const { message } = App.useApp();
  const [action, setAction] = useState<{ action: CaseAction['action']; name: string; needsComment: boolean } | null>(null);
  const [form] = Form.useForm<{ comment?: string; report?: string; effectiveOn?: Dayjs }>();
  if (c.error) {
    return <Alert type="error" showIcon message={errorMessage(c.error)} />;
  }
  if (!c.data) {
    return <Skeleton active />;
  }
  const d = c.data;
  const submit = async (v: { comment?: string; report?: string; effectiveOn?: Dayjs }) => {
    try {
      await act.mutateAsync({ id, body: { action: action!.action, comment: v.comment || undefined, report: v.report || undefined, effectiveOn: v.effectiveOn?.format('YYYY-MM-DD') } });
      message.success(`已${action!.name}`);
      setAction(null);
      form.resetFields();
    } catch (err) {
      applyFieldErrors(form, err, ['comment', 'report', 'effectiveOn']);
    }
  };
  return (
    <>
      <PageTitle title={`${d.typeName}：${d.enterpriseName}`} extra={<Tag color="blue">{d.statusName}</Tag>} />
      <Card>
        <Descriptions column={2} size="small" bordered>
          <Descriptions.Item label="认定">{`${d.recognitionTypeName}（${d.certificateNo}）`}</Descriptions.Item>
          <Descriptions.Item label="区县">{d.districtName}</Descriptions.Item>
          <Descriptions.Item label="检查发现" span={2}>
            {d.finding}
          </Descriptions.Item>
          {d.requirement ? (
            <Descriptions.Item label="整改要求" span={2}>
              {`${d.requirement}${d.rectifyBy ? `（期限 ${d.rectifyBy}）` : ''}`}
            </Descriptions.Item>
          ) : null}
          {d.report ? (
            <Descriptions.Item label="整改报告" span={2}>
              {d.report}
            </Descriptions.Item>
          ) : null}
          {d.revokedOn ? <Descriptions.Item label="撤销生效">{d.revokedOn}</Descriptions.Item> : null}
          <Descriptions.Item label="下一步">{d.nextStep ?? '已办结'}</Descriptions.Item>
          <Descriptions.Item label="期限">{d.dueOn ?? '—'}</Descriptions.Item>
        </Descriptions>
        {d.actions.length ? (
          <Space style={{ marginTop: 16 }}>
            {d.actions.map((a) => (
              <Button key={a.action} type={a.action === 'revoke' ? 'primary' : 'default'} danger={a.action === 'revoke'} onClick={() => setAction({ ...a, action: a.action as CaseAction['action'] })}>
                {a.name}
              </Button>
            ))}
          </Space>
        ) : null}
      </Card>
      <Card title="办理经过" style={{ marginTop: 16 }}>
        <Timeline items={d.events.map((e) => ({ children: `${e.at.slice(0, 10)} ${e.actionName} → ${e.toStatusName}（${e.actorLabel}）${e.comment ? `：${e.comment}` : ''}` }))} />
      </Card>
      <Modal title={action?.name} open={!!action} onCancel={() => setAction(null)} onOk={() => form.submit()} confirmLoading={act.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={submit}>
          {action?.action === 'submit_report' ? (
            <Form.Item name="report" label="整改报告" rules={[{ required: true, message: '请填写整改报告' }]}>
              <Input.TextArea rows={5} />
            </Form.Item>
          ) : null}
          {action?.action === 'revoke' ? (
            <Form.Item name="effectiveOn" label="撤销生效日期（默认今天）">
              <DatePicker />
            </Form.Item>
          ) : null}
          <Form.Item name="comment" label="意见" rules={action?.needsComment ? [{ required: true, message: '请填写意见' }] : []}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
