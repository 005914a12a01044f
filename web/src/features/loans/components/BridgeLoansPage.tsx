import { Alert, Button, Card, Form, Input, InputNumber, Modal, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { renderMoney } from '../../../components/Money';
import { ApiError } from '../../../lib/api';
import { errorMessage } from '../../../lib/form-errors';
import { hasAnyRole, useSession } from '../../../lib/session';
import { useBridgeLoans, useBridgePool, useCreateBridgeLoan, type BridgeInput, type BridgeList } from '../api/bridge';
import { PoolCard } from './CasePanels';

type Row = BridgeList['items'][number];
const COLOR: Record<string, string> = { disbursed: 'blue', repaid: 'green', repaid_late: 'orange', rejected: 'red' };

/** 融资周转金: a firm's own bridge loans, or the bureau's worklist with the revolving pool's balances. */
export default function BridgeLoansPage() {
  const me = useSession();
  const navigate = useNavigate();
  const isFirm = hasAnyRole(me, ['enterprise_user']);
  const isBureau = hasAnyRole(me, ['city_officer', 'district_officer', 'auditor', 'city_admin']);
  const [year, setYear] = useState<number | undefined>(2016);
  const [mine, setMine] = useState(hasAnyRole(me, ['city_officer', 'district_officer']));
  const [page, setPage] = useState(1);
  const list = useBridgeLoans({ year, mine: mine ? 'true' : undefined, limit: 20, offset: (page - 1) * 20 });
  const pool = useBridgePool(isBureau);
  const create = useCreateBridgeLoan();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<BridgeInput>();
  const [problem, setProblem] = useState<string | null>(null);

  return (
    <>
      <PageTitle title="融资周转金" extra={isFirm ? <Button type="primary" onClick={() => setOpen(true)}>申请周转金</Button> : null}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          科技型中小企业银行贷款到期续贷时，由周转金资金池过桥；到期归还后资金回到资金池循环使用。资金池余额不足时不能放款。
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
            { title: '编号', dataIndex: 'id', render: (id: number) => <Link to={`/loans/bridge/${id}`}>{id}</Link> },
            { title: '企业', dataIndex: 'enterpriseName' },
            { title: '区县', dataIndex: 'districtName' },
            { title: '原贷款银行', dataIndex: 'bank' },
            { title: '申请金额（元）', dataIndex: 'requested', align: 'right', render: renderMoney },
            { title: '批准金额（元）', dataIndex: 'approved', align: 'right', render: renderMoney },
            { title: '放款日', dataIndex: 'disbursedOn', render: (d: string | null) => d ?? '—' },
            { title: '应还日', dataIndex: 'repayBy', render: (d: string | null, r) => (d ? <span style={r.overdue ? { color: '#cf1322' } : undefined}>{d}{r.overdue ? '（已逾期）' : ''}</span> : '—') },
            { title: '状态', dataIndex: 'statusName', render: (s: string, r) => <Tag color={COLOR[r.status] ?? 'processing'}>{s}</Tag> },
          ]}
        />
      </Card>
      <Modal title="申请融资周转金" open={open} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText="保存草稿" confirmLoading={create.isPending} destroyOnHidden>
        <Form<BridgeInput>
          form={form}
          layout="vertical"
          initialValues={{ termDays: 60 }}
          onFinish={(v) =>
            create.mutate(v, {
              onSuccess: (c) => navigate(`/loans/bridge/${c.id}`),
              onError: (err) => {
                if (err instanceof ApiError) {
                  form.setFields(err.fields.map((f) => ({ name: f.field as never, errors: [f.message] })));
                }
                setProblem(errorMessage(err));
              },
            })
          }
        >
          <Form.Item name="bank" label="原贷款银行" rules={[{ required: true, message: '请填写原贷款银行' }]}><Input maxLength={60} /></Form.Item>
          <Form.Item name="bankLoanNo" label="原贷款合同编号" rules={[{ required: true, message: '请填写原贷款合同编号' }]}><Input maxLength={60} /></Form.Item>
          <Form.Item name="amount" label="申请金额（元）" rules={[{ required: true, message: '请填写申请金额' }]}><InputNumber min={0} step={100000} precision={2} style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="termDays" label="使用天数" rules={[{ required: true, message: '请填写使用天数' }]}><InputNumber min={1} max={90} precision={0} /></Form.Item>
          <Form.Item name="purpose" label="用途说明"><Input.TextArea rows={2} maxLength={300} /></Form.Item>
        </Form>
        {problem ? <Alert type="error" showIcon message={problem} /> : null}
      </Modal>
    </>
  );
}
