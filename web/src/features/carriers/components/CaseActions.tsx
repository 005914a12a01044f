import { Button, Flex, Input, Modal, Timeline, Typography, message } from 'antd';
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
  const [comment, setComment] = useState('');
  const run = async (action: string, text?: string) => {
    try {
      await onAct({ action, ...(text ? { comment: text } : {}) });
      message.success(t('carriers.case.done'));
      setAsking(null);
      setComment('');
    } catch (err) {
      message.error(errorMessage(err));
    }
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
      <Modal open={!!asking} title={asking?.name} okText={t('carriers.case.confirm')} cancelText={t('common.cancel')} onCancel={() => setAsking(null)} okButtonProps={{ disabled: !comment.trim(), loading: pending }} onOk={() => void run(asking!.action, comment.trim())}>
        <Typography.Paragraph type="secondary">{t('carriers.case.commentHint')}</Typography.Paragraph>
        <Input.TextArea aria-label={t('carriers.case.comment')} rows={4} value={comment} maxLength={1000} onChange={(e) => setComment(e.target.value)} />
      </Modal>
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
