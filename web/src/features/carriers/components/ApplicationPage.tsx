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

/** A municipal makerspace/incubator recognition application: criteria, the form, the steps. */
export default function ApplicationPage() {
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
      message.success('已保存');
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
        title={`${a.instrumentName}申请`}
        extra={
          a.status === 'in_notice' && me.roles.includes('city_officer') ? (
            <CaseActions
              actions={[
                { action: 'recognise', name: '予以认定', needsComment: false },
                { action: 'decline', name: '不予认定', needsComment: true },
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
        {a.next ? <span>下一步：{a.next}</span> : null}
        {a.dueOn ? <span>（办理期限 {a.dueOn}）</span> : null}
      </PageTitle>
      {a.certificateNo ? <Alert type="success" showIcon style={{ marginBottom: 16 }} message={`已认定，证书编号 ${a.certificateNo}`} /> : null}
      {a.status === 'district_passed' && a.instrument === 'incubator' && me.roles.includes('city_officer') ? <Alert type="info" showIcon style={{ marginBottom: 16 }} message="孵化器认定须经专家评审：请先随机抽取评审专家，专家评审完成后再审定。" /> : null}
      {a.status === 'city_passed' && me.roles.includes('city_officer') ? <Alert type="info" showIcon style={{ marginBottom: 16 }} message={<span>市科委审核已通过，请在<Link to="/notices">公示管理</Link>中发布公示；公示期满后作出认定决定。</span>} /> : null}
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title="申请载体" style={{ marginBottom: 16 }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label="载体">
                <Link to={`/carriers/${a.carrier.id}`}>{a.carrier.name}</Link>（{a.carrier.kindName}）
              </Descriptions.Item>
              <Descriptions.Item label="运营机构">{a.carrier.operatorName}</Descriptions.Item>
              <Descriptions.Item label="区县 / 园区">
                {a.carrier.districtName}
                {a.carrier.parkName ? ` / ${a.carrier.parkName}` : ''}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title="认定条件对照" style={{ marginBottom: 16 }}>
            <Table
              rowKey="label"
              size="small"
              pagination={false}
              dataSource={a.criteria}
              columns={[
                { title: '条件', dataIndex: 'label' },
                { title: '要求', dataIndex: 'required' },
                { title: '申报', dataIndex: 'actual' },
                { title: '', dataIndex: 'met', width: 90, render: (m: boolean) => (m ? <Tag color="green">符合</Tag> : <Tag color="red">不符合</Tag>) },
              ]}
            />
          </Card>
          <Card title="申请表" extra={editable ? <Button onClick={() => void save()} loading={update.isPending}>保存</Button> : null}>
            <Form form={form} layout="vertical" disabled={!editable}>
              <ApplicationFormFields />
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title="办理记录">
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
