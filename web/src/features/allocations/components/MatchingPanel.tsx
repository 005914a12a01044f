import { allocationsMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Statistic,
  Table,
  Tag,
} from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { Link } from "react-router";
import { Money, renderWan } from "../../../components/Money";
import { MoneyInput } from "../../../components/MoneyInput";
import { failedTable } from "../../../components/QueryState";
import { applyFieldErrors, errorMessage } from "../../../lib/form-errors";
import {
  useMatchingPolicies,
  useMatchingProjects,
  usePayMatching,
  useRegisterProject,
  type MatchingProject,
  type ProjectInput,
} from "../api/matching";

function RegisterModal({
  open,
  onClose,
}: {
  open: boolean;
  onClose: () => void;
}) {
  const t = useMessages(allocationsMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<
    Omit<ProjectInput, "approvedOn"> & { approvedOn?: Dayjs }
  >();
  const register = useRegisterProject();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      const p = await register.mutateAsync({
        ...v,
        approvedOn: v.approvedOn?.format("YYYY-MM-DD") ?? "",
      });
      void message.success(
        t('allocations.matching.registered', { v0: p.matching.toLocaleString("zh-CN") }),
      );
      onClose();
    } catch (err) {
      if (
        !applyFieldErrors(form, err, [
          "level",
          "sourceProgramme",
          "title",
          "approvalDocNo",
          "enterpriseId",
          "external",
          "approvedOn",
        ]).length
      ) {
        void message.error(errorMessage(err));
      }
    }
  };
  return (
    <Modal
      title={t('allocations.matching.formTitle')}
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={register.isPending}
      destroyOnHidden
      width={680}
    >
      <Form form={form} layout="vertical" initialValues={{ level: "national" }}>
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
      </Form>
    </Modal>
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
  const [amount, setAmount] = useState<number | null>(null);
  const totals = projects.data?.totals;
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
      <Card
        size="small"
        title={t('allocations.matching.projects')}
        extra={
          canAct ? (
            <Button type="primary" onClick={() => setRegistering(true)}>
              {t('allocations.matching.register')}
            </Button>
          ) : null
        }
      >
        <Table<MatchingProject>
          rowKey="id"
          size="small"
          loading={projects.isLoading}
          {...failedTable(projects)}
          dataSource={projects.data?.items ?? []}
          columns={[
            { title: t('allocations.matching.level'), dataIndex: "levelName", width: 70 },
            {
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
            {
              title: t('allocations.matching.enterprise'),
              dataIndex: "enterpriseName",
              width: 200,
              ellipsis: true,
            },
            { title: t('allocations.matching.approvedOn'), dataIndex: "approvedOn", width: 105 },
            {
              title: t('allocations.matching.grantShort'),
              dataIndex: "external",
              render: renderWan,
              align: "right",
            },
            {
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
            {
              title: t('allocations.matching.paid'),
              dataIndex: "paid",
              render: renderWan,
              align: "right",
            },
            {
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
              title: t('allocations.matching.paymentOrder'),
              render: (_, p) =>
                p.orderIds.length ? (
                  <Link to="/payments">
                    {p.orderIds.map((id) => `#${id}`).join("、")}
                  </Link>
                ) : (
                  "—"
                ),
            },
            ...(canAct
              ? [
                  {
                    title: t('common.actions'),
                    width: 80,
                    render: (_: unknown, p: MatchingProject) =>
                      p.remaining > 0 ? (
                        <Button
                          size="small"
                          onClick={() => {
                            setPaying(p);
                            setAmount(p.remaining);
                          }}
                        >
                          {t('allocations.matching.pay')}
                        </Button>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card
        size="small"
        title={t('allocations.matching.policies')}
        style={{ marginTop: 16 }}
      >
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={policies.data?.items ?? []}
          columns={[
            { title: t('allocations.matching.level'), dataIndex: "levelName" },
            {
              title: t('allocations.matching.rate'),
              dataIndex: "ratio",
              render: (r: string) => `${Number(r) * 100}%`,
            },
            { title: t('allocations.matching.cap'), dataIndex: "cap", render: renderWan },
            { title: t('allocations.matching.effective'), dataIndex: "effectiveFrom" },
            {
              title: t('allocations.matching.expires'),
              dataIndex: "effectiveTo",
              render: (v: string | null) => v ?? "—",
            },
            { title: t('allocations.matching.documentNo'), dataIndex: "documentNo" },
          ]}
        />
      </Card>
      <RegisterModal open={registering} onClose={() => setRegistering(false)} />
      <Modal
        title={paying ? t('allocations.matching.payTitle', { title: paying.title }) : ""}
        open={paying !== null}
        onCancel={() => setPaying(null)}
        confirmLoading={pay.isPending}
        okText={t('allocations.matching.createOrder')}
        onOk={async () => {
          try {
            await pay.mutateAsync({ id: paying!.id, amount: amount ?? 0 });
            void message.success(t('allocations.matching.orderCreated'));
            setPaying(null);
          } catch (err) {
            void message.error(errorMessage(err));
          }
        }}
      >
        <p>
          {t('allocations.matching.remaining')}
          <Money value={paying?.remaining ?? 0} />
        </p>
        <MoneyInput
          aria-label={t('allocations.matching.payAmount')}
          value={amount ?? undefined}
          onChange={(v) => setAmount(v ?? null)}
          max={paying?.remaining}
        />
      </Modal>
    </>
  );
}
