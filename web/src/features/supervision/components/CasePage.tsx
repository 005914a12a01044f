import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Skeleton, Space, Timeline } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router';
import { FormModal } from '../../../components/FormModal';
import { PageTitle } from '../../../components/PageTitle';
import { StatusTag } from '../../../components/StatusTag';
import { errorMessage } from '../../../lib/form-errors';
import { useCase, useCaseAction, type CaseAction } from '../api/supervision';
import { supervisionMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';

type ActionValues = { comment?: string; report?: string; effectiveOn?: Dayjs };

/** One supervision case: the finding, the requirement, the enterprise's report, the steps so far and the next ones. */
export default function CasePage() {
  const t = useMessages(supervisionMessages);
  const id = Number(useParams().id);
  const c = useCase(id);
  const act = useCaseAction();
  const { message } = App.useApp();
  const [action, setAction] = useState<{ action: CaseAction['action']; name: string; needsComment: boolean } | null>(null);
  if (c.error) {
    return <Alert type="error" showIcon title={errorMessage(c.error)} />;
  }
  if (!c.data) {
    return <Skeleton active />;
  }
  const d = c.data;
  const submit = async (v: ActionValues) => {
    await act.mutateAsync({ id, body: { action: action!.action, comment: v.comment || undefined, report: v.report || undefined, effectiveOn: v.effectiveOn?.format('YYYY-MM-DD') } });
    void message.success(t('supervision.case.done', { name: action!.name }));
  };
  return (
    <>
      <PageTitle title={`${d.typeName}：${d.enterpriseName}`} extra={<StatusTag status={d.status} name={d.statusName} />} />
      <Card>
        <Descriptions column={2} size="small" bordered>
          <Descriptions.Item label={t('supervision.recognition')}>{`${d.recognitionTypeName}（${d.certificateNo}）`}</Descriptions.Item>
          <Descriptions.Item label={t('supervision.district')}>{d.districtName}</Descriptions.Item>
          <Descriptions.Item label={t('supervision.case.findings')} span={2}>
            {d.finding}
          </Descriptions.Item>
          {d.requirement ? (
            <Descriptions.Item label={t('supervision.case.requirements')} span={2}>
              {`${d.requirement}${d.rectifyBy ? t('supervision.case.dueBy', { rectifyBy: d.rectifyBy }) : ''}`}
            </Descriptions.Item>
          ) : null}
          {d.report ? (
            <Descriptions.Item label={t('supervision.case.rectificationReport')} span={2}>
              {d.report}
            </Descriptions.Item>
          ) : null}
          {d.revokedOn ? <Descriptions.Item label={t('supervision.case.revokedFrom')}>{d.revokedOn}</Descriptions.Item> : null}
          <Descriptions.Item label={t('supervision.case.next')}>{d.nextStep ?? t('supervision.case.closed')}</Descriptions.Item>
          <Descriptions.Item label={t('supervision.deadline')}>{d.dueOn ?? '—'}</Descriptions.Item>
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
      <Card title={t('supervision.case.history')} style={{ marginTop: 16 }}>
        <Timeline items={d.events.map((e) => ({ children: `${e.at.slice(0, 10)} ${e.actionName} → ${e.toStatusName}（${e.actorLabel}）${e.comment ? `：${e.comment}` : ''}` }))} />
      </Card>
      <FormModal<ActionValues> title={action?.name} open={!!action} onClose={() => setAction(null)} onSubmit={submit}>
        {action?.action === 'submit_report' ? (
          <Form.Item name="report" label={t('supervision.case.rectificationReport')} rules={[{ required: true, message: t('supervision.case.reportRequired') }]}>
            <Input.TextArea rows={5} />
          </Form.Item>
        ) : null}
        {action?.action === 'revoke' ? (
          <Form.Item name="effectiveOn" label={t('supervision.case.revokeOn')}>
            <DatePicker />
          </Form.Item>
        ) : null}
        <Form.Item name="comment" label={t('supervision.case.comment')} rules={action?.needsComment ? [{ required: true, message: t('supervision.case.commentRequired') }] : []}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </FormModal>
    </>
  );
}
