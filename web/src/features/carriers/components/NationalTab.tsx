import { Button, Form, Input, Radio, Select, message } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { DataTable, type DataColumn } from '../../../components/DataTable';
import { FormModal } from '../../../components/FormModal';
import { StatusTag } from '../../../components/StatusTag';
import { orDash } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import { useNationalCases, useRecordNationalResult, type NationalCase, type NationalQuery, type NationalResult } from '../api/national';
import { withFlatFields } from './errors';
import { carriersMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';

/** 国家级推荐上报: the city's recommendations to 科技部 and the results recorded with their document numbers. */
export function NationalTab({ carrierId }: { carrierId?: number }) {
  const t = useMessages(carriersMessages);
  const me = useSession();
  const isCity = me.roles.includes('city_officer');
  const [status, setStatus] = useState<NationalQuery['status']>(carrierId ? undefined : 'recommended');
  const q = useNationalCases({ status, carrierId });
  const [recording, setRecording] = useState<NationalCase | null>(null);
  const columns: DataColumn<NationalCase>[] = [
    { key: 'carrier', title: t('carriers.carrier'), dataIndex: 'carrierName', render: (v: string, r) => <Link to={`/carriers/${r.carrierId}`}>{v}</Link> },
    { key: 'type', title: t('carriers.national.recommendedAs'), dataIndex: 'typeName' },
    { key: 'district', title: t('carriers.district'), dataIndex: 'districtName', width: 90 },
    { key: 'recommendedOn', title: t('carriers.national.recommendedOn'), dataIndex: 'recommendedOn', width: 110 },
    { key: 'recommendDocNo', title: t('carriers.national.documentNo'), dataIndex: 'recommendDocNo', render: orDash },
    { key: 'status', title: t('carriers.status'), dataIndex: 'statusName', render: (v: string, r) => <StatusTag status={r.status} name={v} /> },
    { key: 'result', title: t('carriers.national.resultDocument'), render: (_: unknown, r) => (r.resultDocNo ? `${r.resultDocNo}（${r.resultOn}）` : '—') },
    ...(isCity
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 120,
            render: (_: unknown, r: NationalCase) =>
              r.status === 'recommended' ? (
                <Button size="small" onClick={() => setRecording(r)}>
                  {t('carriers.national.registerResult')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];
  return (
    <>
      <DataTable<NationalCase>
        tableId={carrierId ? 'carriers.carrier.national' : 'carriers.national'}
        rowKey="id"
        columns={columns}
        query={q}
        rows={q.data?.items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        filters={
          carrierId ? null : (
            <Select
              allowClear
              placeholder={t('carriers.allStatuses')}
              aria-label={t('carriers.national.status')}
              value={status}
              onChange={setStatus}
              style={{ width: 200 }}
              options={[
                { value: 'recommended', label: t('carriers.national.pending') },
                { value: 'recognised', label: t('carriers.national.granted') },
                { value: 'not_recognised', label: t('carriers.national.refused') },
              ]}
            />
          )
        }
      />
      {recording ? <ResultDialog n={recording} onClose={() => setRecording(null)} /> : null}
    </>
  );
}

type ResultValues = Omit<NationalResult, 'recognised'> & { recognised: 'yes' | 'no' };

function ResultDialog({ n, onClose }: { n: NationalCase; onClose: () => void }) {
  const t = useMessages(carriersMessages);
  const record = useRecordNationalResult();
  const submit = async (v: ResultValues) => {
    await withFlatFields(record.mutateAsync({ id: n.id, recognised: v.recognised === 'yes', docNo: v.docNo, resultOn: v.resultOn, issuer: v.issuer || undefined, comment: v.comment || undefined }));
    message.success(v.recognised === 'yes' ? t('carriers.national.grantedDone', { carrierName: n.carrierName, resultOn: v.resultOn, typeName: n.typeName }) : t('carriers.national.refusedDone'));
  };
  return (
    <FormModal<ResultValues> open title={t('carriers.national.resultTitle', { carrierName: n.carrierName })} okText={t('carriers.national.register')} cancelText={t('common.cancel')} onClose={onClose} onSubmit={submit} initialValues={{ recognised: 'yes', issuer: t('carriers.national.most') }}>
      <Form.Item name="recognised" label={t('carriers.national.result')}>
        <Radio.Group options={[{ value: 'yes', label: t('carriers.national.recognisedAs', { typeName: n.typeName }) }, { value: 'no', label: t('carriers.national.notRecognised') }]} />
      </Form.Item>
      <Form.Item name="docNo" label={t('carriers.national.resultDocumentNo')} rules={[{ required: true, message: t('carriers.national.documentNoRequired') }]}>
        <Input placeholder={t('carriers.national.documentNoPlaceholder')} maxLength={60} />
      </Form.Item>
      <Form.Item name="resultOn" label={t('carriers.national.documentDate')} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('carriers.dateFormat') }]} extra={t('carriers.national.notBefore', { recommendedOn: n.recommendedOn })}>
        <Input placeholder="YYYY-MM-DD" />
      </Form.Item>
      <Form.Item name="issuer" label={t('carriers.recognisedBy')}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="comment" label={t('carriers.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
