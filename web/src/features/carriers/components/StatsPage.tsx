import { Alert, Button, Card, Col, Form, Row, Table, message } from 'antd';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { StatusTag } from '../../../components/StatusTag';
import { Money } from '../../../components/Money';
import { PageTitle } from '../../../components/PageTitle';
import { QueryFailure } from '../../../components/QueryState';
import { useSession } from '../../../lib/session';
import { useStats, useStatsAction, useUpdateStats, type StatsFields } from '../api/stats';
import { STAT_FIELDS } from '../constants';
import { CaseActions, CaseEvents } from './CaseActions';
import { showErrors } from './errors';
import { STATS_FIELD_NAMES, StatsFormFields } from './StatsFormFields';
import { carriersMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';

/** One annual statistics report: the operator fills it in; the district and the city review it against last year. */
export default function StatsPage() {
  const t = useMessages(carriersMessages);
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
      message.success(t('common.saved'));
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
      <PageTitle title={t('carriers.stats.title', { year: s.year })} extra={<CaseActions actions={s.actions} onAct={onAct} pending={act.isPending || update.isPending} />}>
        <Link to={`/carriers/${s.carrierId}`}>{s.carrierName}</Link>（{s.districtName}） <StatusTag status={s.status} name={s.statusName} />
        {s.dueOn ? <span>{t('carriers.dueBy')} {s.dueOn}</span> : null}
      </PageTitle>
      {s.flags.length ? <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('carriers.stats.anomaly')} description={<ul style={{ margin: 0 }}>{s.flags.map((f) => <li key={f.field}>{f.message}</li>)}</ul>} /> : null}
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          {editable ? (
            <Card title={t('carriers.stats.file')} extra={<Button onClick={() => void save()} loading={update.isPending}>{t('common.save')}</Button>}>
              <Form form={form} layout="vertical">
                <StatsFormFields previous={prev} />
              </Form>
            </Card>
          ) : (
            <Card title={t('carriers.stats.figures')}>
              <Table
                rowKey="key"
                size="small"
                pagination={false}
                dataSource={STAT_FIELDS.map((f) => ({ key: f.key, label: t(f.label), cur: cur[f.key], prev: prev?.[f.key] ?? null, flagged: s.flags.some((x) => x.field === f.key), money: 'money' in f }))}
                columns={[
                  { title: t('carriers.stats.item'), dataIndex: 'label' },
                  { title: t('carriers.stats.year', { year: s.year }), dataIndex: 'cur', align: 'right', render: (v: number, r) => <span style={r.flagged ? { color: '#d46b08', fontWeight: 600 } : undefined}>{r.money ? <Money value={v} /> : v.toLocaleString('zh-CN')}</span> },
                  { title: t('carriers.list.year', { v0: s.year - 1 }), dataIndex: 'prev', align: 'right', render: (v: number | null, r) => (v === null ? '—' : r.money ? <Money value={v} /> : v.toLocaleString('zh-CN')) },
                ]}
              />
            </Card>
          )}
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('carriers.history')}>
            <CaseEvents events={s.events} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
