import { Alert, Button, Card, Col, Form, Row, Table, message } from 'antd';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { StatusTag } from '../../../components/StatusTag';
import { PageTitle } from '../../../components/PageTitle';
import { QueryFailure } from '../../../components/QueryState';
import { useSession } from '../../../lib/session';
import { useStats, useStatsAction, useUpdateStats, type StatsFields } from '../api/stats';
import { STAT_FIELDS } from '../constants';
import { CaseActions, CaseEvents } from './CaseActions';
import { showErrors } from './errors';
import { STATS_FIELD_NAMES, StatsFormFields } from './StatsFormFields';

/** One annual statistics report: the operator fills it in; the district and the city review it against last year. */
export default function StatsPage() {
  const id = Number(useParams().id);
  const me = useSession();
  const q = useStats(id);
  const act = useStatsAction(id);
  const update = useUpdateStats(id);
  const [form] = Form.useForm<StatsFields>();
  const s = q.data;
  const editable = !!s && me.roles.includes('carrier_operator') && ['draft', 'returned'].includes(s.status);
  useEffect(() => {
    if (s) {
      form.setFieldsValue(s.fields);
    }
  }, [s, form]);
  if (q.isError) {
    return <QueryFailure query={q} />;
  }
  if (!s) {
    return <Card loading />;
  }
  const save = async () => {
    try {
      await update.mutateAsync(await form.validateFields());
      message.success('已保存');
    } catch (err) {
      showErrors(form, err, STATS_FIELD_NAMES);
    }
  };
  const onAct = async (body: { action: string; comment?: string }) => {
    try {
      if (editable && body.action === 'submit') {
        await update.mutateAsync(await form.validateFields());
      }
      return await act.mutateAsync(body);
    } catch (err) {
      showErrors(form, err, STATS_FIELD_NAMES);
      throw err;
    }
  };
  const prev = s.previous as Record<string, number> | null;
  const cur = s.fields as Record<string, number>;
  return (
    <>
      <PageTitle title={`${s.year}年度统计报表`} extra={<CaseActions actions={s.actions} onAct={onAct} pending={act.isPending || update.isPending} />}>
        <Link to={`/carriers/${s.carrierId}`}>{s.carrierName}</Link>（{s.districtName}） <StatusTag status={s.status} name={s.statusName} />
        {s.dueOn ? <span>办理期限 {s.dueOn}</span> : null}
      </PageTitle>
      {s.flags.length ? <Alert type="warning" showIcon style={{ marginBottom: 16 }} message="同比异常，请核实" description={<ul style={{ margin: 0 }}>{s.flags.map((f) => <li key={f.field}>{f.message}</li>)}</ul>} /> : null}
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          {editable ? (
            <Card title="填报" extra={<Button onClick={() => void save()} loading={update.isPending}>保存</Button>}>
              <Form form={form} layout="vertical">
                <StatsFormFields previous={prev} />
              </Form>
            </Card>
          ) : (
            <Card title="统计数据（与上年对照）">
              <Table
                rowKey="key"
                size="small"
                pagination={false}
                dataSource={STAT_FIELDS.map((f) => ({ key: f.key, label: f.label, cur: cur[f.key], prev: prev?.[f.key] ?? null, flagged: s.flags.some((x) => x.field === f.key) }))}
                columns={[
                  { title: '项目', dataIndex: 'label' },
                  { title: `${s.year}年`, dataIndex: 'cur', align: 'right', render: (v: number, r) => <span style={r.flagged ? { color: '#d46b08', fontWeight: 600 } : undefined}>{v.toLocaleString('zh-CN')}</span> },
                  { title: `${s.year - 1}年`, dataIndex: 'prev', align: 'right', render: (v: number | null) => (v === null ? '—' : v.toLocaleString('zh-CN')) },
                ]}
              />
            </Card>
          )}
        </Col>
        <Col xs={24} lg={10}>
          <Card title="办理记录">
            <CaseEvents events={s.events} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
