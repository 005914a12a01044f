import { Button, Card, Form, Input, InputNumber, Radio, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { DataTable, type DataColumn } from '../../../components/DataTable';
import { FormModal } from '../../../components/FormModal';
import { MoneyInput } from '../../../components/MoneyInput';
import { PageTitle } from '../../../components/PageTitle';
import { renderMoney } from '../../../components/Money';
import { StatusTag, type Tone } from '../../../components/StatusTag';
import { hasAnyRole, useSession } from '../../../lib/session';
import { useAssessments, useGradeAssessment, useReportAssessment, type Assessment, type AssessmentInput, type GradeInput } from '../api/assessments';
import { useMessages } from '../../../lib/i18n';
import { subsidiesMessages } from '../messages';

/** How a grade reads at a glance (its words, gradeName, come from the API). */
const GRADE_TONE: Record<string, Tone> = { excellent: 'success', pass: 'processing', fail: 'error' };

/** 雏鹰/青蓝 annual performance assessment (绩效考核): the firm reports, the officer grades; 不合格 stops next year's subsidy. */
export default function AssessmentsPage() {
  const t = useMessages(subsidiesMessages);
  const me = useSession();
  const isFirm = hasAnyRole(me, ['enterprise_user']);
  const canGrade = hasAnyRole(me, ['city_officer', 'district_officer']);
  const [year, setYear] = useState(2015);
  const [graded, setGraded] = useState<'true' | 'false' | undefined>(canGrade ? 'false' : undefined);
  const [page, setPage] = useState(1);
  const list = useAssessments({ year, graded, limit: 20, offset: (page - 1) * 20 });
  const report = useReportAssessment();
  const grade = useGradeAssessment();
  const [reporting, setReporting] = useState(false);
  const [grading, setGrading] = useState<Assessment | null>(null);

  const columns: DataColumn<Assessment>[] = [
    { key: 'enterprise', title: t('subsidies.col.enterprise'), dataIndex: 'enterpriseName' },
    { key: 'district', title: t('subsidies.col.district'), dataIndex: 'districtName' },
    { key: 'programme', title: t('subsidies.col.programme'), dataIndex: 'programmeName' },
    { key: 'year', title: t('subsidies.col.year'), dataIndex: 'year' },
    { key: 'revenue', title: t('subsidies.assess.revenue'), dataIndex: 'revenue', align: 'right', render: renderMoney },
    { key: 'rdSpend', title: t('subsidies.assess.rdSpend'), dataIndex: 'rdSpend', align: 'right', render: renderMoney },
    { key: 'employees', title: t('subsidies.assess.employees'), dataIndex: 'employees' },
    { key: 'newJobs', title: t('subsidies.assess.newJobs'), dataIndex: 'newJobs' },
    { key: 'ipCount', title: t('subsidies.assess.ipCount'), dataIndex: 'ipCount' },
    {
      key: 'status',
      title: t('subsidies.assess.grade'),
      dataIndex: 'gradeName',
      render: (n: string | null, r) => (n && r.grade ? <StatusTag status={r.grade} name={n} tone={GRADE_TONE[r.grade]} /> : <StatusTag status="pending" name={t('subsidies.assess.pending')} tone="default" />),
    },
    { key: 'comment', title: t('subsidies.assess.comment'), dataIndex: 'gradeComment', render: (c: string | null, r) => (r.grade === 'fail' && r.recognitionId && !isFirm ? <>{c} <Link to="/recognitions/register">{t('subsidies.assess.revoke')}</Link></> : c) },
    ...(canGrade
      ? [{ key: 'actions', title: t('subsidies.actions'), render: (_: unknown, r: Assessment) => <Button size="small" onClick={() => setGrading(r)}>{r.grade ? t('subsidies.assess.adjust') : t('subsidies.assess.assess')}</Button> }]
      : []),
  ];

  return (
    <>
      <PageTitle title={t('subsidies.assess.title')} extra={isFirm ? <Button type="primary" onClick={() => setReporting(true)}>{t('subsidies.assess.report')}</Button> : null}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('subsidies.assess.intro')}
        </Typography.Paragraph>
      </PageTitle>
      <Card>
        <DataTable<Assessment>
          tableId="subsidies.assessments"
          rowKey="id"
          columns={columns}
          query={list}
          rows={list.data?.items}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          filters={
            <>
              <Segmented value={year} options={[2015, 2014]} onChange={(v) => { setYear(v as number); setPage(1); }} />
              <Segmented value={graded ?? 'all'} options={[{ value: 'false', label: t('subsidies.assess.pending') }, { value: 'true', label: t('subsidies.assess.done') }, { value: 'all', label: t('subsidies.all') }]} onChange={(v) => { setGraded(v === 'all' ? undefined : (v as 'true' | 'false')); setPage(1); }} />
            </>
          }
        />
      </Card>
      <FormModal<GradeInput>
        title={grading ? t('subsidies.assess.gradeTitle', { enterprise: grading.enterpriseName, year: grading.year, programme: grading.programmeName }) : ''}
        open={!!grading}
        onClose={() => setGrading(null)}
        onSubmit={(v) => grade.mutateAsync({ id: grading!.id, body: { grade: v.grade, comment: v.comment || null } })}
        initialValues={{ grade: grading?.grade ?? 'pass', comment: grading?.gradeComment ?? '' }}
      >
        <Form.Item name="grade" rules={[{ required: true }]}>
          <Radio.Group options={[{ value: 'excellent', label: t('subsidies.grade.excellent') }, { value: 'pass', label: t('subsidies.grade.pass') }, { value: 'fail', label: t('subsidies.grade.fail') }]} />
        </Form.Item>
        <Form.Item name="comment">
          <Input.TextArea rows={3} maxLength={500} placeholder={t('subsidies.assess.commentHint')} />
        </Form.Item>
      </FormModal>
      <FormModal<AssessmentInput> title={t('subsidies.assess.report')} open={reporting} onClose={() => setReporting(false)} onSubmit={(v) => report.mutateAsync(v)} initialValues={{ programme: 'eagle', year: 2015 }}>
        <Form.Item name="programme" label={t('subsidies.col.programme')}><Radio.Group options={[{ value: 'eagle', label: t('subsidies.programme.eagle') }, { value: 'qinglan', label: t('subsidies.programme.qinglan') }]} /></Form.Item>
        <Form.Item name="year" label={t('subsidies.assess.year')} rules={[{ required: true }]}><InputNumber min={2000} max={2100} precision={0} /></Form.Item>
        {(
          [
            ['revenue', t('subsidies.assess.revenue'), true],
            ['rdSpend', t('subsidies.assess.rdSpend'), true],
            ['tax', t('subsidies.assess.tax'), true],
            ['employees', t('subsidies.assess.employeesField'), false],
            ['newJobs', t('subsidies.assess.newJobs'), false],
            ['ipCount', t('subsidies.assess.ipCountField'), false],
          ] as const
        ).map(([name, label, money]) => (
          <Form.Item key={name} name={name} label={label} rules={[{ required: true, message: t('subsidies.assess.fieldRequired', { field: label }) }]}>
            {money ? <MoneyInput style={{ width: '100%' }} /> : <InputNumber min={0} style={{ width: '100%' }} precision={0} />}
          </Form.Item>
        ))}
        <Form.Item name="summary" label={t('subsidies.assess.summary')}><Input.TextArea rows={3} maxLength={1000} /></Form.Item>
      </FormModal>
    </>
  );
}
