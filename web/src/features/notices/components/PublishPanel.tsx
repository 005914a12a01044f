import { Alert, App, Button, DatePicker, Descriptions, Empty, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import { useCandidates } from '../api/list-candidates';
import { usePublishNotice } from '../api/publish-notice';
import { useWorkingDaysEnd } from '../api/working-days-end';
import { TYPE_NAMES, TYPE_OPTIONS, type RecognitionTypeCode } from '../constants';
import { businessDayjs } from '../../../lib/business-clock';

interface PublishForm {
  title: string;
  body?: string;
  workingDays: number;
  publishedOn: Dayjs;
}

/** Ready applications of a type and year → select → publish, with the computed end date shown before confirming. */
export function PublishPanel({ canAct, onPublished }: { canAct: boolean; onPublished: () => void }) {
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
    form.setFieldsValue({ title: `${year}年度${TYPE_NAMES[type]}认定名单公示`, publishedOn: businessDayjs() });
  }, [type, year, form]);
  const defaultDays = candidates.data?.defaultWorkingDays;
  useEffect(() => {
    if (defaultDays) {
      form.setFieldValue('workingDays', defaultDays);
    }
  }, [defaultDays, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const endsOn = end.data?.end ?? '（计算中）';
    modal.confirm({
      title: '确认发布公示',
      content: (
        <Descriptions column={1} size="small">
          <Descriptions.Item label="公示对象">{selected.length} 家</Descriptions.Item>
          <Descriptions.Item label="发布日期">{v.publishedOn.format('YYYY-MM-DD')}</Descriptions.Item>
          <Descriptions.Item label="公示期">{v.workingDays} 个工作日</Descriptions.Item>
          <Descriptions.Item label="截止">{endsOn} 24:00（节假日与调休按国务院通知计算）</Descriptions.Item>
        </Descriptions>
      ),
      okText: '发布',
      onOk: () =>
        publish
          .mutateAsync({ subject: type, year, title: v.title, body: v.body || null, applicationIds: selected, workingDays: v.workingDays, publishedOn: v.publishedOn.format('YYYY-MM-DD') })
          .then(
            (n) => {
              void message.success(`已发布公示，截止 ${n.endsOn} 24:00`);
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

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select aria-label="认定类型" value={type} onChange={setType} options={TYPE_OPTIONS} style={{ width: 260 }} />
        <InputNumber aria-label="年度" value={year} min={2015} max={2100} onChange={(v) => v && setYear(v)} addonAfter="年度" />
      </Space>
      {candidates.data ? (
        <Typography.Paragraph type="secondary">
          {candidates.data.expertReview ? '该类型须经专家评审：评审完成的申报可列入公示。' : '该类型无专家评审环节：市级审核通过的申报可列入公示。'}
        </Typography.Paragraph>
      ) : null}
      {candidates.error ? <Alert type="error" showIcon message={errorMessage(candidates.error)} style={{ marginBottom: 12 }} /> : null}
      <Table
        rowKey="applicationId"
        size="small"
        loading={candidates.isLoading}
        dataSource={candidates.data?.items ?? []}
        locale={{ emptyText: <Empty description="暂无可公示的申报" /> }}
        pagination={{ pageSize: 20 }}
        rowSelection={canAct ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) } : undefined}
        columns={[
          { title: '申报号', dataIndex: 'applicationId', width: 90 },
          { title: '企业', dataIndex: 'enterpriseName' },
          { title: '区县', dataIndex: 'districtName', width: 100 },
          { title: '专家评审得分', dataIndex: 'panelScore', width: 120, render: (v: number | null) => (v === null ? '—' : v.toFixed(2)) },
        ]}
      />
      {canAct ? (
        <Form form={form} layout="vertical" style={{ maxWidth: 720, marginTop: 16 }}>
          <Form.Item name="title" label="公示标题" rules={[{ required: true, min: 4, message: '请填写公示标题（至少4个字）' }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="body" label="公示正文（可选）">
            <Input.TextArea rows={3} maxLength={5000} placeholder="如：对公示名单有异议的，请于公示期内实名提出，并提供必要的证据材料。" />
          </Form.Item>
          <Space wrap align="start">
            <Form.Item name="publishedOn" label="发布日期" rules={[{ required: true, message: '请选择发布日期' }]}>
              <DatePicker disabledDate={(d) => d.isBefore(businessDayjs(), 'day')} />
            </Form.Item>
            <Form.Item name="workingDays" label="公示期（工作日）" rules={[{ required: true, message: '请填写公示期' }]}>
              <InputNumber min={1} max={60} />
            </Form.Item>
            <Form.Item label="截止日期">
              <Typography.Text strong data-testid="notice-ends-on">
                {end.data ? `${end.data.end} 24:00` : end.isFetching ? '计算中…' : '—'}
              </Typography.Text>
            </Form.Item>
          </Space>
          <Form.Item>
            <Button type="primary" disabled={selected.length === 0} loading={publish.isPending} onClick={() => void submit()}>
              发布公示（已选 {selected.length} 家）
            </Button>
          </Form.Item>
        </Form>
      ) : null}
    </>
  );
}
