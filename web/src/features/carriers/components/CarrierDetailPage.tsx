import { Button, Card, Descriptions, Form, Input, Select, Space, Table, Tabs, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { StatusTag } from '../../../components/StatusTag';
import { Money } from '../../../components/Money';
import { PageTitle } from '../../../components/PageTitle';
import { QueryFailure } from '../../../components/QueryState';
import { DataTable, type DataColumn } from '../../../components/DataTable';
import { FormModal } from '../../../components/FormModal';
import { businessDayjs } from '../../../lib/business-clock';
import { errorMessage } from '../../../lib/form-errors';
import { orDash } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import { useOpenApplication, type ApplicationForm } from '../api/applications';
import { useAddFirm, useCarrier, useEndFirm, useFirms, useUpdateCarrier, type CarrierDetail, type Firm } from '../api/carriers';
import { useRecommendNational } from '../api/national';
import { useSaveStats, type StatsFields } from '../api/stats';
import { GRADE_COLORS } from '../constants';
import { AssessDialog, AssessmentItems } from './AssessDialog';
import { ApplicationFormFields } from './ApplicationFormFields';
import { CarrierForm } from './CarrierForm';
import { NationalTab } from './NationalTab';
import { showErrors, withFlatFields } from './errors';
import { StatsFormFields } from './StatsFormFields';
import { carriersMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';

/** One carrier: profile, recognitions, firms, applications, annual statistics and assessments. */
export default function CarrierDetailPage() {
  const t = useMessages(carriersMessages);
  const id = Number(useParams().id);
  const me = useSession();
  const q = useCarrier(id);
  const isOperator = me.roles.includes('carrier_operator');
  const isOfficer = me.roles.includes('city_officer');
  const [dialog, setDialog] = useState<null | 'edit' | 'apply' | 'stats' | 'national' | 'assess'>(null);
  const update = useUpdateCarrier(id);
  if (q.isError) {
    return <QueryFailure query={q} />;
  }
  const c = q.data;
  if (!c) {
    return <Card loading />;
  }
  const live = c.recognitions.filter((r) => !r.revokedOn);
  const openApp = c.applications.some((a) => !['recognised', 'rejected'].includes(a.status));
  const canApply = isOperator && c.kind !== 'platform' && !c.exitedOn && !live.some((r) => r.level === 'municipal') && !openApp;
  return (
    <>
      <PageTitle
        title={c.name}
        extra={
          <>
            {isOperator ? <Button onClick={() => setDialog('edit')}>{t('carriers.detail.edit')}</Button> : null}
            {canApply ? (
              <Button type="primary" onClick={() => setDialog('apply')}>
                {t('carriers.detail.apply')}
              </Button>
            ) : null}
            {isOperator && c.kind !== 'platform' && !c.exitedOn ? <Button onClick={() => setDialog('stats')}>{t('carriers.detail.fileStats')}</Button> : null}
            {isOfficer && c.kind !== 'platform' && !c.exitedOn && live.some((r) => r.level === 'municipal') && !live.some((r) => r.level === 'national') ? <Button onClick={() => setDialog('national')}>{t('carriers.detail.recommend')}</Button> : null}
            {isOfficer && !c.exitedOn ? <Button onClick={() => setDialog('assess')}>{t('carriers.detail.assess')}</Button> : null}
          </>
        }
      >
        <Space wrap>
          <Tag>{c.kindName}</Tag>
          {c.nationalSince ? <Tag color="gold">{t('carriers.detail.nationalSince', { nationalSince: c.nationalSince })}</Tag> : null}
          {c.municipalSince ? <Tag color="green">{t('carriers.detail.municipalSince', { municipalSince: c.municipalSince })}</Tag> : null}
          {c.exitedOn ? <Tag color="red">{t('carriers.detail.exitedOn', { exitedOn: c.exitedOn })}{c.exitReason}</Tag> : null}
        </Space>
      </PageTitle>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('carriers.operator')}>{c.operatorName}</Descriptions.Item>
          <Descriptions.Item label={t('carriers.districtOf')}>{c.districtName}</Descriptions.Item>
          <Descriptions.Item label={t('carriers.parkOrTown')}>{orDash(c.parkName)}</Descriptions.Item>
          <Descriptions.Item label={t('carriers.areaShort')}>{c.areaM2.toLocaleString('zh-CN')} {t('carriers.squareMetres')}</Descriptions.Item>
          <Descriptions.Item label={t('carriers.address')}>{c.address}</Descriptions.Item>
          <Descriptions.Item label={t('carriers.foundedOn')}>{orDash(c.foundedOn)}</Descriptions.Item>
          <Descriptions.Item label={t('carriers.services')}>{c.services.join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('carriers.manager')}>{c.managers.map((m) => `${m.name}（${m.title}）`).join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('carriers.firmsInIncubation')}>
            {t('carriers.detail.firmCounts', { inIncubation: c.firms.inIncubation, graduated: c.firms.graduated, exited: c.firms.exited, total: c.firms.total })}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card>
        <Tabs
          items={[
            { key: 'rec', label: t('carriers.detail.recognitions'), children: <Recognitions c={c} /> },
            ...(c.kind === 'platform' || isOperator ? [] : [{ key: 'national', label: t('carriers.nationalRecommendations'), children: <NationalTab carrierId={c.id} /> }]),
            { key: 'firms', label: t('carriers.firmsInIncubation'), children: <Firms c={c} canEdit={isOperator && !c.exitedOn} /> },
            {
              key: 'apps',
              label: t('carriers.detail.applications', { length: c.applications.length }),
              children: (
                <Table
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={c.applications}
                  columns={[
                    { title: t('carriers.year'), dataIndex: 'year', width: 80 },
                    { title: t('carriers.detail.application'), dataIndex: 'id', render: (v: number) => <Link to={`/carriers/applications/${v}`}>{t('carriers.detail.applicationNo')}{v}</Link> },
                    { title: t('carriers.status'), dataIndex: 'statusName', render: (v: string, r) => <StatusTag status={r.status} name={v} /> },
                    { title: t('carriers.certificateNo'), dataIndex: 'certificateNo', render: orDash },
                  ]}
                />
              ),
            },
            {
              key: 'stats',
              label: t('carriers.detail.stats', { length: c.stats.length }),
              children: (
                <Table
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={c.stats}
                  columns={[
                    { title: t('carriers.statsYear'), dataIndex: 'year', render: (v: number, r) => <Link to={`/carriers/stats/${r.id}`}>{v}{t('carriers.detail.statsReport')}</Link> },
                    { title: t('carriers.status'), dataIndex: 'statusName', render: (v: string, r) => <StatusTag status={r.status} name={v} /> },
                  ]}
                />
              ),
            },
            {
              key: 'assess',
              label: t('carriers.detail.assessments', { length: c.assessments.length }),
              children: (
                <Table
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={c.assessments}
                  expandable={{ expandedRowRender: (a) => <AssessmentItems carrierKind={c.kind} assessment={a} /> }}
                  columns={[
                    { title: t('carriers.year'), dataIndex: 'year', width: 80 },
                    { title: t('carriers.kind'), dataIndex: 'kind', render: (v: string) => (v === 'annual' ? (c.kind === 'platform' ? t('carriers.assess.performance') : t('carriers.assess.annual')) : t('carriers.assess.acceptance')) },
                    { title: t('carriers.score'), dataIndex: 'score', align: 'right' },
                    { title: t('carriers.grade'), dataIndex: 'gradeName', render: (v: string, r) => <Tag color={GRADE_COLORS[r.grade]}>{r.kind === 'acceptance' ? (r.grade === 'pass' ? t('carriers.assess.passed') : t('carriers.assess.failed')) : v}</Tag> },
                    { title: t('carriers.subsidy'), dataIndex: 'subsidy', align: 'right', render: (v: number) => <Money value={v} /> },
                    { title: t('carriers.detail.payment'), dataIndex: 'paymentOrderId', render: (v: number | null, r) => (v ? t('carriers.detail.paymentOrder', { v }) : r.subsidy > 0 ? t('carriers.detail.paidBeforePlatform') : '—') },
                    { title: t('carriers.detail.assessedOn'), dataIndex: 'assessedOn' },
                  ]}
                />
              ),
            },
          ]}
        />
      </Card>
      <CarrierForm open={dialog === 'edit'} initial={c} onClose={() => setDialog(null)} onSubmit={({ kind: _k, ...rest }) => update.mutateAsync({ ...rest, version: c.version })} />
      {dialog === 'apply' ? <ApplyDialog c={c} onClose={() => setDialog(null)} /> : null}
      {dialog === 'stats' ? <StatsDialog c={c} onClose={() => setDialog(null)} /> : null}
      {dialog === 'national' ? <RecommendDialog c={c} onClose={() => setDialog(null)} /> : null}
      {dialog === 'assess' ? <AssessDialog c={c} onClose={() => setDialog(null)} /> : null}
    </>
  );
}

function Recognitions({ c }: { c: CarrierDetail }) {
  const t = useMessages(carriersMessages);
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={c.recognitions}
      locale={{ emptyText: t('carriers.detail.notRecognised') }}
      columns={[
        { title: t('carriers.level'), dataIndex: 'levelName', width: 80 },
        { title: t('carriers.detail.certificateOrDocument'), dataIndex: 'reference' },
        { title: t('carriers.recognisedBy'), dataIndex: 'issuer' },
        { title: t('carriers.detail.recognisedOn'), dataIndex: 'recognisedOn', width: 110 },
        { title: t('carriers.status'), render: (_: unknown, r) => (r.revokedOn ? <Tag color="red">{r.revokedOn}{t('carriers.detail.ended')}{r.revokeReason}</Tag> : <Tag color="green">{t('carriers.detail.valid')}</Tag>) },
      ]}
    />
  );
}

