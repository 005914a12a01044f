import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Drawer,
  Row,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from "antd";
import { useSearchParams } from "react-router";
import { useState } from "react";
import { PageTitle } from "../../../components/PageTitle";
import { Money, renderWan } from "../../../components/Money";
import { failedTable } from "../../../components/QueryState";
import { businessDayjs } from "../../../lib/business-clock";
import { errorMessage } from "../../../lib/form-errors";
import { hasAnyRole, useSession } from "../../../lib/session";
import {
  useApprovePlan,
  useBalances,
  usePlan,
  usePlans,
  type PlanSummary,
} from "../api/plans";
import { BalanceChart } from "./BalanceChart";
import { MatchingPanel } from "./MatchingPanel";
import { PlanEditor } from "./PlanEditor";

const STATUS_COLOR: Record<string, string> = {
  draft: "gold",
  approved: "green",
  superseded: "default",
};

function PlanDrawer({
  id,
  onClose,
  onEdit,
}: {
  id: number | null;
  onClose: () => void;
  onEdit: () => void;
}) {
  const { message, modal } = App.useApp();
  const plan = usePlan(id);
  const approve = useApprovePlan();
  const p = plan.data;
  const doApprove = () =>
    modal.confirm({
      title: "审批下达该分配方案？",
      content:
        "下达后金额记入各区县切块资金账户，方案不可再修改；如需调整须新建更正方案。",
      okText: "审批下达",
      onOk: async () => {
        try {
          await approve.mutateAsync({ id: p!.id, version: p!.version });
          void message.success("已审批下达，金额已记入各区县账户");
        } catch (err) {
          void message.error(errorMessage(err));
        }
      },
    });
  return (
    <Drawer
      title={p ? p.name : "分配方案"}
      open={id !== null}
      onClose={onClose}
      width={980}
      destroyOnHidden
      extra={
        p ? (
          <Space>
            {p.canEdit ? <Button onClick={onEdit}>修改草稿</Button> : null}
            {p.canApprove ? (
              <Button
                type="primary"
                onClick={doApprove}
                loading={approve.isPending}
              >
                审批下达
              </Button>
            ) : null}
          </Space>
        ) : null
      }
    >
      {p ? (
        <>
          {p.status === "draft" && !p.canApprove && p.canEdit ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              message="制单人不能审批自己编制的方案，须由另一名业务处室或计划财务处工作人员审核。"
            />
          ) : null}
          <Descriptions size="small" column={3} bordered>
            <Descriptions.Item label="状态">
              <Tag color={STATUS_COLOR[p.status]}>{p.statusName}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="年度">{p.year}</Descriptions.Item>
            <Descriptions.Item label="类型">{p.kindName}</Descriptions.Item>
            <Descriptions.Item label="分配总额">
              <Money value={p.total} />
            </Descriptions.Item>
            <Descriptions.Item label="制单">
              {p.preparedBy?.name}
            </Descriptions.Item>
            <Descriptions.Item label="审核">
              {p.approvedBy ? `${p.approvedBy.name}（${p.approvedOn}）` : "—"}
            </Descriptions.Item>
            <Descriptions.Item label="记账凭证">
              {p.booking
                ? `分录 #${p.booking.movementId}（${p.booking.valueDate}）${p.booking.reversalMovementId ? `，已冲回 #${p.booking.reversalMovementId}` : ""}`
                : "未记账"}
            </Descriptions.Item>
            <Descriptions.Item label="更正关系">
              {p.correctsPlanId
                ? `更正方案 #${p.correctsPlanId}`
                : p.supersededBy
                  ? `已被方案 #${p.supersededBy} 更正`
                  : "—"}
            </Descriptions.Item>
            <Descriptions.Item label="说明">{p.note ?? "—"}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            因素与权重
          </Typography.Title>
          <Space wrap>
            {p.factors.map((f) => (
              <Tag key={f.code}>
                {f.name}：{f.weight}
              </Tag>
            ))}
          </Space>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            各区县分配
          </Typography.Title>
          <Table
            size="small"
            rowKey="code"
            pagination={false}
            dataSource={p.districts}
            columns={[
              { title: "区县", dataIndex: "name" },
              ...p.factors.map((f) => ({
                title: f.name,
                key: f.code,
                render: (_: unknown, d: (typeof p.districts)[number]) =>
                  d.values[f.code],
              })),
              { title: "份额", dataIndex: "share" },
              {
                title: "金额",
                dataIndex: "amount",
                align: "right" as const,
                render: (v: number) => <Money value={v} />,
              },
            ]}
          />
        </>
      ) : null}
    </Drawer>
  );
}

