import { App, Alert, Button, Form, Input, InputNumber, Table, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../lib/api';
import { errorMessage } from '../../../lib/form-errors';
import type { CaseView, ScoreItem } from '../api/get-assignment';
import { useSubmitScore } from '../api/submit-score';

type Values = Record<string, number | string | undefined>;

const rangeText = (i: ScoreItem) => `${i.band ? `${i.band}档 ` : ''}${i.min}–${i.max}分`;

/**
 * The expert's scoring form: each item shows the range the rules allow (hnte: the band the engine
 * computed on the application's data). Out-of-range input is sent as is and the server's refusal
 * is shown on the item, so the expert reads the rule's own message.
 */
export function ScoreForm({ view }: { view: CaseView }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const submit = useSubmitScore();
  const [problem, setProblem] = useState<string | null>(null);
  const items = view.scoring.items;
  const done = view.status === 'scored';
  const values = Form.useWatch([], form) ?? {};
  const running = items.reduce((s, i) => s + (typeof values[i.code] === 'number' ? Number(values[i.code]) : 0), 0);

  const onFinish = async (v: Values) => {
    setProblem(null);
    const comment = typeof v.comment === 'string' && v.comment.trim() ? v.comment.trim() : undefined;
    const body =
      view.scoring.mode === 'hnte'
        ? { scores: Object.fromEntries(items.map((i) => [i.code, Number(v[i.code])])) as Record<string, number>, ...(comment ? { comment } : {}) }
        : { total: Number(v.total), ...(comment ? { comment } : {}) };
    try {
      await submit.mutateAsync({ memberId: view.memberId, body: body as never });
      void message.success('评分已提交');
    } catch (err) {
      if (err instanceof ApiError && err.fields.length) {
        form.setFields(err.fields.map((f) => ({ name: f.field.replace(/^(body\.)?(scores\.)?/, ''), errors: [f.message] })));
      }
      setProblem(errorMessage(err));
    }
  };

  if (done) {
    return (
      <>
        <Alert type="success" showIcon title={`您已提交评分，总分 ${view.myScore.total ?? '—'} 分`} style={{ marginBottom: 8 }} />
        <Table
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={items}
          columns={[
            { title: '评分项', dataIndex: 'label' },
            { title: '允许范围', render: (_, i) => rangeText(i), width: 140 },
            { title: '我的评分', width: 100, render: (_, i) => (view.myScore.scores ? view.myScore.scores[i.code] : view.myScore.total) },
          ]}
        />
        {view.myScore.comment ? <Typography.Paragraph style={{ marginTop: 8 }}>评审意见：{view.myScore.comment}</Typography.Paragraph> : null}
      </>
    );
  }

  return (
    <Form form={form} layout="vertical" onFinish={(v) => void onFinish(v)} disabled={view.application.status !== 'expert_review'}>
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} closable onClose={() => setProblem(null)} /> : null}
      {items.map((i) => (
        <Form.Item
          key={i.code}
          name={i.code}
          label={
            <span>
              {i.label}
              <Typography.Text type="secondary">（{rangeText(i)}）</Typography.Text>
            </span>
          }
          rules={[{ required: true, message: `请填写“${i.label}”` }]}
        >
          <InputNumber precision={1} step={1} style={{ width: 120 }} aria-label={`${i.label}，允许范围${rangeText(i)}`} />
        </Form.Item>
      ))}
      {view.scoring.mode === 'hnte' ? (
        <Typography.Paragraph strong>
          合计：{running.toFixed(1)} 分（满分 {view.scoring.maxTotal}，须高于70分方符合创新能力条件）
        </Typography.Paragraph>
      ) : null}
      <Form.Item
        name="comment"
        label="评审意见"
        rules={view.scoring.mode === 'total' ? [{ required: true, message: '请填写评审意见' }] : []}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submit.isPending}>
        提交评分
      </Button>
    </Form>
  );
}
