import { Alert, Button, Card, Col, Descriptions, Form, Row, Table, Tag, message } from 'antd';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { StatusTag } from '../../../components/StatusTag';
import { PageTitle } from '../../../components/PageTitle';
import { QueryFailure } from '../../../components/QueryState';
import { PanelCard } from '../../experts/components/PanelCard';
import { useSession } from '../../../lib/session';
import { useApplication, useApplicationAction, useUpdateApplication, type ApplicationForm } from '../api/applications';
import { useDecideCarrierCase } from '../api/notice';

import { APPLICATION_FIELDS, ApplicationFormFields } from './ApplicationFormFields';
import { CaseActions, CaseEvents } from './CaseActions';
import { showErrors } from './errors';
import { carriersMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';

/** A municipal makerspace/incubator recognition application: criteria, the form, the steps. */
export default function ApplicationPage() {
  const t = useMessages(carriersMessages);
  const id = Number(useParams().id);
  const me = useSession();
  const q = useApplication(id);
  const act = useApplicationAction(id);
  const update = useUpdateApplication(id);
  const decide = useDecideCarrierCase(id);
  const [form] = Form.useForm<ApplicationForm>();
  const a = q.data;
  const editable = !!a && me.roles.includes('carrier_operator') && ['draft', 'returned'].includes(a.status);
  useEffect(() => {
    if (a) {
      form.setFieldsValue(a.form);
    }
  }, [a, form]);
  if (q.isError) {
    return <QueryFailure query={q} />;
  }
  if (!a) {
    return <Card loading />;
  }
  const save = async () => {
    const v = await form.validateFields();
    try {
      await update.mutateAsync(v);
      message.success(t('common.saved'));
    } catch (err) {
      showErrors(form, err, APPLICATION_FIELDS);
    }
  };
  const onAct = async (body: { action: string; comment?: string }) => {
    if (editable && body.action === 'submit') {
      await update.mutateAsync(await form.validateFields());
    }
    try {
      return await act.mutateAsync(body);
    } catch (err) {
      showErrors(form, err, APPLICATION_FIELDS);
      throw err;
    }
  };
  return (
    <>
      <PageTitle
        title={t('carriers.app.title', { instrumentName: a.instrumentName })}
        extra={
          a.status === 'in_notice' && me.roles.includes('city_officer') ? (
            <CaseActions
              actions={[
                { action: 'recognise', name: t('carriers.app.grant'), needsComment: false },
                { action: 'decline', name: t('carriers.app.refuse'), needsComment: true },
              ]}
              onAct={(b) => decide.mutateAsync({ approve: b.action === 'recognise', comment: b.comment })}
              pending={decide.isPending}
            />
          ) : (
            <CaseActions actions={a.actions} onAct={onAct} pending={act.isPending || update.isPending} />
          )
        }
      >
        <StatusTag status={a.status} name={a.statusName} />
        {a.next ? <span>{t('carriers.nextStep')}{a.next}</span> : null}
        {a.dueOn ? <span>{t('carriers.app.dueBy', { dueOn: a.dueOn })}</span> : null}
      </PageTitle>
      {a.certificateNo ? <Alert type="success" showIcon style={{ marginBottom: 16 }} message={t('carriers.app.recognised', { certificateNo: a.certificateNo })} /> : null}
      {a.status === 'district_passed' && a.instrument === 'incubator' && me.roles.includes('city_officer') ? <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('carriers.app.panelFirst')} /> : null}
      {a.status === 'city_passed' && me.roles.includes('city_officer') ? <Alert type="info" showIcon style={{ marginBottom: 16 }} message={<span>{t('carriers.app.noticeGoTo')}<Link to="/notices">{t('carriers.app.noticesLink')}</Link>{t('carriers.app.noticeThen')}</span>} /> : null}
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title={t('carriers.app.carrier')} style={{ marginBottom: 16 }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('carriers.carrier')}>
                <Link to={`/carriers/${a.carrier.id}`}>{a.carrier.name}</Link>（{a.carrier.kindName}）
              </Descriptions.Item>
              <Descriptions.Item label={t('carriers.operator')}>{a.carrier.operatorName}</Descriptions.Item>
              <Descriptions.Item label={t('carriers.app.districtPark')}>
                {a.carrier.districtName}
                {a.carrier.parkName ? ` / ${a.carrier.parkName}` : ''}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title={t('carriers.app.criteria')} style={{ marginBottom: 16 }}>
            <Table
              rowKey="label"
              size="small"
              pagination={false}
              dataSource={a.criteria}
              columns={[
                { title: t('carriers.app.criterion'), dataIndex: 'label' },
                { title: t('carriers.app.required'), dataIndex: 'required' },
                { title: t('carriers.app.declared'), dataIndex: 'actual' },
                { title: '', dataIndex: 'met', width: 90, render: (m: boolean) => (m ? <Tag color="green">{t('carriers.app.met')}</Tag> : <Tag color="red">{t('carriers.app.notMet')}</Tag>) },
              ]}
            />
          </Card>
          <Card title={t('carriers.app.form')} extra={editable ? <Button onClick={() => void save()} loading={update.isPending}>{t('common.save')}</Button> : null}>
            <Form form={form} layout="vertical" disabled={!editable}>
              <ApplicationFormFields />
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('carriers.history')}>
            <CaseEvents events={a.events} />
          </Card>
        </Col>
      </Row>
      {/* the panel's table of experts needs the full width (organisation names wrapped letter by letter in the side column) */}
      {a.instrument === 'incubator' && !['draft', 'returned', 'submitted'].includes(a.status) && me.roles.some((r) => ['city_officer', 'city_admin', 'auditor'].includes(r)) ? (
        <div style={{ marginTop: 16 }}>
          <PanelCard applicationId={a.id} applicationStatus={a.status} via="cases" readyStatus="district_passed" />
        </div>
      ) : null}
    </>
  );
}
