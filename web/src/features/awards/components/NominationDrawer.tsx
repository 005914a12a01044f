import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from "antd";
import { useState } from "react";
import { Link } from "react-router";
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

export const STATUS_COLOR: Record<string, string> = {
  draft: "default",
  returned: "orange",
  submitted: "blue",
  formal_passed: "cyan",
  expert_review: "purple",
  scored: "geekblue",
  in_notice: "gold",
  awarded: "green",
  rejected: "red",
};
export const GRADE_OPTIONS = [
  { value: "first", label: "一等奖" },
  { value: "second", label: "二等奖" },
  { value: "third", label: "三等奖" },
] as const;

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
  const me = useSession();
  const { message } = App.useApp();
  const q = useNomination(id);
  const act = useAct();
  const draw = useDrawPanel();
  const setGrade = useSetGrade();
  const [asking, setAsking] = useState<{ action: Action; name: string } | null>(
    null,
  );
  const [comment, setComment] = useState("");
  const [grade, setGradeValue] = useState<
    "first" | "second" | "third" | undefined
  >();
  const n = q.data;
  const isOfficer = hasAnyRole(me, ["city_officer"]);
  const run = async (action: Action, c: string | null) => {
    try {
      await act.mutateAsync({ id: n!.id, action, comment: c });
      void message.success("已办理");
      setAsking(null);
      setComment("");
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };
  return (
    <Drawer
      title={n ? n.title : "提名"}
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
              <Button onClick={onEdit}>修改提名</Button>
            ) : null}
            {isOfficer && n.status === "formal_passed" ? (
              <Button
                type="primary"
                loading={draw.isPending}
                onClick={async () => {
                  try {
                    await draw.mutateAsync(n.id);
                    void message.success(
                      "已随机抽取评审专家（回避利益冲突），专家在其工作台评分",
                    );
                  } catch (err) {
                    void message.error(errorMessage(err));
                  }
                }}
              >
                抽取评审专家
              </Button>
            ) : null}
            {isOfficer && n.status === "scored" ? (
              <Space.Compact>
                <Select
                  aria-label="拟授奖等级"
                  placeholder="拟授奖等级"
                  style={{ width: 140 }}
                  value={
                    grade ?? ((n.proposedGrade ?? undefined) as typeof grade)
                  }
                  options={GRADE_OPTIONS.map((g) => ({ ...g }))}
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
                        "已确定拟授奖等级，可在“公示管理”发布公示",
                      );
                    } catch (err) {
                      void message.error(errorMessage(err));
                    }
                  }}
                >
                  确定拟授奖等级
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
                  拟授奖等级已确定，请到 <Link to="/notices">公示管理</Link>{" "}
                  发布拟授奖项目公示；公示期满后在公示管理作出授奖决定。
                </>
              }
            />
          ) : null}
          {n.status === "awarded" ? (
            <Alert
              type="success"
              showIcon
              style={{ marginBottom: 12 }}
              message={`获${n.year}年度杭州市科学技术进步奖${n.gradeName}，证书编号 ${n.certificateNo}（${n.awardedOn}）`}
              action={
                <Button
                  size="small"
                  onClick={() =>
                    void downloadFile(
                      `/api/awards/nominations/${n.id}/certificate.docx`,
                      `杭州市科学技术进步奖证书-${n.certificateNo}.docx`,
                    )
                  }
                >
                  下载获奖证书（Word）
                </Button>
              }
            />
          ) : null}
          <Descriptions size="small" bordered column={2}>
            <Descriptions.Item label="状态">
              <Tag color={STATUS_COLOR[n.status]}>{n.statusName}</Tag>
              {n.next ? (
                <Typography.Text type="secondary">
                  下一步：{n.next}
                  {n.dueOn ? `（${n.dueOn} 前）` : ""}
                </Typography.Text>
              ) : null}
            </Descriptions.Item>
            <Descriptions.Item label="年度">{n.year}</Descriptions.Item>
            <Descriptions.Item label="完成单位">
              {n.enterpriseName}（{n.districtName}）
            </Descriptions.Item>
            <Descriptions.Item label="提名单位">
              {n.nominatingUnit}
            </Descriptions.Item>
            <Descriptions.Item label="技术领域">{n.field}</Descriptions.Item>
            <Descriptions.Item label="专家评审均分">
              {n.panelScore ?? "—"}
            </Descriptions.Item>
            <Descriptions.Item label="主要科技创新内容" span={2}>
              {n.achievement}
            </Descriptions.Item>
            <Descriptions.Item label="经济社会效益" span={2}>
              {n.summary}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            主要完成人
          </Typography.Title>
          <Table
            size="small"
            rowKey={(_, i) => String(i)}
            pagination={false}
            dataSource={n.completers}
            columns={[
              { title: "排序", width: 60, render: (_, _c, i) => i + 1 },
              { title: "姓名", dataIndex: "name", width: 100 },
              { title: "工作单位", dataIndex: "unit", width: 220 },
              { title: "主要贡献", dataIndex: "contribution" },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            办理记录
          </Typography.Title>
          <Timeline
            items={n.events.map((e) => ({
              children: (
                <>
                  <b>{e.name}</b> · {e.actorLabel} ·{" "}
                  {new Date(e.occurredAt).toLocaleString("zh-CN")}
                  {e.comment ? <div>意见：{e.comment}</div> : null}
                </>
              ),
            }))}
          />
        </>
      ) : null}
      <Modal
        title={asking?.name}
        open={asking !== null}
        onCancel={() => setAsking(null)}
        okText="确定"
        confirmLoading={act.isPending}
        okButtonProps={{ disabled: !comment.trim() }}
        onOk={() => void run(asking!.action, comment)}
      >
        <Input.TextArea
          aria-label="审查意见"
          rows={4}
          maxLength={500}
          placeholder="请填写理由（必填）"
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
      </Modal>
    </Drawer>
  );
}