export default function AllocationsPage() {
  const me = useSession();
  const isDistrict = hasAnyRole(me, ["district_officer"]);
  const canPrepare = hasAnyRole(me, ["city_officer"]);
  const [year, setYear] = useState<number>(businessDayjs().year());
  const plans = usePlans(year);
  const balances = useBalances(year);
  const [openId, setOpenId] = useState<number | null>(null);
  const [editing, setEditing] = useState<{ open: boolean; id: number | null }>({
    open: false,
    id: null,
  });
  const editPlan = usePlan(editing.id);
  const items = plans.data?.items ?? [];
  const years = Array.from(
    { length: 5 },
    (_, i) => businessDayjs().year() - 3 + i,
  );
  const bal = balances.data?.items ?? [];
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") === "matching" ? "matching" : "plans";
  return (
    <>
      <PageTitle
        title={isDistrict ? "本区县资金切块与配套" : "资金分配与配套"}
        extra={
          <>
            <Select
              aria-label="年度"
              value={year}
              onChange={setYear}
              options={years.map((y) => ({ value: y, label: `${y}年度` }))}
              style={{ width: 120 }}
            />
            {canPrepare ? (
              <Button
                type="primary"
                onClick={() => setEditing({ open: true, id: null })}
              >
                新建分配方案
              </Button>
            ) : null}
          </>
        }
      >
        <Typography.Text type="secondary">
          按因素法（各因素权重 ×
          区县因素值占全市比重）将资金切块下达各区、县（市）；方案经另一名工作人员审核后记入各区县切块资金账户。
        </Typography.Text>
      </PageTitle>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === "plans" ? {} : { tab: k })}
        items={[
          { key: "plans", label: "因素法切块" },
          { key: "matching", label: "国家、省项目配套资金" },
        ]}
      />
      {tab === "matching" ? (
        <MatchingPanel year={year} canAct={canPrepare} />
      ) : (
        <Row gutter={16}>
          <Col span={isDistrict ? 24 : 15}>
            <Card title="分配方案" size="small">
              <Table<PlanSummary>
                rowKey="id"
                size="small"
                loading={plans.isLoading}
                {...failedTable(plans)}
                dataSource={items}
                pagination={false}
                onRow={(r) => ({
                  onClick: () => setOpenId(r.id),
                  style: { cursor: "pointer" },
                })}
                columns={[
                  {
                    title: "方案",
                    dataIndex: "name",
                    render: (v: string, r) => (
                      <Button
                        type="link"
                        style={{
                          padding: 0,
                          whiteSpace: "normal",
                          textAlign: "left",
                          height: "auto",
                        }}
                        onClick={() => setOpenId(r.id)}
                      >
                        {v}
                      </Button>
                    ),
                  },
                  {
                    title: "类型",
                    dataIndex: "kindName",
                    width: 160,
                    ellipsis: true,
                  },
                  isDistrict
                    ? {
                        title: "本区县份额",
                        render: (_: unknown, r: PlanSummary) =>
                          r.ownAllocation?.share ?? "—",
                      }
                    : {
                        title: "总额",
                        dataIndex: "total",
                        render: renderWan,
                        align: "right" as const,
                      },
                  isDistrict
                    ? {
                        title: "本区县金额",
                        align: "right" as const,
                        render: (_: unknown, r: PlanSummary) => (
                          <Money value={r.ownAllocation?.amount ?? 0} />
                        ),
                      }
                    : {
                        title: "制单",
                        render: (_: unknown, r: PlanSummary) =>
                          r.preparedBy?.name,
                      },
                  {
                    title: "状态",
                    dataIndex: "statusName",
                    width: 100,
                    render: (v: string, r: PlanSummary) => (
                      <Tag color={STATUS_COLOR[r.status]}>{v}</Tag>
                    ),
                  },
                  {
                    title: "下达日期",
                    dataIndex: "approvedOn",
                    width: 110,
                    render: (v: string | null) => v ?? "—",
                  },
                ]}
              />
            </Card>
          </Col>
          <Col span={isDistrict ? 24 : 9}>
            <Card
              title={`${year}年度各区县切块资金（已下达）`}
              size="small"
              style={isDistrict ? { marginTop: 16 } : undefined}
            >
              {!isDistrict && bal.some((b) => b.balanceFen > 0) ? (
                <BalanceChart rows={bal} />
              ) : null}
              <Table
                size="small"
                rowKey="code"
                pagination={false}
                loading={balances.isLoading}
                dataSource={bal}
                columns={[
                  { title: "区县", dataIndex: "name" },
                  {
                    title: "已下达金额",
                    dataIndex: "balance",
                    align: "right" as const,
                    render: (v: number) => <Money value={v} />,
                  },
                ]}
                summary={() =>
                  balances.data ? (
                    <Table.Summary.Row>
                      <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
                      <Table.Summary.Cell index={1} align="right">
                        <Money value={balances.data.totalFen / 100} />
                      </Table.Summary.Cell>
                    </Table.Summary.Row>
                  ) : null
                }
              />
            </Card>
          </Col>
        </Row>
      )}
      <PlanDrawer
        id={openId}
        onClose={() => setOpenId(null)}
        onEdit={() => {
          setEditing({ open: true, id: openId });
          setOpenId(null);
        }}
      />
      <PlanEditor
        open={editing.open && (editing.id === null || !!editPlan.data)}
        plan={editing.id === null ? null : (editPlan.data ?? null)}
        approvedPlans={items.filter((p) => p.status === "approved")}
        defaultYear={year}
        onClose={(saved) => {
          setEditing({ open: false, id: null });
          if (saved) {
            setOpenId(saved);
          }
        }}
      />
    </>
  );
}
