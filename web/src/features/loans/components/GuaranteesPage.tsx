import { Alert, Button, Card, Form, Input, InputNumber, Modal, Radio, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { renderMoney } from '../../../components/Money';
import { ApiError } from '../../../lib/api';
import { errorMessage } from '../../../lib/form-errors';
import { hasAnyRole, useSession } from '../../../lib/session';
import { useCreateGuarantee, useGuaranteePool, useGuarantees, type GuaranteeInput, type GuaranteeList } from '../api/guarantees';
import { PoolCard } from './CasePanels';

type Row = GuaranteeList['items'][number];
const COLOR: Record<string, string> = { guaranteed: 'blue', released: 'green', defaulted: 'orange', compensated: 'red', rejected: 'red' };

/** 政策性担保与助保贷（《杭州市科技型小微企业“助保贷”管理办法》）: applications, guarantees in force, defaults and compensation. */
export default function GuaranteesPage() {
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
      <PageTitle title="政策性担保与助保贷" extra={isFirm ? <Button type="primary" onClick={() => setOpen(true)}>申请担保</Button> : null}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          政策性科技担保和助保贷：银行放款即起保，担保费按政策补助；贷款到期还款解保，逾期违约由风险池向银行代偿。
        </Typography.Paragraph>
      </PageTitle>
      {isBureau ? <PoolCard pool={pool.data} /> : null}
      <Card>
        <Space style={{ marginBottom: 12 }} wrap>
          <Segmented value={year ?? 0} options={[{ value: 2016, label: '2016' }, { value: 2015, label: '2015' }, { value: 0, label: '全部年度' }]} onChange={(v) => { setYear(v === 0 ? undefined : (v as number)); setPage(1); }} />
          {!isFirm ? <Segmented value={mine ? 'mine' : 'all'} options={[{ value: 'mine', label: '待我处理' }, { value: 'all', label: '全部' }]} onChange={(v) => { setMine(v === 'mine'); setPage(1); }} /> : null}
        </Space>
        {list.error ? <Alert type="error" message={errorMessage(list.error)} /> : null}
        <Table<Row>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: '编号', dataIndex: 'id', render: (id: number) => <Link to={`/loans/guarantees/${id}`}>{id}</Link> },
            { title: '类别', dataIndex: 'typeName' },
            { title: '企业', dataIndex: 'enterpriseName' },
            { title: '区县', dataIndex: 'districtName' },
            { title: '银行', dataIndex: 'bank' },
            { title: '贷款金额（元）', dataIndex: 'amount', align: 'right', render: renderMoney },
            { title: '期限（月）', dataIndex: 'termMonths' },
            { title: '起保日', dataIndex: 'startsOn', render: (d: string | null) => d ?? '—' },
            { title: '到期日', dataIndex: 'endsOn', render: (d: string | null) => d ?? '—' },
            { title: '状态', dataIndex: 'statusName', render: (s: string, r) => <Tag color={COLOR[r.status] ?? 'processing'}>{s}</Tag> },
          ]}
        />
      </Card>
      <Modal title="申请政策性担保或助保贷" open={open} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText="保存草稿" confirmLoading={create.isPending} destroyOnHidden>
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
          <Form.Item name="scheme" label="类别"><Radio.Group options={[{ value: 'policy', label: '政策性担保' }, { value: 'zhubaodai', label: '助保贷' }]} /></Form.Item>
          <Form.Item name="bank" label="贷款银行" rules={[{ required: true, message: '请填写贷款银行' }]}><Input maxLength={60} /></Form.Item>
          <Form.Item name="amount" label="贷款金额（元）" rules={[{ required: true, message: '请填写贷款金额' }]}><InputNumber min={0} step={100000} precision={2} style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="termMonths" label="贷款期限（月）" rules={[{ required: true }]}><InputNumber min={1} max={36} precision={0} /></Form.Item>
          <Form.Item name="feeRate" label="担保费率（%/年）" rules={[{ required: true }]}><InputNumber min={0} max={3} step={0.1} precision={2} /></Form.Item>
        </Form>
        {problem ? <Alert type="error" showIcon message={problem} /> : null}
      </Modal>
    </>
  );
}
