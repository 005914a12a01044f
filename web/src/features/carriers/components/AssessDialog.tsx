import { Alert, Descriptions, Flex, Form, Input, InputNumber, Modal, Select, Typography, message } from 'antd';
import { businessDayjs } from '../../../lib/business-clock';
import { errorMessage } from '../../../lib/form-errors';
import { useAssess, useScoreSheets, type Assessment } from '../api/assessments';
import type { CarrierDetail } from '../api/carriers';
import { showErrors } from './errors';

type Kind = 'annual' | 'acceptance';
const KIND_NAMES = (carrierKind: string): Record<Kind, string> => ({ annual: carrierKind === 'platform' ? '年度绩效考评' : '年度考核', acceptance: '建设验收' });

/** The items of a recorded assessment with their labels and maxima (the sheet in force). */
export function AssessmentItems({ carrierKind, assessment }: { carrierKind: string; assessment: Assessment }) {
  const sheets = useScoreSheets();
  const sheet = sheets.data?.items.find((s) => s.carrierKind === carrierKind && s.kind === assessment.kind);
  return (
    <Descriptions size="small" column={2} bordered>
      {assessment.items.map((i) => {
        const def = sheet?.items.find((d) => d.code === i.code);
        return <Descriptions.Item key={i.code} label={def ? `${def.label}（${def.max}分）` : i.code}>{i.score}</Descriptions.Item>;
      })}
      <Descriptions.Item label="考核意见" span={2}>
        {assessment.comment ?? '—'}
      </Descriptions.Item>
    </Descriptions>
  );
}

/**
 * 考核评分 (city officer): the score sheet of the carrier's kind — the carriers' annual
 * assessment, or a platform's annual performance appraisal or construction acceptance — with the
 * total, the grade it gives and the subsidy of that grade.
 */
export function AssessDialog({ c, onClose }: { c: CarrierDetail; onClose: () => void }) {
  const [form] = Form.useForm<Record<string, number> & { year: number; kind: Kind; comment?: string }>();
  const assess = useAssess(c.id);
  const sheets = useScoreSheets();
  const year = businessDayjs().year();
  const values = Form.useWatch([], form) as (Record<string, number> & { kind?: Kind }) | undefined;
  const kind: Kind = values?.kind ?? 'annual';
  const sheet = sheets.data?.items.find((s) => s.carrierKind === c.kind && s.kind === kind);
  const items = sheet?.items ?? [];
  const total = Math.round(items.reduce((s, i) => s + (Number(values?.[i.code]) || 0), 0) * 10) / 10;
  const band = sheets.data?.grades.find((g) => total >= g.min);
  const outcome =
    kind === 'acceptance'
      ? total >= (sheets.data?.acceptancePass ?? 60)
        ? '通过验收'
        : '未通过验收'
      : `${band?.name ?? ''}${sheet?.subsidy && band ? `，补助 ${(sheet.subsidy[band.grade] ?? 0).toLocaleString('zh-CN')} 元` : ''}`;
  const submit = async () => {
    const v = await form.validateFields();
    try {
      const a = await assess.mutateAsync({ year: v.year, kind: v.kind, comment: v.comment, items: items.map((i) => ({ code: i.code, score: v[i.code] })) });
      message.success(`${a.kind === 'acceptance' ? (a.grade === 'pass' ? '通过验收' : '未通过验收') : a.gradeName}（${a.score}分）${a.subsidy > 0 ? `，补助 ${a.subsidy.toLocaleString('zh-CN')} 元已生成支付指令` : ''}${a.exited ? '；连续两年不合格，已退出' : ''}`);
      onClose();
    } catch (err) {
      showErrors(form, err, ['year', 'kind']);
      message.error(errorMessage(err));
    }
  };
  const names = KIND_NAMES(c.kind);
  return (
    <Modal open title={`${names[kind]}评分：${c.name}`} okText="提交评分" cancelText="取消" onCancel={onClose} onOk={() => void submit()} confirmLoading={assess.isPending} width={560}>
      {sheets.isError ? <Alert type="error" showIcon message={errorMessage(sheets.error)} /> : null}
      <Form form={form} layout="vertical" initialValues={{ year: year - 1, kind: 'annual' }}>
        <Flex gap={12}>
          <Form.Item name="year" label="年度" rules={[{ required: true }]} style={{ flex: 1 }}>
            <Select options={[year, year - 1, year - 2].map((y) => ({ value: y, label: `${y}年度` }))} />
          </Form.Item>
          <Form.Item name="kind" label="类别" style={{ flex: 1 }}>
            <Select options={[{ value: 'annual', label: names.annual }, ...(c.kind === 'platform' ? [{ value: 'acceptance', label: names.acceptance }] : [])]} />
          </Form.Item>
        </Flex>
        {items.map((i) => (
          <Form.Item key={`${kind}-${i.code}`} name={i.code} label={`${i.label}（0–${i.max}分）`} rules={[{ required: true, message: `请为${i.label}评分` }]}>
            <InputNumber min={0} max={i.max} step={0.5} precision={1} style={{ width: '100%' }} />
          </Form.Item>
        ))}
        <Typography.Paragraph>
          合计 <Typography.Text strong>{total}</Typography.Text> 分：{outcome}
          <br />
          <Typography.Text type="secondary">
            {kind === 'acceptance'
              ? `${sheets.data?.acceptancePass ?? 60}分及以上通过验收，验收不发补助。`
              : `${(sheets.data?.grades ?? []).map((g) => `${g.name}≥${g.min}`).join('，')}；连续两年不合格退出。`}
          </Typography.Text>
        </Typography.Paragraph>
        <Form.Item name="comment" label="考核意见">
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
