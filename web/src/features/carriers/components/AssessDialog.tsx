import { Alert, Descriptions, Flex, Form, Input, InputNumber, Select, Typography, message } from 'antd';
import { FormModal } from '../../../components/FormModal';
import { businessDayjs } from '../../../lib/business-clock';
import { errorMessage } from '../../../lib/form-errors';
import { formatMoney } from '../../../lib/money';
import { useAssess, useScoreSheets, type Assessment } from '../api/assessments';
import type { CarrierDetail } from '../api/carriers';
import { withFlatFields } from './errors';
import { carriersMessages, type CarriersT } from '../messages';
import { useI18n, useMessages } from '../../../lib/i18n';

type Kind = 'annual' | 'acceptance';
type Values = Record<string, number> & { year: number; kind: Kind; comment?: string };
const kindNames = (t: CarriersT, carrierKind: string): Record<Kind, string> => ({ annual: carrierKind === 'platform' ? t('carriers.assess.performance') : t('carriers.assess.annual'), acceptance: t('carriers.assess.acceptance') });

/** The items of a recorded assessment with their labels and maxima (the sheet in force). */
export function AssessmentItems({ carrierKind, assessment }: { carrierKind: string; assessment: Assessment }) {
  const t = useMessages(carriersMessages);
  const sheets = useScoreSheets();
  const sheet = sheets.data?.items.find((s) => s.carrierKind === carrierKind && s.kind === assessment.kind);
  return (
    <Descriptions size="small" column={2} bordered>
      {assessment.items.map((i) => {
        const def = sheet?.items.find((d) => d.code === i.code);
        return <Descriptions.Item key={i.code} label={def ? t('carriers.assess.itemMax', { label: def.label, max: def.max }) : i.code}>{i.score}</Descriptions.Item>;
      })}
      <Descriptions.Item label={t('carriers.assess.comment')} span={2}>
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
  const t = useMessages(carriersMessages);
  const { lang } = useI18n();
  const [form] = Form.useForm<Values>();
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
        ? t('carriers.assess.passed')
        : t('carriers.assess.failed')
      : `${band?.name ?? ''}${sheet?.subsidy && band ? t('carriers.assess.subsidy', { amount: formatMoney(sheet.subsidy[band.grade] ?? 0, 'yuan', lang) }) : ''}`;
  const submit = async (v: Values) => {
    const a = await withFlatFields(assess.mutateAsync({ year: v.year, kind: v.kind, comment: v.comment, items: items.map((i) => ({ code: i.code, score: v[i.code] })) }));
    message.success(t('carriers.assess.result', { v0: a.kind === 'acceptance' ? (a.grade === 'pass' ? t('carriers.assess.passed') : t('carriers.assess.failed')) : a.gradeName, score: a.score, v2: a.subsidy > 0 ? t('carriers.assess.subsidyOrdered', { amount: formatMoney(a.subsidy, 'yuan', lang) }) : '', v3: a.exited ? t('carriers.assess.exited') : '' }));
  };
  const names = kindNames(t, c.kind);
  return (
    <FormModal<Values> open form={form} title={t('carriers.assess.title', { v0: names[kind], name: c.name })} okText={t('carriers.assess.submit')} cancelText={t('common.cancel')} onClose={onClose} onSubmit={submit} width={560} initialValues={{ year: year - 1, kind: 'annual' } as Partial<Values>}>
      {sheets.isError ? <Alert type="error" showIcon message={errorMessage(sheets.error)} /> : null}
      <Flex gap={12}>
        <Form.Item name="year" label={t('carriers.year')} rules={[{ required: true }]} style={{ flex: 1 }}>
          <Select options={[year, year - 1, year - 2].map((y) => ({ value: y, label: t('carriers.yearOption', { y }) }))} />
        </Form.Item>
        <Form.Item name="kind" label={t('carriers.kind')} style={{ flex: 1 }}>
          <Select options={[{ value: 'annual', label: names.annual }, ...(c.kind === 'platform' ? [{ value: 'acceptance', label: names.acceptance }] : [])]} />
        </Form.Item>
      </Flex>
      {items.map((i) => (
        <Form.Item key={`${kind}-${i.code}`} name={i.code} label={t('carriers.assess.itemRange', { label: i.label, max: i.max })} rules={[{ required: true, message: t('carriers.assess.itemRequired', { label: i.label }) }]}>
          <InputNumber min={0} max={i.max} step={0.5} precision={1} style={{ width: '100%' }} />
        </Form.Item>
      ))}
      <Typography.Paragraph>
        {t('carriers.assess.total')} <Typography.Text strong>{total}</Typography.Text> {t('carriers.assess.points')}{outcome}
        <br />
        <Typography.Text type="secondary">
          {kind === 'acceptance'
            ? t('carriers.assess.acceptanceRule', { v0: sheets.data?.acceptancePass ?? 60 })
            : t('carriers.assess.exitRule', { v0: (sheets.data?.grades ?? []).map((g) => `${g.name}≥${g.min}`).join('，') })}
        </Typography.Text>
      </Typography.Paragraph>
      <Form.Item name="comment" label={t('carriers.assess.comment')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}
