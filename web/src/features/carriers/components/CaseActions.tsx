import { Button, Flex, Input, Modal, Timeline, Typography, message } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';

interface Action {
  action: string;
  name: string;
  needsComment: boolean;
}

/** The steps the signed-in user may take now; a return or refusal asks for the reason first. */
export function CaseActions({ actions, onAct, pending }: { actions: Action[]; onAct: (a: { action: string; comment?: string }) => Promise<unknown>; pending: boolean }) {
  const [asking, setAsking] = useState<Action | null>(null);
  const [comment, setComment] = useState('');
  const run = async (action: string, text?: string) => {
    try {
      await onAct({ action, ...(text ? { comment: text } : {}) });
      message.success('已办理');
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
      <Modal open={!!asking} title={asking?.name} okText="确定" cancelText="取消" onCancel={() => setAsking(null)} okButtonProps={{ disabled: !comment.trim(), loading: pending }} onOk={() => void run(asking!.action, comment.trim())}>
        <Typography.Paragraph type="secondary">请填写审核意见（退回或不通过须说明理由）。</Typography.Paragraph>
        <Input.TextArea aria-label="审核意见" rows={4} value={comment} maxLength={1000} onChange={(e) => setComment(e.target.value)} />
      </Modal>
    </>
  );
}

export function CaseEvents({ events }: { events: { action: string; actorLabel: string; comment: string | null; at: string; toStatusName: string | null }[] }) {
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
            {e.comment ? <Typography.Text type="warning">意见：{e.comment}</Typography.Text> : null}
          </div>
        ),
      }))}
    />
  );
}
