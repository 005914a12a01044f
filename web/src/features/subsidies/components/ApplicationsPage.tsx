import { Alert, Button, Card, Form, Input, Modal, Radio, Segmented, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Dayjs } from 'dayjs';
import { StatusTag } from '../../../components/StatusTag';
import { PageTitle } from '../../../components/PageTitle';
import { renderMoney } from '../../../components/Money';
import { ApiError } from '../../../lib/api';
import { errorMessage } from '../../../lib/form-errors';
import { hasAnyRole, useSession } from '../../../lib/session';
import { useApplications, useCreateApplication, type ApplicationList } from '../api/applications';
import { LoanLines } from './LoanLines';

type Row = ApplicationList['items'][number];
interface Values {
  programme: 'eagle' | 'qinglan';
  contactName: string;
  contactPhone: string;
  loans: { bank: string; contractNo: string; principal: number; rate: number; startOn: Dayjs; endOn: Dayjs }[];
}

/** 雏鹰/青蓝 loan interest subsidy: the firm's own applications, or the district's / city's worklist. */
export default function ApplicationsPage() {
  const me = useSession();
  const navigate = useNavigate();
  const isFirm = hasAnyRole(me, ['enterprise_user']);
  const [year, setYear] = useState<number>(2016);
  const [mine, setMine] = useState(!isFirm && !hasAnyRole(me, ['auditor', 'city_admin']));
  const [page, setPage] = useState(1);
  const list = useApplications({ year, mine: mine ? 'true' : undefined, limit: 20, offset: (page - 1) * 20 });
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const create = useCreateApplication();
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (v: Values) => {
    setProblem(null);
    create.mutate(
      {
        programme: v.programme,
        year: 2016,
        contactName: v.contactName,
        contactPhone: v.contactPhone,
        loans: v.loans.map((l) => ({ bank: l.bank, contractNo: l.contractNo, principal: l.principal, rate: l.rate, startOn: l.startOn.format('YYYY-MM-DD'), endOn: l.endOn.format('YYYY-MM-DD') })),
      },
      {
        onSuccess: (a) => navigate(`/subsidies/applications/${a.id}`),
        onError: (err) => {
          if (err instanceof ApiError && err.fields.length) {
            form.setFields(err.fields.map((f) => ({ name: (/^loans\.\d+\./.test(f.field) ? ['loans', Number(f.field.split('.')[1]), f.field.split('.')[2]] : [f.field]) as never, errors: [f.message] })));
          }
          setProblem(errorMessage(err));
        },
      },
    );
  };

  return (
    <>
      <PageTitle
        title="雏鹰青蓝贷款贴息"
        extra={
          <>
            <Link to="/public/interest-subsidy">贴息测算</Link>
            {isFirm ? (
              <Button type="primary" onClick={() => setOpen(true)}>
                申请2016年度贴息
              </Button>
            ) : null}
          </>
        }
      >
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          持有效雏鹰、青蓝认定且上年度绩效考核合格的企业申请；区县审核、市科委按测算规则核定金额，计划财务处拨付。
        </Typography.Paragraph>
      </PageTitle>
      <Card>
        <Space style={{ marginBottom: 12 }} wrap>
          <Segmented value={year} options={[2016, 2015]} onChange={(v) => { setYear(v as number); setPage(1); }} />
          {!isFirm ? <Segmented value={mine ? 'mine' : 'all'} options={[{ value: 'mine', label: '待我处理' }, { value: 'all', label: '全部' }]} onChange={(v) => { setMine(v === 'mine'); setPage(1); }} /> : null}
        </Space>
        {list.error ? <Alert type="error" message={errorMessage(list.error)} /> : null}
        <Table<Row>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: '编号', dataIndex: 'id', render: (id: number) => <Link to={`/subsidies/applications/${id}`}>{id}</Link> },
            { title: '企业', dataIndex: 'enterpriseName' },
            { title: '区县', dataIndex: 'districtName' },
            { title: '计划', dataIndex: 'programmeName' },
            { title: '年度', dataIndex: 'year' },
            { title: '贷款笔数', dataIndex: 'loanCount' },
            { title: '测算金额（元）', dataIndex: 'requested', align: 'right', render: renderMoney },
            { title: '核定金额（元）', dataIndex: 'approved', align: 'right', render: renderMoney },
            { title: '状态', dataIndex: 'statusName', render: (s: string, r) => <StatusTag status={r.status} name={s} /> },
            { title: '办理期限', dataIndex: 'dueOn', render: (d: string | null) => d ?? '—' },
          ]}
        />
      </Card>
      <Modal title="申请2016年度贷款贴息" open={open} width={1100} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText="保存草稿" confirmLoading={create.isPending} destroyOnHidden>
        <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ programme: 'eagle', loans: [{}] }}>
          <Form.Item name="programme" label="资助计划" rules={[{ required: true }]}>
            <Radio.Group options={[{ value: 'eagle', label: '雏鹰计划' }, { value: 'qinglan', label: '青蓝计划' }]} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="contactName" label="联系人" rules={[{ required: true, message: '请填写联系人' }]}>
              <Input maxLength={30} />
            </Form.Item>
            <Form.Item name="contactPhone" label="联系电话" rules={[{ required: true, message: '请填写联系电话' }]}>
              <Input maxLength={20} />
            </Form.Item>
          </Space>
          <LoanLines withContract />
        </Form>
        {problem ? <Alert style={{ marginTop: 12 }} type="error" showIcon message={problem} /> : null}
      </Modal>
    </>
  );
}
