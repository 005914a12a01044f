import { Button, Card, Form, Input, Radio, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Dayjs } from 'dayjs';
import { DataTable, type DataColumn } from '../../../components/DataTable';
import { FormModal } from '../../../components/FormModal';
import { StatusTag } from '../../../components/StatusTag';
import { PageTitle } from '../../../components/PageTitle';
import { renderMoney } from '../../../components/Money';
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
  const create = useCreateApplication();

  const submit = async (v: Values) => {
    const a = await create.mutateAsync({
      programme: v.programme,
      year: 2016,
      contactName: v.contactName,
      contactPhone: v.contactPhone,
      loans: v.loans.map((l) => ({ bank: l.bank, contractNo: l.contractNo, principal: l.principal, rate: l.rate, startOn: l.startOn.format('YYYY-MM-DD'), endOn: l.endOn.format('YYYY-MM-DD') })),
    });
    void navigate(`/subsidies/applications/${a.id}`);
  };

  const columns: DataColumn<Row>[] = [
    { key: 'id', title: t('subsidies.col.no'), dataIndex: 'id', render: (id: number) => <Link to={`/subsidies/applications/${id}`}>{id}</Link> },
    { key: 'enterprise', title: t('subsidies.col.enterprise'), dataIndex: 'enterpriseName' },
    { key: 'district', title: t('subsidies.col.district'), dataIndex: 'districtName' },
    { key: 'programme', title: t('subsidies.col.programme'), dataIndex: 'programmeName' },
    { key: 'year', title: t('subsidies.col.year'), dataIndex: 'year' },
    { key: 'loanCount', title: t('subsidies.col.loanCount'), dataIndex: 'loanCount' },
    { key: 'requested', title: t('subsidies.col.requested'), dataIndex: 'requested', align: 'right', render: renderMoney },
    { key: 'approved', title: t('subsidies.col.approved'), dataIndex: 'approved', align: 'right', render: renderMoney },
    { key: 'status', title: t('subsidies.col.status'), dataIndex: 'statusName', render: (s: string, r) => <StatusTag status={r.status} name={s} /> },
    { key: 'due', title: t('subsidies.col.due'), dataIndex: 'dueOn', render: (d: string | null) => d ?? '—' },
  ];

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
        <DataTable<Row>
          tableId="subsidies.applications"
          rowKey="id"
          size="middle"
          columns={columns}
          query={list}
          rows={list.data?.items}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          filters={
            <>
              <Segmented value={year} options={[2016, 2015]} onChange={(v) => { setYear(v as number); setPage(1); }} />
              {!isFirm ? <Segmented value={mine ? 'mine' : 'all'} options={[{ value: 'mine', label: t('subsidies.apps.mine') }, { value: 'all', label: t('subsidies.all') }]} onChange={(v) => { setMine(v === 'mine'); setPage(1); }} /> : null}
            </>
          }
        />
      </Card>
      <FormModal<Values> title={t('subsidies.apps.applyTitle')} open={open} width={1100} onClose={() => setOpen(false)} onSubmit={submit} okText={t('subsidies.apps.saveDraft')} initialValues={{ programme: 'eagle', loans: [{}] as Values['loans'] }}>
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
      </FormModal>
    </>
  );
}
