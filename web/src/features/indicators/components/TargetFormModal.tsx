import { Alert, App, Col, Divider, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { FormModal } from '../../../components/FormModal';
import { ApiError } from '../../../lib/api';
import { useDistricts } from '../../../lib/reference/get-districts';
import { useCatalogue } from '../api/get-catalogue';
import { useTargets } from '../api/get-targets';
import { useSetTargets, type SetTargetsInput } from '../api/set-targets';
import { indicatorsMessages, type IndicatorsT } from '../messages';
import { UNIT_RATIO, UNIT_YUAN } from './format';
import { useMessages } from '../../../lib/i18n';

/** The unit an officer types in: yuan as 万元, ratios as percent, counts as they are. */
function entryFactor(unit: string): number {
  return unit === UNIT_YUAN ? 1e4 : unit === UNIT_RATIO ? 0.01 : 1;
}

function entryUnit(t: IndicatorsT, unit: string): { factor: number; suffix: string } {
  const suffix = unit === UNIT_YUAN ? t('indicators.unit.tenThousandYuan') : unit === UNIT_RATIO ? '%' : unit;
  return { factor: entryFactor(unit), suffix };
}
const round6 = (v: number) => Number(v.toFixed(6));

type FieldName = string | [string, string];

interface Values {
  code?: string;
  year: number;
  city?: number | null;
  districts?: Record<string, number | null | undefined>;
  source?: string;
  note?: string;
}

/**
 * Enters one indicator's target for a year: the city-wide figure and, optionally, the breakdown
 * by district. The district sum is compared with the city figure as it is typed; a difference is
 * shown, not blocked (the targets page flags it). Saving replaces what the year had for the code.
 */
export function TargetFormModal(props: { open: boolean; initial: { code?: string; year: number }; onClose: () => void }) {
  const t = useMessages(indicatorsMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const catalogue = useCatalogue();
  const districts = useDistricts();
  const save = useSetTargets();
  const code = Form.useWatch('code', form);
  const year = Form.useWatch('year', form) ?? props.initial.year;
  const city = Form.useWatch('city', form);
  const byDistrict = Form.useWatch('districts', form);
  const existing = useTargets(year);
  const entry = catalogue.data?.items.find((i) => i.code === code);
  const unit = entryUnit(t, entry?.unit ?? '');
  const districtList = useMemo(() => districts.data ?? [], [districts.data]);

  // Fill in what the year already has for the indicator, once per (code, year) — never over the officer's typing.
  const filledFor = useRef<string | null>(null);
  useEffect(() => {
    if (!props.open) {
      filledFor.current = null;
      return;
    }
    const key = `${code}/${year}`;
    if (!code || !entry || filledFor.current === key || !existing.data || existing.isPlaceholderData || existing.data.year !== year || !districts.data) {
      return;
    }
    filledFor.current = key;
    const row = existing.data.items.find((i) => i.code === code);
    const factor = entryFactor(entry.unit);
    const byName = new Map((row?.districts ?? []).map((d) => [d.district, d.target]));
    form.setFieldsValue({
      city: row?.target === null || row?.target === undefined ? null : round6(row.target / factor),
      districts: Object.fromEntries(districtList.map((d) => [d.code, byName.has(d.name) ? round6(byName.get(d.name)! / factor) : null])),
      source: row?.source ?? undefined,
      note: row?.note ?? undefined,
    });
  }, [props.open, code, year, entry, existing.data, existing.isPlaceholderData, districts.data, districtList, form]);

  const entered = districtList.map((d) => byDistrict?.[d.code]).filter((v): v is number => typeof v === 'number');
  const sum = entered.length > 0 ? round6(entered.reduce((s, v) => s + v, 0)) : null;
  const difference = sum !== null && typeof city === 'number' ? round6(sum - city) : null;
  const fmt = (v: number) => `${v.toLocaleString('zh-CN', { maximumFractionDigits: 6 })}${unit.suffix}`;

  const submit = async (v: Values) => {
    if (!entry) {
      return;
    }
    const items: SetTargetsInput['items'] = [];
    const names: FieldName[] = [];
    if (typeof v.city === 'number') {
      items.push({ district: null, value: round6(v.city * unit.factor) });
      names.push('city');
    }
    for (const d of districtList) {
      const x = v.districts?.[d.code];
      if (typeof x === 'number') {
        items.push({ district: d.code, value: round6(x * unit.factor) });
        names.push(['districts', d.code]);
      }
    }
    try {
      const r = await save.mutateAsync({
        year: v.year,
        code: entry.code,
        items,
        ...(v.source ? { source: v.source } : {}),
        ...(v.note ? { note: v.note } : {}),
      });
      void message.success(t('indicators.targetForm.saved', { year: v.year, name: entry.name, rows: r.rows, v3: r.replaced > 0 ? t('indicators.targetForm.replaced', { replaced: r.replaced }) : '' }));
    } catch (err) {
      if (!(err instanceof ApiError) || err.fields.length === 0) {
        throw err;
      }
      // an item's problem lands on the input it came from (the city figure or a district's); FormModal places the rest
      const nested = new Map<string, string[]>();
      const rest: typeof err.fields = [];
      for (const issue of err.fields) {
        const m = /^items\.(\d+)\.(value|district)$/.exec(issue.field.replace(/^body\./, ''));
        const name = m ? names[Number(m[1])] : undefined;
        if (name === undefined) {
          rest.push(issue);
        } else if (typeof name === 'string') {
          rest.push({ ...issue, field: name });
        } else {
          nested.set(name[1], [...(nested.get(name[1]) ?? []), issue.message]);
        }
      }
      form.setFields([...nested].map(([d, errors]) => ({ name: ['districts', d] as never, errors })));
      throw new ApiError(err.status, err.code, err.message, { fields: rest });
    }
  };

  return (
    <FormModal<Values>
      title={t('indicators.targetForm.title')}
      open={props.open}
      form={form}
      onClose={props.onClose}
      onSubmit={submit}
      okText={t('indicators.targetForm.save')}
      width={760}
      initialValues={{ code: props.initial.code, year: props.initial.year }}
      formProps={{
        onValuesChange: (changed: Partial<Values>) => {
          if ('code' in changed || 'year' in changed) {
            form.setFieldsValue({ city: null, districts: {}, source: undefined, note: undefined });
          }
        },
      }}
    >
      <Row gutter={12}>
        <Col span={16}>
          <Form.Item name="code" label={t('indicators.indicator')} rules={[{ required: true, message: t('indicators.targetForm.indicatorRequired') }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              aria-label={t('indicators.targetForm.indicator')}
              placeholder={t('indicators.targetForm.selectIndicator')}
              loading={catalogue.isLoading}
              options={(catalogue.data?.items ?? []).map((i) => ({
                value: i.code,
                label: `${i.name}（${i.code}）${i.available ? '' : t('indicators.targetForm.notLive')}`,
              }))}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="year" label={t('indicators.year')} rules={[{ required: true, message: t('indicators.targetForm.yearRequired') }]}>
            <InputNumber aria-label={t('indicators.targetForm.year')} min={2000} max={2100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="city" label={t('indicators.targetForm.cityLabel', { v0: entry ? `（${unit.suffix}）` : '' })} rules={[{ required: true, message: t('indicators.targetForm.cityRequired') }]}>
        <InputNumber aria-label={t('indicators.targetForm.city')} min={0} style={{ width: '100%' }} suffix={unit.suffix} disabled={!entry} />
      </Form.Item>
      <Divider titlePlacement="start" plain>
        {t('indicators.targetForm.districts')}
      </Divider>
      <Row gutter={12}>
        {districtList.map((d) => (
          <Col key={d.code} xs={12} md={8}>
            <Form.Item name={['districts', d.code]} label={d.name} style={{ marginBottom: 8 }}>
              <InputNumber aria-label={t('indicators.targetForm.districtTarget', { name: d.name })} min={0} style={{ width: '100%' }} suffix={unit.suffix} disabled={!entry} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      {sum !== null ? (
        <Alert
          data-testid="district-sum"
          style={{ margin: '8px 0 12px' }}
          showIcon
          type={difference === 0 ? 'success' : 'warning'}
          title={
            difference === null
              ? t('indicators.targetForm.sumNoCity', { sum: fmt(sum) })
              : difference === 0
                ? t('indicators.targetForm.sumMatches', { sum: fmt(sum) })
                : t('indicators.targetForm.sumDiffers', { sum: fmt(sum), v1: difference > 0 ? t('indicators.targetForm.more') : t('indicators.targetForm.less'), v2: fmt(Math.abs(difference)) })
          }
        />
      ) : (
        <Typography.Paragraph type="secondary">{t('indicators.targetForm.noBreakdown')}</Typography.Paragraph>
      )}
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="source" label={t('indicators.targetForm.source')}>
            <Input maxLength={200} placeholder={t('indicators.targetForm.sourcePlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="note" label={t('indicators.targetForm.note')}>
            <Input maxLength={500} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
