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
import { useMessages } from '../../../lib/i18n';
import { subsidiesMessages } from '../messages';

type Row = ApplicationList['items'][number];
interface Values {
  programme: 'eagle' | 'qinglan';
  contactName: string;
  contactPhone: string;
  loans: { bank: string; contractNo: string; principal: number; rate: number; startOn: Dayjs; endOn: Dayjs }[];
}

/** 雏鹰/青蓝 loan interest subsidy: the firm's own applications, or the district's / city's worklist. */
export default function ApplicationsPage() {
  const t = useMessages(subsidiesMessages);
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
        title={t('subsidies.apps.title')}
        extra={
          <>
            <Link to="/public/interest-subsidy">{t('subsidies.apps.calculator')}</Link>
            {isFirm ? (
              <Button type="primary" onClick={() => setOpen(true)}>
                {t('subsidies.apps.apply')}
              </Button>
            ) : null}
          </>
        }
      >
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('subsidies.apps.intro')}
        </Typography.Paragraph>
      </PageTitle>
      <Card>
        <Space style={{ marginBottom: 12 }} wrap>
          <Segmented value={year} options={[2016, 2015]} onChange={(v) => { setYear(v as number); setPage(1); }} />
          {!isFirm ? <Segmented value={mine ? 'mine' : 'all'} options={[{ value: 'mine', label: t('subsidies.apps.mine') }, { value: 'all', label: t('subsidies.all') }]} onChange={(v) => { setMine(v === 'mine'); setPage(1); }} /> : null}
        </Space>
        {list.error ? <Alert type="error" message={errorMessage(list.error)} /> : null}
        <Table<Row>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: t('subsidies.col.no'), dataIndex: 'id', render: (id: number) => <Link to={`/subsidies/applications/${id}`}>{id}</Link> },
            { title: t('subsidies.col.enterprise'), dataIndex: 'enterpriseName' },
            { title: t('subsidies.col.district'), dataIndex: 'districtName' },
            { title: t('subsidies.col.programme'), dataIndex: 'programmeName' },
            { title: t('subsidies.col.year'), dataIndex: 'year' },
            { title: t('subsidies.col.loanCount'), dataIndex: 'loanCount' },
            { title: t('subsidies.col.requested'), dataIndex: 'requested', align: 'right', render: renderMoney },
            { title: t('subsidies.col.approved'), dataIndex: 'approved', align: 'right', render: renderMoney },
            { title: t('subsidies.col.status'), dataIndex: 'statusName', render: (s: string, r) => <StatusTag status={r.status} name={s} /> },
            { title: t('subsidies.col.due'), dataIndex: 'dueOn', render: (d: string | null) => d ?? '—' },
          ]}
        />
      </Card>
      <Modal title={t('subsidies.apps.applyTitle')} open={open} width={1100} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText={t('subsidies.apps.saveDraft')} confirmLoading={create.isPending} destroyOnHidden>
        <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ programme: 'eagle', loans: [{}] }}>
          <Form.Item name="programme" label={t('subsidies.programme')} rules={[{ required: true }]}>
            <Radio.Group options={[{ value: 'eagle', label: t('subsidies.programme.eagle') }, { value: 'qinglan', label: t('subsidies.programme.qinglan') }]} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="contactName" label={t('subsidies.contactName')} rules={[{ required: true, message: t('subsidies.contactNameRequired') }]}>
              <Input maxLength={30} />
            </Form.Item>
            <Form.Item name="contactPhone" label={t('subsidies.contactPhone')} rules={[{ required: true, message: t('subsidies.contactPhoneRequired') }]}>
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
