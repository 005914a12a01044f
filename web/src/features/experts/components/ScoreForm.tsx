import { App, Alert, Button, Form, Input, InputNumber, Table, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../lib/api';
import { errorMessage } from '../../../lib/form-errors';
import type { CaseView, ScoreItem } from '../api/get-assignment';
import { useSubmitScore } from '../api/submit-score';
import { useMessages, type Vars } from '../../../lib/i18n';
import { expertsMessages } from '../messages';

type Values = Record<string, number | string | undefined>;

type ExpertsT = (key: keyof typeof expertsMessages, vars?: Vars) => string;

const rangeText = (i: ScoreItem, t: ExpertsT) => (i.band ? t('experts.score.bandRange', { band: i.band, min: i.min, max: i.max }) : t('experts.score.range', { min: i.min, max: i.max }));

/**
 * The expert's scoring form: each item shows the range the rules allow (hnte: the band the engine
 * computed on the application's data). Out-of-range input is sent as is and the server's refusal
 * is shown on the item, so the expert reads the rule's own message.
 */
export function ScoreForm({ view }: { view: CaseView }) {
  const t = useMessages(expertsMessages);
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
      void message.success(t('experts.score.submitted'));
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
        <Alert type="success" showIcon title={t('experts.score.done', { total: view.myScore.total ?? '—' })} style={{ marginBottom: 8 }} />
        <Table
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={items}
          columns={[
            { title: t('experts.score.item'), dataIndex: 'label' },
            { title: t('experts.score.allowed'), render: (_, i) => rangeText(i, t), width: 140 },
            { title: t('experts.score.mine'), width: 100, render: (_, i) => (view.myScore.scores ? view.myScore.scores[i.code] : view.myScore.total) },
          ]}
        />
        {view.myScore.comment ? <Typography.Paragraph style={{ marginTop: 8 }}>{t('experts.score.myComment', { comment: view.myScore.comment })}</Typography.Paragraph> : null}
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
              <Typography.Text type="secondary">{t('experts.score.rangeSuffix', { range: rangeText(i, t) })}</Typography.Text>
            </span>
          }
          rules={[{ required: true, message: t('experts.score.required', { label: i.label }) }]}
        >
          <InputNumber precision={1} step={1} style={{ width: 120 }} aria-label={t('experts.score.itemAria', { label: i.label, range: rangeText(i, t) })} />
        </Form.Item>
      ))}
      {view.scoring.mode === 'hnte' ? (
        <Typography.Paragraph strong>
          {t('experts.score.running', { sum: running.toFixed(1), max: view.scoring.maxTotal })}
        </Typography.Paragraph>
      ) : null}
      <Form.Item
        name="comment"
        label={t('experts.score.comment')}
        rules={view.scoring.mode === 'total' ? [{ required: true, message: t('experts.score.commentRequired') }] : []}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submit.isPending}>
        {t('experts.score.submit')}
      </Button>
    </Form>
  );
}
