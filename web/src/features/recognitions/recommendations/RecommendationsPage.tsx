import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, Radio, Select, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { DataTable, type DataColumn } from '../../../components/DataTable';
import { FormModal } from '../../../components/FormModal';
import { PageTitle } from '../../../components/PageTitle';
import { StatusTag } from '../../../components/StatusTag';
import { api, unwrap, type BodyOf, type ResponseOf } from '../../../lib/api';
import { businessDayjs } from '../../../lib/business-clock';
import { downloadFile } from '../../../lib/download';
import { errorMessage } from '../../../lib/form-errors';
import { hasAnyRole, useSession } from '../../../lib/session';
import { useMessages } from '../../../lib/i18n';
import { recognitionsMessages, recognitionTypeMessages } from '../messages';

type Item = ResponseOf<'/api/recognition-recommendations', 'get'>['items'][number];
type Batch = ResponseOf<'/api/recognition-batches', 'get'>['items'][number];
type ResultForm = { recognised: boolean; docNo: string; resultOn?: Dayjs; certificateNo?: string; comment?: string };
const UPPER_TYPES = ['hnte', 'tase', 'tech_sme', 'rd_center_provincial', 'research_institute_provincial', 'research_institute_provincial_key'] as const;

/** 推荐上报 (city officer): types decided above the city — batch lists for the upper body, and the upper body's results recorded per case. */
export default function RecommendationsPage() {
  const t = useMessages(recognitionsMessages);
  const typeName = useMessages(recognitionTypeMessages);
  const me = useSession();
  const canAct = hasAnyRole(me, ['city_officer']);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [type, setType] = useState<(typeof UPPER_TYPES)[number]>('hnte');
  const [state, setState] = useState<'pending' | 'recorded' | 'all'>('pending');
  const [picked, setPicked] = useState<number[]>([]);
  const [row, setRow] = useState<Item | null>(null);
  const [form] = Form.useForm<ResultForm>();
  const list = useQuery({ queryKey: ['recommendations', type, state], queryFn: () => unwrap(api.GET('/api/recognition-recommendations', { params: { query: { type: type as never, state } } })) });
  const batches = useQuery({ queryKey: ['recommendations', 'batches', type], queryFn: () => unwrap(api.GET('/api/recognition-batches', { params: { query: { type: type as never } } })) });
  const refresh = () => qc.invalidateQueries({ queryKey: ['recommendations'] });
  const batch = useMutation({ mutationFn: (body: BodyOf<'/api/recognition-batches', 'post'>) => unwrap(api.POST('/api/recognition-batches', { body })), onSuccess: refresh });
  const record = useMutation({
    mutationFn: (v: { id: number; body: BodyOf<'/api/recognition-applications/{id}/upper-result', 'post'> }) => unwrap(api.POST('/api/recognition-applications/{id}/upper-result', { params: { path: { id: v.id } }, body: v.body })),
    onSuccess: refresh,
  });
  const makeBatch = async () => {
    const items = (list.data?.items ?? []).filter((i) => picked.includes(i.applicationId));
    const year = items[0]?.year ?? 2016;
    try {
      const b = await batch.mutateAsync({ type: type as never, year, title: t('recognitions.rec.batchTitle', { year, type: typeName(type), date: new Date().toLocaleDateString('zh-CN') }), applicationIds: picked });
      message.success(t('recognitions.rec.batchDone', { n: b.total }));
      setPicked([]);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  const submit = async (v: ResultForm) => {
    const r = await record.mutateAsync({ id: row!.applicationId, body: { recognised: v.recognised, docNo: v.docNo, resultOn: v.resultOn?.format('YYYY-MM-DD') ?? '', certificateNo: v.recognised ? v.certificateNo || undefined : undefined, comment: v.comment || undefined } });
    message.success(r.certificateNo ? t('recognitions.rec.recordedWithCert', { no: r.certificateNo }) : t('recognitions.rec.recorded'));
  };
  const recognised = Form.useWatch('recognised', form);
  const columns: DataColumn<Item>[] = [
    { key: 'enterprise', title: t('recognitions.rec.enterprise'), dataIndex: 'enterpriseName' },
    { key: 'district', title: t('recognitions.col.district'), dataIndex: 'districtName', width: 80 },
    { key: 'recommendedOn', title: t('recognitions.rec.recommendedOn'), dataIndex: 'recommendedOn', width: 110 },
    { key: 'batch', title: t('recognitions.rec.batch'), dataIndex: 'batchTitle', width: 220, render: (v: string | null) => v ?? <Tag>{t('recognitions.rec.notSubmitted')}</Tag> },
    { key: 'result', title: t('recognitions.rec.result'), width: 240, render: (_: unknown, r) => (r.result ? t('recognitions.rec.resultValue', { name: r.resultName, docNo: r.resultDocNo ?? '', date: r.resultOn ?? '' }) : <StatusTag status="pending" name={r.resultName} />) },
    { key: 'certificate', title: t('recognitions.rec.certificate'), dataIndex: 'certificateNo', width: 160, render: (v: string | null, r) => (v ? t('recognitions.rec.certificateValue', { no: v, until: r.validUntil ?? t('recognitions.rec.openEnded') }) : '—') },
    {
      key: 'actions',
      title: t('recognitions.rec.actions'),
      width: 110,
      render: (_: unknown, r) =>
        canAct && !r.result ? (
          <Button size="small" onClick={() => setRow(r)}>
            {t('recognitions.rec.record')}
          </Button>
        ) : null,
    },
  ];
  const batchColumns: DataColumn<Batch>[] = [
    { key: 'title', title: t('recognitions.rec.batchCol'), dataIndex: 'title' },
    { key: 'upperBody', title: t('recognitions.rec.upperBody'), dataIndex: 'upperBody', width: 220 },
    { key: 'submittedOn', title: t('recognitions.rec.date'), dataIndex: 'submittedOn', width: 110 },
    { key: 'list', title: t('recognitions.rec.list'), width: 200, render: (_: unknown, b) => t('recognitions.rec.listValue', { total: b.total, recognised: b.recognised, notRecognised: b.notRecognised }) },
    { key: 'export', title: t('recognitions.rec.export'), width: 100, render: (_: unknown, b) => <Button size="small" onClick={() => downloadFile(`/api/recognition-batches/${b.id}/list.xlsx`, `${b.title}.xlsx`).catch((e) => message.error(errorMessage(e)))}>{t('recognitions.rec.export')}</Button> },
  ];
  return (
    <>
      <PageTitle title={t('recognitions.rec.title')}>
        <Typography.Text type="secondary">{t('recognitions.rec.intro')}</Typography.Text>
      </PageTitle>
      <Card>
        <DataTable<Item>
          tableId="recognitions.recommendations"
          rowKey="applicationId"
          data-testid="recommendations"
          columns={columns}
          query={list}
          rows={list.data?.items}
          pagination={{ pageSize: 10 }}
          rowSelection={canAct ? { selectedRowKeys: picked, onChange: (k) => setPicked(k as number[]), getCheckboxProps: (r) => ({ disabled: r.batchId !== null }) } : undefined}
          filters={
            <>
              <Select aria-label={t('recognitions.col.type')} style={{ width: 240 }} value={type} onChange={(v) => { setType(v); setPicked([]); }} options={UPPER_TYPES.map((value) => ({ value, label: typeName(value) }))} />
              <Radio.Group value={state} optionType="button" onChange={(e) => setState(e.target.value)}>
                <Radio.Button value="pending">{t('recognitions.rec.pending')}</Radio.Button>
                <Radio.Button value="recorded">{t('recognitions.rec.recordedFilter')}</Radio.Button>
                <Radio.Button value="all">{t('recognitions.rec.all')}</Radio.Button>
              </Radio.Group>
            </>
          }
          actions={
            canAct ? (
              <Button type="primary" disabled={!picked.length} loading={batch.isPending} onClick={makeBatch}>
                {t('recognitions.rec.makeBatch', { n: picked.length })}
              </Button>
            ) : null
          }
        />
      </Card>
      <Card title={t('recognitions.rec.batches')} style={{ marginTop: 16 }}>
        <DataTable<Batch> tableId="recognitions.batches" rowKey="id" columns={batchColumns} query={batches} rows={batches.data?.items} emptyText={t('recognitions.rec.none')} />
      </Card>
      <FormModal<ResultForm>
        form={form}
        title={t('recognitions.rec.modalTitle', { name: row?.enterpriseName ?? '' })}
        open={!!row}
        onClose={() => setRow(null)}
        onSubmit={submit}
        initialValues={{ recognised: true, resultOn: businessDayjs() }}
      >
        <Form.Item name="recognised" label={t('recognitions.rec.outcome')}>
          <Radio.Group options={[{ value: true, label: t('recognitions.rec.recognised') }, { value: false, label: t('recognitions.rec.notRecognised') }]} />
        </Form.Item>
        <Form.Item name="docNo" label={t('recognitions.rec.docNo')} rules={[{ required: true, message: t('recognitions.rec.docNoRequired') }]}>
          <Input placeholder={t('recognitions.rec.docNoPlaceholder')} />
        </Form.Item>
        <Form.Item name="resultOn" label={t('recognitions.rec.resultOn')} rules={[{ required: true, message: t('recognitions.rec.resultOnRequired') }]}>
          <DatePicker />
        </Form.Item>
        {recognised ? (
          <Form.Item name="certificateNo" label={t('recognitions.rec.certificateNo')}>
            <Input />
          </Form.Item>
        ) : null}
        <Form.Item name="comment" label={t('recognitions.rec.comment')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </FormModal>
    </>
  );
}
