import { Alert, Button, Card, Form, Input, InputNumber, Modal, Radio, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { renderMoney } from '../../../components/Money';
import { ApiError } from '../../../lib/api';
import { errorMessage } from '../../../lib/form-errors';
import { useMessages } from '../../../lib/i18n';
import { loansMessages } from '../messages';
import { hasAnyRole, useSession } from '../../../lib/session';
import { useCreateGuarantee, useGuaranteePool, useGuarantees, type GuaranteeInput, type GuaranteeList } from '../api/guarantees';
import { PoolCard } from './CasePanels';

type Row = GuaranteeList['items'][number];
const COLOR: Record<string, string> = { guaranteed: 'blue', released: 'green', defaulted: 'orange', compensated: 'red', rejected: 'red' };

/** 政策性担保与助保贷（《杭州市科技型小微企业“助保贷”管理办法》）: applications, guarantees in force, defaults and compensation. */
export default function GuaranteesPage() {
  const t = useMessages(loansMessages);
  const me = useSession();
  const navigate = useNavigate();
  const isFirm = hasAnyRole(me, ['enterprise_user']);
  const isBureau = hasAnyRole(me, ['city_officer', 'district_officer', 'auditor', 'city_admin']);
  const [year, setYear] = useState<number | undefined>(2016);
  const [mine, setMine] = useState(hasAnyRole(me, ['city_officer', 'district_officer']));
  const [page, setPage] = useState(1);
  const list = useGuarantees({ year, mine: mine ? 'true' : undefined, limit: 20, offset: (page - 1) * 20 });
  const pool = useGuaranteePool(isBureau);
  const create = useCreateGuarantee();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<GuaranteeInput>();
  const [problem, setProblem] = useState<string | null>(null);

  return (
    <>
      <PageTitle title={t('loans.guarantees.title')} extra={isFirm ? <Button type="primary" onClick={() => setOpen(true)}>{t('loans.guarantees.apply')}</Button> : null}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('loans.guarantees.intro')}
        </Typography.Paragraph>
      </PageTitle>
      {isBureau ? <PoolCard pool={pool.data} /> : null}
      <Card>
        <Space style={{ marginBottom: 12 }} wrap>
          <Segmented value={year ?? 0} options={[{ value: 2016, label: '2016' }, { value: 2015, label: '2015' }, { value: 0, label: t('loans.yearAll') }]} onChange={(v) => { setYear(v === 0 ? undefined : (v as number)); setPage(1); }} />
          {!isFirm ? <Segmented value={mine ? 'mine' : 'all'} options={[{ value: 'mine', label: t('loans.mine') }, { value: 'all', label: t('loans.all') }]} onChange={(v) => { setMine(v === 'mine'); setPage(1); }} /> : null}
        </Space>
        {list.error ? <Alert type="error" message={errorMessage(list.error)} /> : null}
        <Table<Row>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: t('loans.id'), dataIndex: 'id', render: (id: number) => <Link to={`/loans/guarantees/${id}`}>{id}</Link> },
            { title: t('loans.guarantees.type'), dataIndex: 'typeName' },
            { title: t('loans.enterprise'), dataIndex: 'enterpriseName' },
            { title: t('loans.district'), dataIndex: 'districtName' },
            { title: t('loans.guarantees.bank'), dataIndex: 'bank' },
            { title: t('loans.guarantees.amountYuan'), dataIndex: 'amount', align: 'right', render: renderMoney },
            { title: t('loans.guarantees.termMonths'), dataIndex: 'termMonths' },
            { title: t('loans.guarantees.startsOn'), dataIndex: 'startsOn', render: (d: string | null) => d ?? '—' },
            { title: t('loans.guarantees.endsOn'), dataIndex: 'endsOn', render: (d: string | null) => d ?? '—' },
            { title: t('loans.status'), dataIndex: 'statusName', render: (s: string, r) => <Tag color={COLOR[r.status] ?? 'processing'}>{s}</Tag> },
          ]}
        />
      </Card>
      <Modal title={t('loans.guarantees.applyTitle')} open={open} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText={t('loans.saveDraft')} confirmLoading={create.isPending} destroyOnHidden>
        <Form<GuaranteeInput>
          form={form}
          layout="vertical"
          initialValues={{ scheme: 'policy', termMonths: 12, feeRate: 1.5 }}
          onFinish={(v) =>
            create.mutate(v, {
              onSuccess: (c) => navigate(`/loans/guarantees/${c.id}`),
              onError: (err) => {
                if (err instanceof ApiError) {
                  form.setFields(err.fields.map((f) => ({ name: f.field as never, errors: [f.message] })));
                }
                setProblem(errorMessage(err));
              },
            })
          }
        >
          <Form.Item name="scheme" label={t('loans.guarantees.type')}><Radio.Group options={[{ value: 'policy', label: t('loans.guarantees.policy') }, { value: 'zhubaodai', label: t('loans.guarantees.zhubaodai') }]} /></Form.Item>
          <Form.Item name="bank" label={t('loans.guarantees.lender')} rules={[{ required: true, message: t('loans.guarantees.lenderRequired') }]}><Input maxLength={60} /></Form.Item>
          <Form.Item name="amount" label={t('loans.guarantees.amountYuan')} rules={[{ required: true, message: t('loans.guarantees.amountRequired') }]}><InputNumber min={0} step={100000} precision={2} style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="termMonths" label={t('loans.guarantees.loanTerm')} rules={[{ required: true }]}><InputNumber min={1} max={36} precision={0} /></Form.Item>
          <Form.Item name="feeRate" label={t('loans.guarantees.feeRateField')} rules={[{ required: true }]}><InputNumber min={0} max={3} step={0.1} precision={2} /></Form.Item>
        </Form>
        {problem ? <Alert type="error" showIcon message={problem} /> : null}
      </Modal>
    </>
  );
}
