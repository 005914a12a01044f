import { ArrowLeftOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, Popconfirm, Row, Space, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageLoading } from '../../../../components/PageLoading';
import { PageTitle } from '../../../../components/PageTitle';
import { ApiError, type FieldIssue } from '../../../../lib/api';
import { errorMessage } from '../../../../lib/form-errors';
import { useAssessApplication, type AssessmentView } from '../api/assess-application';
import { useApplication, type ApplicationDetail } from '../api/get-application';
import { useForm as useFormSpec } from '../api/get-form';
import { useSaveApplication, type ApplicationData } from '../api/save-application';
import { useSubmitApplication } from '../api/submit-application';
import { ApplicationForm } from './ApplicationForm';
import { AssessmentPanel, type AssessmentLike } from './AssessmentPanel';
import { AttachmentsPanel } from './AttachmentsPanel';
import { ProgressCard } from './ProgressCard';
import { useMessages } from '../../../../lib/i18n';
import { recognitionsMessages } from '../../messages';

/** 'data.financials.1.rdExpenses' → ['financials', 1, 'rdExpenses'] */
export const toFormPath = (field: string) =>
  field
    .replace(/^(body\.)?data\./, '')
    .split('.')
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/** Puts the server's field messages on the form; returns those that belong to no form item (attachments). */
function placeIssues(form: ReturnType<typeof Form.useForm<ApplicationData>>[0], issues: FieldIssue[]): FieldIssue[] {
  const onForm = issues.filter((i) => /^(body\.)?data\./.test(i.field));
  form.setFields(onForm.map((i) => ({ name: toFormPath(i.field) as never, errors: [i.message] })));
  return issues;
}

function Editor({ app }: { app: ApplicationDetail }) {
  const t = useMessages(recognitionsMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<ApplicationData>();
  const spec = useFormSpec(app.type, app.formVersion);
  const assess = useAssessApplication();
  const save = useSaveApplication();
  const submit = useSubmitApplication();
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [live, setLive] = useState<AssessmentView | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const editable = app.editable;
  const initial = useMemo(() => app.data as ApplicationData, [app.id]); // eslint-disable-line react-hooks/exhaustive-deps

  const runAssessment = (data?: ApplicationData) =>
    assess.mutate({ id: app.id, data }, { onSuccess: setLive, onError: () => undefined });

  useEffect(() => {
    if (editable) {
      runAssessment();
    }
    return () => {
      if (timer.current) {
        clearTimeout(timer.current);
      }
    };
  }, [app.id]); // eslint-disable-line react-hooks/exhaustive-deps

  const onChange = () => {
    if (timer.current) {
      clearTimeout(timer.current);
    }
    timer.current = setTimeout(() => runAssessment(form.getFieldsValue(true) as ApplicationData), 600);
  };

  const doSave = async (): Promise<number | null> => {
    try {
      const saved = await save.mutateAsync({ id: app.id, data: form.getFieldsValue(true) as ApplicationData, version: app.version });
      setIssues([]);
      return saved.version;
    } catch (e) {
      if (e instanceof ApiError && e.fields.length) {
        setIssues(placeIssues(form, e.fields));
      }
      void message.error(errorMessage(e));
      return null;
    }
  };

  const doSubmit = async () => {
    const version = await doSave();
    if (version === null) {
      return;
    }
    try {
      await submit.mutateAsync({ id: app.id, version });
      setIssues([]);
      void message.success(t('recognitions.app.submitted'));
    } catch (e) {
      if (e instanceof ApiError && e.fields.length) {
        setIssues(placeIssues(form, e.fields));
      }
      void message.error(errorMessage(e));
    }
  };

  if (!spec.data) {
    return spec.isError ? <Alert type="error" showIcon title={errorMessage(spec.error)} /> : <PageLoading />;
  }
  const stored = (app.assessment ?? null) as AssessmentLike | null;
  return (
    <Row gutter={16}>
      <Col xs={24} lg={16}>
        <Card
          title={t('recognitions.app.materials', { n: app.formVersion })}
          extra={
            editable ? (
              <Space>
                <Button icon={<SaveOutlined />} loading={save.isPending} onClick={() => void doSave().then((v) => v !== null && message.success(t('recognitions.app.draftSaved')))} data-testid="save-draft">
                  {t('recognitions.app.saveDraft')}
                </Button>
                <Popconfirm title={t('recognitions.app.submitConfirm')} okText={t('recognitions.app.submitOk')} cancelText={t('recognitions.cancel')} onConfirm={() => void doSubmit()}>
                  <Button type="primary" icon={<SendOutlined />} loading={submit.isPending} data-testid="submit-application">
                    {t('recognitions.app.submit')}
                  </Button>
                </Popconfirm>
              </Space>
            ) : null
          }
        >
          {issues.length ? (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('recognitions.app.issues', { n: issues.length })}
              description={
                <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="submit-issues">
                  {issues.slice(0, 20).map((i) => (
                    <li key={i.field}>{i.message}</li>
                  ))}
                </ul>
              }
            />
          ) : null}
          <ApplicationForm form={form} spec={spec.data.spec} initial={initial} disabled={!editable} onChange={editable ? onChange : undefined} attachments={<AttachmentsPanel app={app} spec={spec.data.spec} editable={editable} />} />
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <div style={{ position: 'sticky', top: 16 }}>
          <AssessmentPanel assessment={editable ? live : stored} loading={assess.isPending} title={editable ? t('recognitions.app.liveAssessment') : t('recognitions.review.assessmentAtSubmit')} />
        </div>
      </Col>
    </Row>
  );
}

/** One application: where it is (steps, next step, deadline, history) and the form (editable while draft or returned). */
export default function ApplicationPage() {
  const t = useMessages(recognitionsMessages);
  const id = Number(useParams().id);
  const app = useApplication(Number.isInteger(id) && id > 0 ? id : null);
  if (app.isError) {
    return <Alert type="error" showIcon title={errorMessage(app.error)} />;
  }
  if (!app.data) {
    return <PageLoading />;
  }
  const a = app.data;
  return (
    <>
      <PageTitle
        title={t('recognitions.app.title', { type: a.typeName })}
        isName
        extra={
          <Link to="/recognitions/apply">
            <Button icon={<ArrowLeftOutlined />}>{t('recognitions.app.back')}</Button>
          </Link>
        }
      >
        <Typography.Text type="secondary">
          {a.callTitle} · {a.enterpriseName} · {t('recognitions.app.closesOn', { date: a.callClosesOn })}
        </Typography.Text>
      </PageTitle>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <ProgressCard app={a} />
        <Editor key={a.id} app={a} />
      </Space>
    </>
  );
}
