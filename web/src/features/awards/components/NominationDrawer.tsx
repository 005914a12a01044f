import { awardsMessages, type AwardsT } from '../messages';
import { useMessages } from '../../../lib/i18n';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  Select,
  Space,
  Table,
  Timeline,
  Typography,
} from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { FormModal } from "../../../components/FormModal";
import { StatusTag } from "../../../components/StatusTag";
import { downloadFile } from "../../../lib/download";
import { errorMessage } from "../../../lib/form-errors";
import { hasAnyRole, useSession } from "../../../lib/session";
import {
  useAct,
  useDrawPanel,
  useNomination,
  useSetGrade,
  type Action,
} from "../api/awards";

export const gradeOptions = (t: AwardsT) => [
  { value: "first", label: t('awards.grade.first') },
  { value: "second", label: t('awards.grade.second') },
  { value: "third", label: t('awards.grade.third') },
];

/** One nomination: what was nominated, who completed it, every step so far, and the steps the viewer may take now. */
export function NominationDrawer({
  id,
  onClose,
  onEdit,
}: {
  id: number | null;
  onClose: () => void;
  onEdit?: () => void;
}) {
  const t = useMessages(awardsMessages);
  const me = useSession();
  const { message } = App.useApp();
  const q = useNomination(id);
  const act = useAct();
  const draw = useDrawPanel();
  const setGrade = useSetGrade();
  const [asking, setAsking] = useState<{ action: Action; name: string } | null>(
    null,
  );
  const [form] = Form.useForm<{ comment: string }>();
  const comment = (Form.useWatch("comment", form) as string | undefined) ?? "";
  const [grade, setGradeValue] = useState<
    "first" | "second" | "third" | undefined
  >();
  const n = q.data;
  const isOfficer = hasAnyRole(me, ["city_officer"]);
  const run = async (action: Action, c: string | null) => {
    try {
      await act.mutateAsync({ id: n!.id, action, comment: c });
      void message.success(t('awards.drawer.done'));
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };
  return (
    <Drawer
      title={n ? n.title : t('awards.drawer.nomination')}
      open={id !== null}
      onClose={onClose}
      width={900}
      destroyOnHidden
    >
      {n ? (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            {n.actions.map((a) => (
              <Button
                key={a.action}
                type={a.needsComment ? "default" : "primary"}
                danger={a.action === "formal_reject"}
                loading={act.isPending}
                onClick={() =>
                  a.needsComment
                    ? setAsking({ action: a.action as Action, name: a.name })
                    : void run(a.action as Action, null)
                }
              >
                {a.name}
              </Button>
            ))}
            {onEdit && (n.status === "draft" || n.status === "returned") ? (
              <Button onClick={onEdit}>{t('awards.my.edit')}</Button>
            ) : null}
            {isOfficer && n.status === "formal_passed" ? (
              <Button
                type="primary"
                loading={draw.isPending}
                onClick={async () => {
                  try {
                    await draw.mutateAsync(n.id);
                    void message.success(
                      t('awards.drawer.expertsDrawn'),
                    );
                  } catch (err) {
                    void message.error(errorMessage(err));
                  }
                }}
              >
                {t('awards.drawer.drawExperts')}
              </Button>
            ) : null}
            {isOfficer && n.status === "scored" ? (
              <Space.Compact>
                <Select
                  aria-label={t('awards.drawer.proposedGrade')}
                  placeholder={t('awards.drawer.proposedGrade')}
                  style={{ width: 140 }}
                  value={
                    grade ?? ((n.proposedGrade ?? undefined) as typeof grade)
                  }
                  options={gradeOptions(t)}
                  onChange={setGradeValue}
                />
                <Button
                  type="primary"
                  disabled={!grade}
                  loading={setGrade.isPending}
                  onClick={async () => {
                    try {
                      await setGrade.mutateAsync({ id: n.id, grade: grade! });
                      void message.success(
                        t('awards.drawer.gradeSet'),
                      );
                    } catch (err) {
                      void message.error(errorMessage(err));
                    }
                  }}
                >
                  {t('awards.drawer.setGrade')}
                </Button>
              </Space.Compact>
            ) : null}
          </Space>
          {isOfficer && n.status === "scored" && n.proposedGrade ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              message={
                <>
                  {t('awards.drawer.gradeSetGoTo')} <Link to="/notices">{t('awards.drawer.noticesLink')}</Link>{" "}
                  {t('awards.drawer.gradeSetThen')}
                </>
              }
            />
          ) : null}
          {n.status === "awarded" ? (
            <Alert
              type="success"
              showIcon
              style={{ marginBottom: 12 }}
              message={t('awards.drawer.awarded', { year: n.year, gradeName: n.gradeName ?? '', certificateNo: n.certificateNo ?? '', awardedOn: n.awardedOn ?? '' })}
              action={
                <Button
                  size="small"
                  onClick={() =>
                    void downloadFile(
                      `/api/awards/nominations/${n.id}/certificate.docx`,
                      t('awards.drawer.certificateFile', { certificateNo: n.certificateNo ?? '' }),
                    )
                  }
                >
                  {t('awards.drawer.downloadCertificate')}
                </Button>
              }
            />
          ) : null}
          <Descriptions size="small" bordered column={2}>
            <Descriptions.Item label={t('awards.status')}>
              <StatusTag status={n.status} name={n.statusName} />
              {n.next ? (
                <Typography.Text type="secondary">
                  {t('awards.drawer.nextStep')}{n.next}
                  {n.dueOn ? t('awards.drawer.dueBy', { dueOn: n.dueOn }) : ""}
                </Typography.Text>
              ) : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('awards.year')}>{n.year}</Descriptions.Item>
            <Descriptions.Item label={t('awards.completedBy')}>
              {n.enterpriseName}（{n.districtName}）
            </Descriptions.Item>
            <Descriptions.Item label={t('awards.nominator')}>
              {n.nominatingUnit}
            </Descriptions.Item>
            <Descriptions.Item label={t('awards.my.techField')}>{n.field}</Descriptions.Item>
            <Descriptions.Item label={t('awards.drawer.averageScore')}>
              {n.panelScore ?? "—"}
            </Descriptions.Item>
            <Descriptions.Item label={t('awards.drawer.innovation')} span={2}>
              {n.achievement}
            </Descriptions.Item>
            <Descriptions.Item label={t('awards.drawer.benefits')} span={2}>
              {n.summary}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('awards.drawer.contributors')}
          </Typography.Title>
          <Table
            size="small"
            rowKey={(_, i) => String(i)}
            pagination={false}
            dataSource={n.completers}
            columns={[
              { title: t('awards.drawer.rank'), width: 60, render: (_, _c, i) => i + 1 },
              { title: t('awards.name'), dataIndex: "name", width: 100 },
              { title: t('awards.employer'), dataIndex: "unit", width: 220 },
              { title: t('awards.mainContribution'), dataIndex: "contribution" },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('awards.drawer.history')}
          </Typography.Title>
          <Timeline
            items={n.events.map((e) => ({
              children: (
                <>
                  <b>{e.name}</b> · {e.actorLabel} ·{" "}
                  {new Date(e.occurredAt).toLocaleString("zh-CN")}
                  {e.comment ? <div>{t('awards.drawer.comment')}{e.comment}</div> : null}
                </>
              ),
            }))}
          />
        </>
      ) : null}
      <FormModal<{ comment: string }>
        form={form}
        title={asking?.name}
        open={asking !== null}
        onClose={() => setAsking(null)}
        okText={t('awards.drawer.confirm')}
        okButtonProps={{ disabled: !comment.trim() }}
        onSubmit={async (v) => {
          await act.mutateAsync({ id: n!.id, action: asking!.action, comment: v.comment });
          void message.success(t('awards.drawer.done'));
        }}
      >
        <Form.Item name="comment" rules={[{ required: true, whitespace: true, message: t('awards.drawer.reasonRequired') }]}>
          <Input.TextArea
            aria-label={t('awards.drawer.reviewComment')}
            rows={4}
            maxLength={500}
            placeholder={t('awards.drawer.reasonRequired')}
          />
        </Form.Item>
      </FormModal>
    </Drawer>
  );
}
