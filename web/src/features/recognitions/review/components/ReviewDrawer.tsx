import { Alert, App, Button, Drawer, Form, Input, Radio, Space } from 'antd';
import { PageLoading } from '../../../../components/PageLoading';
import { errorMessage } from '../../../../lib/form-errors';
import { useSession } from '../../../../lib/session';
import { useApplication, type ApplicationDetail } from '../../applications/api/get-application';
import { useForm as useFormSpec } from '../../applications/api/get-form';
import type { ApplicationData } from '../../applications/api/save-application';
import { ApplicationForm } from '../../applications/components/ApplicationForm';
import { AssessmentPanel, type AssessmentLike } from '../../applications/components/AssessmentPanel';
import { AttachmentsPanel } from '../../applications/components/AttachmentsPanel';
import { ProgressCard } from '../../applications/components/ProgressCard';
import { PanelCard } from '../../../experts/components/PanelCard';
import { useReviewApplication, type ReviewInput } from '../api/review-application';
import { useMessages } from '../../../../lib/i18n';
import { recognitionsMessages } from '../../messages';

/** The stages at which the expert panel is drawn, scores and is read (city officers, admin, auditor). */
const PANEL_STATUSES: readonly string[] = ['city_passed', 'expert_review', 'scored', 'in_notice', 'approved', 'rejected'];
const PANEL_ROLES: readonly string[] = ['city_officer', 'city_admin', 'auditor'];

/** Which decisions the signed-in officer may take on this application now (mirrors the server's workflow table). */
function decisionsFor(roles: readonly string[], app: ApplicationDetail): ReviewInput['decision'][] {
  if (roles.includes('district_officer') && app.status === 'submitted') {
    return ['pass', 'return', 'reject'];
  }
  if (roles.includes('city_officer')) {
    if (app.status === 'district_passed') {
      return ['pass', 'return', 'reject'];
    }
    if (app.status === 'city_passed' || app.status === 'scored') {
      return ['reject'];
    }
  }
  return [];
}

const DECISION_LABELS: Record<ReviewInput['decision'], keyof typeof recognitionsMessages> = { pass: 'recognitions.review.pass', return: 'recognitions.review.return', reject: 'recognitions.review.reject' };

function ReviewForm({ app, decisions }: { app: ApplicationDetail; decisions: ReviewInput['decision'][] }) {
  const t = useMessages(recognitionsMessages);
  const { message } = App.useApp();
  const review = useReviewApplication();
  const [form] = Form.useForm<ReviewInput>();
  const decision = Form.useWatch('decision', form);
  return (
    <Form<ReviewInput>
      form={form}
      layout="vertical"
      initialValues={{ decision: decisions[0] }}
      data-testid="review-form"
      onFinish={(values) =>
        review.mutate(
          { id: app.id, body: values },
          {
            onSuccess: (a) => {
              void message.success(t('recognitions.review.done', { decision: t(DECISION_LABELS[values.decision]), status: a.statusName }));
              form.resetFields();
            },
            onError: (e) => void message.error(errorMessage(e)),
          },
        )
      }
    >
      <Form.Item name="decision" label={t('recognitions.review.decision')}>
        <Radio.Group optionType="button" options={decisions.map((d) => ({ value: d, label: t(DECISION_LABELS[d]) }))} />
      </Form.Item>
      <Form.Item name="comment" label={t('recognitions.review.comment')} rules={decision && decision !== 'pass' ? [{ required: true, whitespace: true, message: t('recognitions.review.commentRequired') }] : []}>
        <Input.TextArea rows={3} maxLength={1000} showCount placeholder={decision === 'pass' ? t('recognitions.review.optional') : t('recognitions.review.commentPlaceholder')} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={review.isPending} data-testid="review-submit">
        {t('recognitions.review.submit')}
      </Button>
    </Form>
  );
}

function Body({ app }: { app: ApplicationDetail }) {
  const t = useMessages(recognitionsMessages);
  const me = useSession();
  const spec = useFormSpec(app.type, app.formVersion);
  const [form] = Form.useForm<ApplicationData>();
  const decisions = decisionsFor(me.roles, app);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <ProgressCard app={app} />
      {decisions.length ? (
        <Alert type="info" title={t('recognitions.review.alert')} description={<ReviewForm key={`${app.id}-${app.version}`} app={app} decisions={decisions} />} />
      ) : null}
      {PANEL_STATUSES.includes(app.status) && me.roles.some((r) => PANEL_ROLES.includes(r)) ? <PanelCard applicationId={app.id} applicationStatus={app.status} /> : null}
      <AssessmentPanel assessment={(app.assessment ?? null) as AssessmentLike | null} title={t('recognitions.review.assessmentAtSubmit')} />
      {spec.data ? (
        <ApplicationForm key={`${app.id}-${app.version}`} form={form} spec={spec.data.spec} initial={app.data as ApplicationData} disabled attachments={<AttachmentsPanel app={app} spec={spec.data.spec} editable={false} />} />
      ) : (
        <PageLoading />
      )}
    </Space>
  );
}

/** An application for officers: progress, assessment, the form read-only, attachments, and the review decision. */
export function ReviewDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const t = useMessages(recognitionsMessages);
  const app = useApplication(id);
  return (
    <Drawer open={id !== null} onClose={onClose} size="large" width={960} title={app.data ? `${app.data.enterpriseName} · ${app.data.typeName}` : t('recognitions.review.drawerTitle')} destroyOnHidden>
      {app.isError ? <Alert type="error" showIcon title={errorMessage(app.error)} /> : app.data ? <Body app={app.data} /> : <PageLoading />}
    </Drawer>
  );
}
