import { App, Button, DatePicker, Descriptions, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { DataTable, type DataColumn } from '../../../components/DataTable';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import { useCandidates, type CandidateList } from '../api/list-candidates';
import { usePublishNotice } from '../api/publish-notice';
import { useWorkingDaysEnd } from '../api/working-days-end';
import { TYPE_CODES, type RecognitionTypeCode } from '../constants';
import { recognitionTypeMessages } from '../../recognitions/messages';
import { businessDayjs } from '../../../lib/business-clock';
import { useMessages } from '../../../lib/i18n';
import { noticesMessages } from '../messages';

type Candidate = CandidateList['items'][number];

interface PublishForm {
  title: string;
  body?: string;
  workingDays: number;
  publishedOn: Dayjs;
}

/** Ready applications of a type and year → select → publish, with the computed end date shown before confirming. */
export function PublishPanel({ canAct, onPublished }: { canAct: boolean; onPublished: () => void }) {
  const t = useMessages(noticesMessages);
  const typeName = useMessages(recognitionTypeMessages);
  const { message, modal } = App.useApp();
  const [type, setType] = useState<RecognitionTypeCode>('hnte');
  const [year, setYear] = useState<number>(businessDayjs().year());
  const [selected, setSelected] = useState<number[]>([]);
  const [form] = Form.useForm<PublishForm>();
  const candidates = useCandidates({ type, year });
  const publish = usePublishNotice();
  const workingDays = Form.useWatch('workingDays', form) as number | undefined;
  const publishedOn = Form.useWatch('publishedOn', form) as Dayjs | undefined;
  const from = publishedOn ? publishedOn.format('YYYY-MM-DD') : null;
  const end = useWorkingDaysEnd(from, workingDays ?? null);

  useEffect(() => {
    setSelected([]);
    form.setFieldsValue({ title: t('notices.publish.defaultTitle', { year, type: typeName(type) }), publishedOn: businessDayjs() });
  }, [type, year, form, t, typeName]);
  const defaultDays = candidates.data?.defaultWorkingDays;
  useEffect(() => {
    if (defaultDays) {
      form.setFieldValue('workingDays', defaultDays);
    }
  }, [defaultDays, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const endsOn = end.data?.end ?? t('notices.publish.computing');
    modal.confirm({
      title: t('notices.publish.confirmTitle'),
      content: (
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('notices.publish.items')}>{t('notices.publish.itemCount', { n: selected.length })}</Descriptions.Item>
          <Descriptions.Item label={t('notices.col.publishedOn')}>{v.publishedOn.format('YYYY-MM-DD')}</Descriptions.Item>
          <Descriptions.Item label={t('notices.publish.period')}>{t('notices.publish.workingDays', { n: v.workingDays })}</Descriptions.Item>
          <Descriptions.Item label={t('notices.publish.ends')}>{t('notices.publish.endsAt', { date: endsOn })}</Descriptions.Item>
        </Descriptions>
      ),
      okText: t('notices.publish.ok'),
      onOk: () =>
        publish
          .mutateAsync({ subject: type, year, title: v.title, body: v.body || null, applicationIds: selected, workingDays: v.workingDays, publishedOn: v.publishedOn.format('YYYY-MM-DD') })
          .then(
            (n) => {
              void message.success(t('notices.publish.done', { date: n.endsOn }));
              setSelected([]);
              onPublished();
            },
            (e: unknown) => {
              const rest = applyFieldErrors(form, e, ['title', 'body', 'workingDays', 'publishedOn']);
              if (rest.length || !form.getFieldsError().some((f) => f.errors.length)) {
                void message.error(errorMessage(e));
              }
            },
          ),
    });
  };

  const columns: DataColumn<Candidate>[] = [
    { key: 'applicationId', title: t('notices.col.applicationId'), dataIndex: 'applicationId', width: 90 },
    { key: 'enterprise', title: t('notices.col.enterprise'), dataIndex: 'enterpriseName' },
    { key: 'district', title: t('notices.col.district'), dataIndex: 'districtName', width: 100 },
    { key: 'panelScore', title: t('notices.col.panelScore'), dataIndex: 'panelScore', width: 120, render: (v: number | null) => (v === null ? '—' : v.toFixed(2)) },
  ];

  return (
    <>
      {candidates.data ? (
        <Typography.Paragraph type="secondary">
          {candidates.data.expertReview ? t('notices.publish.expertReview') : t('notices.publish.noExpertReview')}
          {candidates.data.items.length === 0 ? ` ${t('notices.publish.empty')}` : null}
        </Typography.Paragraph>
      ) : null}
      <DataTable<Candidate>
        tableId="notices.candidates"
        rowKey="applicationId"
        columns={columns}
        query={candidates}
        rows={candidates.data?.items}
        pagination={{ pageSize: 20 }}
        rowSelection={canAct ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) } : undefined}
        filters={
          <>
            <Select aria-label={t('notices.publish.type')} value={type} onChange={setType} options={TYPE_CODES.map((code) => ({ value: code, label: typeName(code) }))} style={{ width: 260 }} />
            <InputNumber aria-label={t('notices.publish.year')} value={year} min={2015} max={2100} onChange={(v) => v && setYear(v)} addonAfter={t('notices.publish.year')} />
          </>
        }
      />
      {canAct ? (
        <Form form={form} layout="vertical" style={{ maxWidth: 720, marginTop: 16 }}>
          <Form.Item name="title" label={t('notices.publish.titleLabel')} rules={[{ required: true, min: 4, message: t('notices.publish.titleRule') }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="body" label={t('notices.publish.body')}>
            <Input.TextArea rows={3} maxLength={5000} placeholder={t('notices.publish.bodyPlaceholder')} />
          </Form.Item>
          <Space wrap align="start">
            <Form.Item name="publishedOn" label={t('notices.col.publishedOn')} rules={[{ required: true, message: t('notices.publish.publishedOnRequired') }]}>
              <DatePicker disabledDate={(d) => d.isBefore(businessDayjs(), 'day')} />
            </Form.Item>
            <Form.Item name="workingDays" label={t('notices.publish.workingDaysLabel')} rules={[{ required: true, message: t('notices.publish.workingDaysRequired') }]}>
              <InputNumber min={1} max={60} />
            </Form.Item>
            <Form.Item label={t('notices.col.endsOn')}>
              <Typography.Text strong data-testid="notice-ends-on">
                {end.data ? t('notices.publish.endTime', { date: end.data.end }) : end.isFetching ? t('notices.publish.calculating') : '—'}
              </Typography.Text>
            </Form.Item>
          </Space>
          <Form.Item>
            <Button type="primary" disabled={selected.length === 0} loading={publish.isPending} onClick={() => void submit()}>
              {t('notices.publish.submit', { n: selected.length })}
            </Button>
          </Form.Item>
        </Form>
      ) : null}
    </>
  );
}
