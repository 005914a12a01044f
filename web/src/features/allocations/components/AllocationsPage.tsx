import { allocationsMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';
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
import { DataTable, type DataColumn } from "../../../components/DataTable";
import { PageTitle } from "../../../components/PageTitle";
import { Money, renderWan } from "../../../components/Money";
import { StatusTag } from "../../../components/StatusTag";
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

function PlanDrawer({
  id,
  onClose,
  onEdit,
}: {
  id: number | null;
  onClose: () => void;
  onEdit: () => void;
}) {
  const t = useMessages(allocationsMessages);
  const { message, modal } = App.useApp();
  const plan = usePlan(id);
  const approve = useApprovePlan();
  const p = plan.data;
  const doApprove = () =>
    modal.confirm({
      title: t('allocations.approve.confirm'),
      content:
        t('allocations.approve.warning'),
      okText: t('allocations.approve.action'),
      onOk: async () => {
        try {
          await approve.mutateAsync({ id: p!.id, version: p!.version });
          void message.success(t('allocations.approve.done'));
        } catch (err) {
          void message.error(errorMessage(err));
        }
      },
    });
  return (
    <Drawer
      title={p ? p.name : t('allocations.plan')}
      open={id !== null}
      onClose={onClose}
      width={980}
      destroyOnHidden
      extra={
        p ? (
          <Space>
            {p.canEdit ? <Button onClick={onEdit}>{t('allocations.editDraft')}</Button> : null}
            {p.canApprove ? (
              <Button
                type="primary"
                onClick={doApprove}
                loading={approve.isPending}
              >
                {t('allocations.approve.action')}
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
              message={t('allocations.approve.fourEyes')}
            />
          ) : null}
          <Descriptions size="small" column={3} bordered>
            <Descriptions.Item label={t('allocations.status')}>
              <StatusTag status={p.status} name={p.statusName} />
            </Descriptions.Item>
            <Descriptions.Item label={t('allocations.year')}>{p.year}</Descriptions.Item>
            <Descriptions.Item label={t('allocations.kind')}>{p.kindName}</Descriptions.Item>
            <Descriptions.Item label={t('allocations.total')}>
              <Money value={p.total} />
            </Descriptions.Item>
            <Descriptions.Item label={t('allocations.preparedBy')}>
              {p.preparedBy?.name}
            </Descriptions.Item>
            <Descriptions.Item label={t('allocations.reviewedBy')}>
              {p.approvedBy ? `${p.approvedBy.name}（${p.approvedOn}）` : "—"}
            </Descriptions.Item>
            <Descriptions.Item label={t('allocations.voucher')}>
              {p.booking
                ? t('allocations.booking', { movementId: p.booking.movementId, valueDate: p.booking.valueDate, v2: p.booking.reversalMovementId ? t('allocations.reversed', { reversalMovementId: p.booking.reversalMovementId }) : "" })
                : t('allocations.notBooked')}
            </Descriptions.Item>
            <Descriptions.Item label={t('allocations.correction')}>
              {p.correctsPlanId
                ? t('allocations.corrects', { correctsPlanId: p.correctsPlanId })
                : p.supersededBy
                  ? t('allocations.correctedBy', { supersededBy: p.supersededBy })
                  : "—"}
            </Descriptions.Item>
            <Descriptions.Item label={t('allocations.note')}>{p.note ?? "—"}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('allocations.factors')}
          </Typography.Title>
          <Space wrap>
            {p.factors.map((f) => (
              <Tag key={f.code}>
                {f.name}：{f.weight}
              </Tag>
            ))}
          </Space>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('allocations.byDistrict')}
          </Typography.Title>
          <Table
            size="small"
            rowKey="code"
            pagination={false}
            dataSource={p.districts}
            columns={[
              { title: t('allocations.district'), dataIndex: "name" },
              ...p.factors.map((f) => ({
                title: f.name,
                key: f.code,
                render: (_: unknown, d: (typeof p.districts)[number]) =>
                  d.values[f.code],
              })),
              { title: t('allocations.share'), dataIndex: "share" },
              {
                title: t('allocations.amount'),
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
  const t = useMessages(allocationsMessages);
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
  const planColumns: DataColumn<PlanSummary>[] = [
    {
      key: "name",
      title: t('allocations.planName'),
      dataIndex: "name",
      render: (v: string, r) => (
        <Button type="link" translate="no" style={{ padding: 0, whiteSpace: "normal", textAlign: "left", height: "auto" }} onClick={() => setOpenId(r.id)}>
          {v}
        </Button>
      ),
    },
    { key: "kind", title: t('allocations.kind'), dataIndex: "kindName", width: 160, ellipsis: true },
    isDistrict
      ? { key: "ownShare", title: t('allocations.ownShare'), render: (_: unknown, r: PlanSummary) => r.ownAllocation?.share ?? "—" }
      : { key: "total", title: t('allocations.grandTotal'), dataIndex: "total", width: 170, render: renderWan, align: "right" as const },
    isDistrict
      ? { key: "ownAmount", title: t('allocations.ownAmount'), width: 170, align: "right" as const, render: (_: unknown, r: PlanSummary) => <Money value={r.ownAllocation?.amount ?? 0} /> }
      : { key: "preparedBy", title: t('allocations.preparedBy'), render: (_: unknown, r: PlanSummary) => r.preparedBy?.name },
    { key: "status", title: t('allocations.status'), dataIndex: "statusName", width: 100, render: (v: string, r: PlanSummary) => <StatusTag status={r.status} name={v} /> },
    { key: "approvedOn", title: t('allocations.releasedOn'), dataIndex: "approvedOn", width: 110, render: (v: string | null) => v ?? "—" },
  ];
  return (
    <>
      <PageTitle
        title={isDistrict ? t('allocations.title.district') : t('allocations.title.city')}
        extra={
          <>
            <Select
              aria-label={t('allocations.year')}
              value={year}
              onChange={setYear}
              options={years.map((y) => ({ value: y, label: t('allocations.yearOption', { y }) }))}
              style={{ width: 120 }}
            />
            {canPrepare ? (
              <Button
                type="primary"
                onClick={() => setEditing({ open: true, id: null })}
              >
                {t('allocations.newPlan')}
              </Button>
            ) : null}
          </>
        }
      >
        <Typography.Text type="secondary">
          {t('allocations.intro')}
        </Typography.Text>
      </PageTitle>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === "plans" ? {} : { tab: k })}
        items={[
          { key: "plans", label: t('allocations.tab.factor') },
          { key: "matching", label: t('allocations.tab.matching') },
        ]}
      />
      {tab === "matching" ? (
        <MatchingPanel year={year} canAct={canPrepare} />
      ) : (
        <Row gutter={16}>
          <Col span={isDistrict ? 24 : 15}>
            <Card title={t('allocations.plan')} size="small">
              <DataTable<PlanSummary>
                tableId="allocations.plans"
                rowKey="id"
                columns={planColumns}
                query={plans}
                rows={plans.data?.items}
                onRow={(r) => ({
                  onClick: () => setOpenId(r.id),
                  style: { cursor: "pointer" },
                })}
              />
            </Card>
          </Col>
          <Col span={isDistrict ? 24 : 9}>
            <Card
              title={t('allocations.released.title', { year })}
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
                  { title: t('allocations.district'), dataIndex: "name" },
                  {
                    title: t('allocations.released.amount'),
                    dataIndex: "balance",
                    align: "right" as const,
                    render: (v: number) => <Money value={v} />,
                  },
                ]}
                summary={() =>
                  balances.data ? (
                    <Table.Summary.Row>
                      <Table.Summary.Cell index={0}>{t('allocations.sum')}</Table.Summary.Cell>
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
