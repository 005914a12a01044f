import { Button, Flex, Form, Input, Timeline, Typography, message } from 'antd';
import { FormModal } from '../../../components/FormModal';
import { useState } from 'react';
import { errorMessage } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { carriersMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';

interface Action {
  action: string;
  name: string;
  needsComment: boolean;
}

/** The steps the signed-in user may take now; a return or refusal asks for the reason first. */
export function CaseActions({ actions, onAct, pending }: { actions: Action[]; onAct: (a: { action: string; comment?: string }) => Promise<unknown>; pending: boolean }) {
  const t = useMessages(carriersMessages);
  const [asking, setAsking] = useState<Action | null>(null);
  const run = async (action: string) => {
    try {
      await onAct({ action });
      message.success(t('carriers.case.done'));
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  const runWithComment = async (v: { comment: string }) => {
    await onAct({ action: asking!.action, comment: v.comment.trim() });
    message.success(t('carriers.case.done'));
  };
  if (!actions.length) {
    return null;
  }
  return (
    <>
      <Flex gap={8} wrap>
        {actions.map((a) => (
          <Button key={a.action} type={a.needsComment ? 'default' : 'primary'} danger={a.needsComment} loading={pending} onClick={() => (a.needsComment ? setAsking(a) : void run(a.action))}>
            {a.name}
          </Button>
        ))}
      </Flex>
      <FormModal<{ comment: string }> open={!!asking} title={asking?.name} okText={t('carriers.case.confirm')} cancelText={t('common.cancel')} onClose={() => setAsking(null)} onSubmit={runWithComment}>
        <Typography.Paragraph type="secondary">{t('carriers.case.commentHint')}</Typography.Paragraph>
        <Form.Item name="comment" rules={[{ required: true, whitespace: true, message: t('carriers.case.commentRequired') }]}>
          <Input.TextArea aria-label={t('carriers.case.comment')} rows={4} maxLength={1000} />
        </Form.Item>
      </FormModal>
    </>
  );
}

export function CaseEvents({ events }: { events: { action: string; actorLabel: string; comment: string | null; at: string; toStatusName: string | null }[] }) {
  const t = useMessages(carriersMessages);
  return (
    <Timeline
      items={events.map((e) => ({
        children: (
          <div>
            <Typography.Text strong>{e.action}</Typography.Text> <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>
            <div>
              {e.actorLabel}
              {e.toStatusName ? ` → ${e.toStatusName}` : ''}
            </div>
            {e.comment ? <Typography.Text type="warning">{t('carriers.case.commentPrefix')}{e.comment}</Typography.Text> : null}
          </div>
        ),
      }))}
    />
  );
}