function Firms({ c, canEdit }: { c: CarrierDetail; canEdit: boolean }) {
  const t = useMessages(carriersMessages);
  const q = useFirms(c.id);
  const add = useAddFirm(c.id);
  const end = useEndFirm(c.id);
  const [form] = Form.useForm<{ firmName: string; enteredOn: string }>();
  const today = businessDayjs().format('YYYY-MM-DD');
  const finish = async (firm: Firm, outcome: 'graduated' | 'exited') => {
    try {
      await end.mutateAsync({ firmId: firm.id, outcome, on: today });
      message.success(outcome === 'graduated' ? t('carriers.firms.graduated') : t('carriers.firms.exited'));
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  const columns: DataColumn<Firm>[] = [
    { key: 'firm', title: t('carriers.firms.firm'), dataIndex: 'firmName', render: (v: string, r) => (r.enterpriseId ? <Link to={`/enterprises/${r.enterpriseId}`}>{v}</Link> : v) },
    { key: 'enteredOn', title: t('carriers.firms.in'), dataIndex: 'enteredOn', width: 110 },
    { key: 'graduatedOn', title: t('carriers.firms.graduate'), dataIndex: 'graduatedOn', width: 110, render: orDash },
    { key: 'exitedOn', title: t('carriers.firms.exit'), dataIndex: 'exitedOn', width: 110, render: orDash },
    {
      key: 'status',
      title: t('carriers.status'),
      dataIndex: 'statusName',
      width: canEdit ? 200 : 90,
      render: (v: string, r) =>
        r.status === 'incubating' && canEdit ? (
          <Space>
            <StatusTag status={r.status} name={v} />
            <Button size="small" onClick={() => void finish(r, 'graduated')}>
              {t('carriers.firms.graduate')}
            </Button>
            <Button size="small" danger onClick={() => void finish(r, 'exited')}>
              {t('carriers.firms.exit')}
            </Button>
          </Space>
        ) : (
          <StatusTag status={r.status} name={v} />
        ),
    },
  ];
  return (
    <>
      {canEdit ? (
        <Form
          form={form}
          layout="inline"
          style={{ marginBottom: 12 }}
          initialValues={{ enteredOn: today }}
          onFinish={async (v) => {
            try {
              await add.mutateAsync(v);
              form.resetFields();
              message.success(t('carriers.firms.admitted'));
            } catch (err) {
              showErrors(form, err, ['firmName', 'enteredOn']);
            }
          }}
        >
          <Form.Item name="firmName" rules={[{ required: true, message: t('carriers.firms.nameRequired') }]}>
            <Input aria-label={t('carriers.firms.nameAria')} placeholder={t('carriers.firms.namePlaceholder')} style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="enteredOn" rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('carriers.dateFormat') }]}>
            <Input aria-label={t('carriers.firms.admittedOn')} style={{ width: 130 }} />
          </Form.Item>
          <Button htmlType="submit" loading={add.isPending}>
            {t('carriers.firms.admit')}
          </Button>
        </Form>
      ) : null}
      <DataTable<Firm> tableId="carriers.carrier.firms" rowKey="id" columns={columns} query={q} rows={q.data?.items} pagination={{ pageSize: 15 }} />
    </>
  );
}

