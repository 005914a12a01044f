import { Alert, Button, Card, Form, Input, InputNumber, Modal, Radio, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { renderMoney } from '../../../components/Money';
import { errorMessage } from '../../../lib/form-errors';
import { hasAnyRole, useSession } from '../../../lib/session';
import { useAssessments, useGradeAssessment, useReportAssessment, type Assessment, type AssessmentInput } from '../api/assessments';
import { useMessages } from '../../../lib/i18n';
import { subsidiesMessages } from '../messages';

const GRADE_COLOR: Record<string, string> = { excellent: 'green', pass: 'blue', fail: 'red' };

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
  const [g, setG] = useState<'excellent' | 'pass' | 'fail'>('pass');
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [form] = Form.useForm<AssessmentInput>();

  return (
    <>
      <PageTitle title={t('subsidies.assess.title')} extra={isFirm ? <Button type="primary" onClick={() => setReporting(true)}>{t('subsidies.assess.report')}</Button> : null}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('subsidies.assess.intro')}
        </Typography.Paragraph>
      </PageTitle>
      <Card>
        <Space style={{ marginBottom: 12 }} wrap>
          <Segmented value={year} options={[2015, 2014]} onChange={(v) => { setYear(v as number); setPage(1); }} />
          <Segmented value={graded ?? 'all'} options={[{ value: 'false', label: t('subsidies.assess.pending') }, { value: 'true', label: t('subsidies.assess.done') }, { value: 'all', label: t('subsidies.all') }]} onChange={(v) => { setGraded(v === 'all' ? undefined : (v as 'true' | 'false')); setPage(1); }} />
        </Space>
        {list.error ? <Alert type="error" message={errorMessage(list.error)} /> : null}
        <Table<Assessment>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: t('subsidies.col.enterprise'), dataIndex: 'enterpriseName' },
            { title: t('subsidies.col.district'), dataIndex: 'districtName' },
            { title: t('subsidies.col.programme'), dataIndex: 'programmeName' },
            { title: t('subsidies.col.year'), dataIndex: 'year' },
            { title: t('subsidies.assess.revenue'), dataIndex: 'revenue', align: 'right', render: renderMoney },
            { title: t('subsidies.assess.rdSpend'), dataIndex: 'rdSpend', align: 'right', render: renderMoney },
            { title: t('subsidies.assess.employees'), dataIndex: 'employees' },
            { title: t('subsidies.assess.newJobs'), dataIndex: 'newJobs' },
            { title: t('subsidies.assess.ipCount'), dataIndex: 'ipCount' },
            { title: t('subsidies.assess.grade'), dataIndex: 'gradeName', render: (n: string | null, r) => (n ? <Tag color={GRADE_COLOR[r.grade!]}>{n}</Tag> : <Tag>{t('subsidies.assess.pending')}</Tag>) },
            { title: t('subsidies.assess.comment'), dataIndex: 'gradeComment', render: (c: string | null, r) => (r.grade === 'fail' && r.recognitionId && !isFirm ? <>{c} <Link to="/recognitions/register">{t('subsidies.assess.revoke')}</Link></> : c) },
            ...(canGrade ? [{ title: t('subsidies.actions'), render: (_: unknown, r: Assessment) => <Button size="small" onClick={() => { setGrading(r); setG(r.grade ?? 'pass'); setComment(r.gradeComment ?? ''); setProblem(null); }}>{r.grade ? t('subsidies.assess.adjust') : t('subsidies.assess.assess')}</Button> }] : []),
          ]}
        />
      </Card>
      <Modal
        title={grading ? t('subsidies.assess.gradeTitle', { enterprise: grading.enterpriseName, year: grading.year, programme: grading.programmeName }) : ''}
        open={!!grading}
        onCancel={() => setGrading(null)}
        confirmLoading={grade.isPending}
        onOk={() => grading && grade.mutate({ id: grading.id, body: { grade: g, comment: comment || null } }, { onSuccess: () => setGrading(null), onError: (e) => setProblem(errorMessage(e)) })}
      >
        <Radio.Group value={g} onChange={(e) => setG(e.target.value)} options={[{ value: 'excellent', label: t('subsidies.grade.excellent') }, { value: 'pass', label: t('subsidies.grade.pass') }, { value: 'fail', label: t('subsidies.grade.fail') }]} />
        <Input.TextArea style={{ marginTop: 12 }} rows={3} maxLength={500} placeholder={t('subsidies.assess.commentHint')} value={comment} onChange={(e) => setComment(e.target.value)} />
        {problem ? <Alert style={{ marginTop: 12 }} type="error" showIcon message={problem} /> : null}
      </Modal>
      <Modal title={t('subsidies.assess.report')} open={reporting} onCancel={() => setReporting(false)} onOk={() => form.submit()} confirmLoading={report.isPending} destroyOnHidden>
        <Form<AssessmentInput>
          form={form}
          layout="vertical"
          initialValues={{ programme: 'eagle', year: 2015 }}
          onFinish={(v) => report.mutate(v, { onSuccess: () => setReporting(false), onError: (e) => setProblem(errorMessage(e)) })}
        >
          <Form.Item name="programme" label={t('subsidies.col.programme')}><Radio.Group options={[{ value: 'eagle', label: t('subsidies.programme.eagle') }, { value: 'qinglan', label: t('subsidies.programme.qinglan') }]} /></Form.Item>
          <Form.Item name="year" label={t('subsidies.assess.year')} rules={[{ required: true }]}><InputNumber min={2000} max={2100} precision={0} /></Form.Item>
          {(
            [
              ['revenue', t('subsidies.assess.revenue')],
              ['rdSpend', t('subsidies.assess.rdSpend')],
              ['tax', t('subsidies.assess.tax')],
              ['employees', t('subsidies.assess.employeesField')],
              ['newJobs', t('subsidies.assess.newJobs')],
              ['ipCount', t('subsidies.assess.ipCountField')],
            ] as const
          ).map(([name, label]) => (
            <Form.Item key={name} name={name} label={label} rules={[{ required: true, message: t('subsidies.assess.fieldRequired', { field: label }) }]}>
              <InputNumber min={0} style={{ width: '100%' }} precision={['employees', 'newJobs', 'ipCount'].includes(name) ? 0 : 2} />
            </Form.Item>
          ))}
          <Form.Item name="summary" label={t('subsidies.assess.summary')}><Input.TextArea rows={3} maxLength={1000} /></Form.Item>
        </Form>
        {problem ? <Alert type="error" showIcon message={problem} /> : null}
      </Modal>
    </>
  );
}
