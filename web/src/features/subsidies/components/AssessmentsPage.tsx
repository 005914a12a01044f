import { Alert, Button, Card, Form, Input, InputNumber, Modal, Radio, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { renderMoney } from '../../../components/Money';
import { errorMessage } from '../../../lib/form-errors';
import { hasAnyRole, useSession } from '../../../lib/session';
import { useAssessments, useGradeAssessment, useReportAssessment, type Assessment, type AssessmentInput } from '../api/assessments';

const GRADE_COLOR: Record<string, string> = { excellent: 'green', pass: 'blue', fail: 'red' };

/** 雏鹰/青蓝 annual performance assessment (绩效考核): the firm reports, the officer grades; 不合格 stops next year's subsidy. */
export default function AssessmentsPage() {
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
      <PageTitle title="雏鹰青蓝绩效考核" extra={isFirm ? <Button type="primary" onClick={() => setReporting(true)}>报送年度绩效</Button> : null}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          企业报送上年度营业收入、研发投入、税金、就业和知识产权；区县或市科委考核定级。考核不合格的，停止次年贷款贴息，并可据此撤销雏鹰/青蓝认定（在认定名录中办理）。
        </Typography.Paragraph>
      </PageTitle>
      <Card>
        <Space style={{ marginBottom: 12 }} wrap>
          <Segmented value={year} options={[2015, 2014]} onChange={(v) => { setYear(v as number); setPage(1); }} />
          <Segmented value={graded ?? 'all'} options={[{ value: 'false', label: '待考核' }, { value: 'true', label: '已考核' }, { value: 'all', label: '全部' }]} onChange={(v) => { setGraded(v === 'all' ? undefined : (v as 'true' | 'false')); setPage(1); }} />
        </Space>
        {list.error ? <Alert type="error" message={errorMessage(list.error)} /> : null}
        <Table<Assessment>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: '企业', dataIndex: 'enterpriseName' },
            { title: '区县', dataIndex: 'districtName' },
            { title: '计划', dataIndex: 'programmeName' },
            { title: '年度', dataIndex: 'year' },
            { title: '营业收入（元）', dataIndex: 'revenue', align: 'right', render: renderMoney },
            { title: '研发投入（元）', dataIndex: 'rdSpend', align: 'right', render: renderMoney },
            { title: '职工', dataIndex: 'employees' },
            { title: '新增就业', dataIndex: 'newJobs' },
            { title: '知识产权', dataIndex: 'ipCount' },
            { title: '等次', dataIndex: 'gradeName', render: (n: string | null, r) => (n ? <Tag color={GRADE_COLOR[r.grade!]}>{n}</Tag> : <Tag>待考核</Tag>) },
            { title: '考核意见', dataIndex: 'gradeComment', render: (c: string | null, r) => (r.grade === 'fail' && r.recognitionId && !isFirm ? <>{c} <Link to="/recognitions/register">撤销认定</Link></> : c) },
            ...(canGrade ? [{ title: '操作', render: (_: unknown, r: Assessment) => <Button size="small" onClick={() => { setGrading(r); setG(r.grade ?? 'pass'); setComment(r.gradeComment ?? ''); setProblem(null); }}>{r.grade ? '调整' : '考核'}</Button> }] : []),
          ]}
        />
      </Card>
      <Modal
        title={grading ? `考核定级：${grading.enterpriseName}（${grading.year}年度${grading.programmeName}）` : ''}
        open={!!grading}
        onCancel={() => setGrading(null)}
        confirmLoading={grade.isPending}
        onOk={() => grading && grade.mutate({ id: grading.id, body: { grade: g, comment: comment || null } }, { onSuccess: () => setGrading(null), onError: (e) => setProblem(errorMessage(e)) })}
      >
        <Radio.Group value={g} onChange={(e) => setG(e.target.value)} options={[{ value: 'excellent', label: '优秀' }, { value: 'pass', label: '合格' }, { value: 'fail', label: '不合格' }]} />
        <Input.TextArea style={{ marginTop: 12 }} rows={3} maxLength={500} placeholder="考核意见（不合格须说明理由）" value={comment} onChange={(e) => setComment(e.target.value)} />
        {problem ? <Alert style={{ marginTop: 12 }} type="error" showIcon message={problem} /> : null}
      </Modal>
      <Modal title="报送年度绩效" open={reporting} onCancel={() => setReporting(false)} onOk={() => form.submit()} confirmLoading={report.isPending} destroyOnHidden>
        <Form<AssessmentInput>
          form={form}
          layout="vertical"
          initialValues={{ programme: 'eagle', year: 2015 }}
          onFinish={(v) => report.mutate(v, { onSuccess: () => setReporting(false), onError: (e) => setProblem(errorMessage(e)) })}
        >
          <Form.Item name="programme" label="计划"><Radio.Group options={[{ value: 'eagle', label: '雏鹰计划' }, { value: 'qinglan', label: '青蓝计划' }]} /></Form.Item>
          <Form.Item name="year" label="考核年度" rules={[{ required: true }]}><InputNumber min={2000} max={2100} precision={0} /></Form.Item>
          {(
            [
              ['revenue', '营业收入（元）'],
              ['rdSpend', '研发投入（元）'],
              ['tax', '上缴税金（元）'],
              ['employees', '职工人数'],
              ['newJobs', '新增就业'],
              ['ipCount', '新增知识产权'],
            ] as const
          ).map(([name, label]) => (
            <Form.Item key={name} name={name} label={label} rules={[{ required: true, message: `请填写${label}` }]}>
              <InputNumber min={0} style={{ width: '100%' }} precision={['employees', 'newJobs', 'ipCount'].includes(name) ? 0 : 2} />
            </Form.Item>
          ))}
          <Form.Item name="summary" label="年度总结"><Input.TextArea rows={3} maxLength={1000} /></Form.Item>
        </Form>
        {problem ? <Alert type="error" showIcon message={problem} /> : null}
      </Modal>
    </>
  );
}