function ApplyDialog({ c, onClose }: { c: CarrierDetail; onClose: () => void }) {
  const t = useMessages(carriersMessages);
  const open = useOpenApplication(c.id);
  const navigate = useNavigate();
  const submit = async (v: ApplicationForm) => {
    const app = await withFlatFields(open.mutateAsync(v));
    message.success(t('carriers.apply.saved'));
    void navigate(`/carriers/applications/${app.id}`);
  };
  return (
    <FormModal<ApplicationForm> open title={t('carriers.apply.title', { kindName: c.kindName })} okText={t('carriers.saveDraft')} cancelText={t('common.cancel')} onClose={onClose} onSubmit={submit} width={640} initialValues={{ areaM2: c.areaM2, services: c.services as ApplicationForm['services'], operatingSince: c.foundedOn ?? undefined, firms: c.firms.inIncubation }}>
      <ApplicationFormFields />
    </FormModal>
  );
}

function StatsDialog({ c, onClose }: { c: CarrierDetail; onClose: () => void }) {
  const t = useMessages(carriersMessages);
  const save = useSaveStats(c.id);
  const navigate = useNavigate();
  const year = businessDayjs().year();
  const submit = async ({ year: y, ...fields }: StatsFields & { year: number }) => {
    const s = await withFlatFields(save.mutateAsync({ year: y, fields }));
    message.success(t('common.saved'));
    void navigate(`/carriers/stats/${s.id}`);
  };
  return (
    <FormModal<StatsFields & { year: number }> open title={t('carriers.stats.fileTitle')} okText={t('common.save')} cancelText={t('common.cancel')} onClose={onClose} onSubmit={submit} width={560} initialValues={{ year: year - 1 >= Number((c.foundedOn ?? '2000').slice(0, 4)) ? year - 1 : year, areaM2: c.areaM2, firmsInIncubation: c.firms.inIncubation }}>
      <Form.Item name="year" label={t('carriers.statsYear')} rules={[{ required: true }]}>
        <Select options={[year, year - 1, year - 2].map((y) => ({ value: y, label: t('carriers.yearLabel', { y }) }))} />
      </Form.Item>
      <StatsFormFields />
    </FormModal>
  );
}

function RecommendDialog({ c, onClose }: { c: CarrierDetail; onClose: () => void }) {
  const t = useMessages(carriersMessages);
  const recommend = useRecommendNational(c.id);
  const submit = async (v: { docNo?: string }) => {
    await withFlatFields(recommend.mutateAsync({ docNo: v.docNo || undefined }));
    message.success(t('carriers.recommend.done'));
  };
  return (
    <FormModal<{ docNo?: string }> open title={c.kind === 'incubator' ? t('carriers.recommend.incubatorTitle') : t('carriers.recommend.makerspaceTitle')} okText={t('carriers.recommend.submit')} cancelText={t('common.cancel')} onClose={onClose} onSubmit={submit}>
      <Typography.Paragraph type="secondary">{t('carriers.recommend.intro')}</Typography.Paragraph>
      <Form.Item name="docNo" label={t('carriers.recommend.documentNo')}>
        <Input placeholder={t('carriers.recommend.documentNoPlaceholder')} maxLength={60} />
      </Form.Item>
    </FormModal>
  );
}
