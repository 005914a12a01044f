import { allocationsMessages } from '../messages';
import { useI18n, useMessages } from '../../../lib/i18n';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Statistic,
  Tag,
} from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { Link } from "react-router";
import { DataTable, type DataColumn } from "../../../components/DataTable";
import { FormModal } from "../../../components/FormModal";
import { Money, renderWan } from "../../../components/Money";
import { MoneyInput } from "../../../components/MoneyInput";
import { formatMoney } from "../../../lib/money";
import {
  useMatchingPolicies,
  useMatchingProjects,
  usePayMatching,
  useRegisterProject,
  type MatchingPolicy,
  type MatchingProject,
  type ProjectInput,
} from "../api/matching";

type ProjectValues = Omit<ProjectInput, "approvedOn"> & { approvedOn?: Dayjs };

function RegisterModal({
  open,
  onClose,
}: {
  open: boolean;
  onClose: () => void;
}) {
  const t = useMessages(allocationsMessages);
  const { lang } = useI18n();
  const { message } = App.useApp();
  const register = useRegisterProject();
  const submit = async (v: ProjectValues) => {
    const p = await register.mutateAsync({
      ...v,
      approvedOn: v.approvedOn?.format("YYYY-MM-DD") ?? "",
    });
    void message.success(t('allocations.matching.registered', { v0: formatMoney(p.matching, "yuan", lang) }));
  };
  return (
    <FormModal<ProjectValues>
      title={t('allocations.matching.formTitle')}
      open={open}
      onClose={onClose}
      onSubmit={submit}
      width={680}
      initialValues={{ level: "national" }}
    >
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="level" label={t('allocations.matching.level')} rules={[{ required: true }]}>
              <Select
                options={[
                  { value: "national", label: t('allocations.matching.national') },
                  { value: "provincial", label: t('allocations.matching.provincial') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item
              name="sourceProgramme"
              label={t('allocations.matching.programme')}
              rules={[{ required: true, message: t('allocations.matching.programmeRequired') }]}
            >
              <Input placeholder={t('allocations.matching.programmePlaceholder')} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="title"
              label={t('allocations.matching.projectName')}
              rules={[{ required: true, message: t('allocations.matching.projectNameRequired') }]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="approvalDocNo"
              label={t('allocations.matching.approvalNo')}
              rules={[{ required: true, message: t('allocations.matching.approvalNoRequired') }]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="enterpriseId"
              label={t('allocations.matching.enterpriseLabel')}
              rules={[{ required: true, message: t('allocations.matching.enterpriseRequired') }]}
            >
              <InputNumber min={1} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="external"
              label={t('allocations.matching.grant')}
              rules={[{ required: true, message: t('allocations.matching.amountRequired') }]}
            >
              <MoneyInput style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="approvedOn"
              label={t('allocations.matching.approvedOnLabel')}
              rules={[{ required: true, message: t('allocations.matching.dateRequired') }]}
            >
              <DatePicker style={{ width: "100%" }} />
            </Form.Item>
          </Col>
        </Row>
    </FormModal>
  );
}

/** Matching funds: the policy versions, the registered projects with promise vs paid, and a payment order per tranche. */
export function MatchingPanel({
  year,
  canAct,
}: {
  year: number;
  canAct: boolean;
}) {
  const t = useMessages(allocationsMessages);
  const { message } = App.useApp();
  const policies = useMatchingPolicies();
  const projects = useMatchingProjects(year);
  const pay = usePayMatching();
  const [registering, setRegistering] = useState(false);
  const [paying, setPaying] = useState<MatchingProject | null>(null);
  const totals = projects.data?.totals;
  const columns: DataColumn<MatchingProject>[] = [
    { key: "level", title: t('allocations.matching.level'), dataIndex: "levelName", width: 70 },
    {
      key: "project",
      title: t('allocations.matching.project'),
      render: (_, p) => (
        <>
          {p.title}
          <div style={{ color: "#888", fontSize: 12 }}>
            {p.sourceProgramme} · {p.approvalDocNo}
          </div>
        </>
      ),
    },
    { key: "enterprise", title: t('allocations.matching.enterprise'), dataIndex: "enterpriseName", width: 200, ellipsis: true },
    { key: "approvedOn", title: t('allocations.matching.approvedOn'), dataIndex: "approvedOn", width: 105 },
    { key: "external", title: t('allocations.matching.grantShort'), dataIndex: "external", render: renderWan, align: "right" },
    {
      key: "matching",
      title: t('allocations.matching.matching'),
      render: (_, p) => (
        <>
          {renderWan(p.matching)}
          <div style={{ color: "#888", fontSize: 12 }}>
            {Number(p.policy.ratio) * 100}{t('allocations.matching.rateCap', { v0: p.policy.cap / 10000 })}
          </div>
        </>
      ),
      align: "right",
    },
    { key: "paid", title: t('allocations.matching.paid'), dataIndex: "paid", render: renderWan, align: "right" },
    {
      key: "remaining",
      title: t('allocations.matching.outstanding'),
      dataIndex: "remaining",
      render: (v: number) =>
        v > 0 ? (
          <Tag color="orange">
            <Money value={v} unit="wan" />
          </Tag>
        ) : (
          <Tag color="green">{t('allocations.matching.settled')}</Tag>
        ),
    },
    {
      key: "orders",
      title: t('allocations.matching.paymentOrder'),
      render: (_, p) => (p.orderIds.length ? <Link to="/payments">{p.orderIds.map((id) => `#${id}`).join("、")}</Link> : "—"),
    },
    ...(canAct
      ? [
          {
            key: "actions",
            title: t('common.actions'),
            width: 80,
            render: (_: unknown, p: MatchingProject) =>
              p.remaining > 0 ? (
                <Button size="small" onClick={() => setPaying(p)}>
                  {t('allocations.matching.pay')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];
  const policyColumns: DataColumn<MatchingPolicy>[] = [
    { key: "level", title: t('allocations.matching.level'), dataIndex: "levelName" },
    { key: "ratio", title: t('allocations.matching.rate'), dataIndex: "ratio", render: (r: string) => `${Number(r) * 100}%` },
    { key: "cap", title: t('allocations.matching.cap'), dataIndex: "cap", render: renderWan },
    { key: "effectiveFrom", title: t('allocations.matching.effective'), dataIndex: "effectiveFrom" },
    { key: "effectiveTo", title: t('allocations.matching.expires'), dataIndex: "effectiveTo", render: (v: string | null) => v ?? "—" },
    { key: "documentNo", title: t('allocations.matching.documentNo'), dataIndex: "documentNo" },
  ];
  return (
    <>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={8}>
          <Card size="small">
            <Statistic
              title={t('allocations.matching.grantStat', { year })}
              value={totals ? totals.external / 10000 : "—"}
              precision={2}
              suffix={t('allocations.unit.tenThousandYuan')}
            />
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small">
            <Statistic
              title={t('allocations.matching.committed')}
              value={totals ? totals.matching / 10000 : "—"}
              precision={2}
              suffix={t('allocations.unit.tenThousandYuan')}
            />
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small">
            <Statistic
              title={t('allocations.matching.paid')}
              value={totals ? totals.paid / 10000 : "—"}
              precision={2}
              suffix={t('allocations.unit.tenThousandYuan')}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('allocations.matching.projects')}>
        <DataTable<MatchingProject>
          tableId="allocations.matching"
          rowKey="id"
          columns={columns}
          query={projects}
          rows={projects.data?.items}
          pagination={{ pageSize: 10 }}
          actions={
            canAct ? (
              <Button type="primary" onClick={() => setRegistering(true)}>
                {t('allocations.matching.register')}
              </Button>
            ) : null
          }
        />
      </Card>
      <Card size="small" title={t('allocations.matching.policies')} style={{ marginTop: 16 }}>
        <DataTable<MatchingPolicy> tableId="allocations.policies" rowKey="id" columns={policyColumns} query={policies} rows={policies.data?.items} />
      </Card>
      <RegisterModal open={registering} onClose={() => setRegistering(false)} />
      <FormModal<{ amount: number }>
        title={paying ? t('allocations.matching.payTitle', { title: paying.title }) : ""}
        open={paying !== null}
        onClose={() => setPaying(null)}
        okText={t('allocations.matching.createOrder')}
        initialValues={{ amount: paying?.remaining }}
        onSubmit={async (v) => {
          await pay.mutateAsync({ id: paying!.id, amount: v.amount });
          void message.success(t('allocations.matching.orderCreated'));
        }}
      >
        <p>
          {t('allocations.matching.remaining')}
          <Money value={paying?.remaining ?? 0} />
        </p>
        <Form.Item name="amount" rules={[{ required: true, message: t('allocations.matching.amountRequired') }]}>
          <MoneyInput aria-label={t('allocations.matching.payAmount')} max={paying?.remaining} />
        </Form.Item>
      </FormModal>
    </>
  );
}
