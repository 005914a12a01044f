import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useEffect, useState } from "react";
import { useParams } from "react-router";
import { PageTitle } from "../../../components/PageTitle";
import { failedTable } from "../../../components/QueryState";
import { ApiError } from "../../../lib/api";
import { applyFieldErrors, errorMessage } from "../../../lib/form-errors";
import {
  useCalls,
  useNomination,
  useNominations,
  useSaveNomination,
  type NominationInput,
  type NominationSummary,
} from "../api/awards";
import { NominationDrawer, STATUS_COLOR } from "./NominationDrawer";

const FIELDS = [
  "电子信息",
  "生物与新医药",
  "航空航天",
  "新材料",
  "高技术服务",
  "新能源与节能",
  "资源与环境",
  "先进制造与自动化",
];

function NominationForm({
  open,
  id,
  onClose,
}: {
  open: boolean;
  id: number | null;
  onClose: (saved?: number) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<NominationInput>();
  const existing = useNomination(id);
  const save = useSaveNomination();
  useEffect(() => {
    if (open && existing.data) {
      const n = existing.data;
      form.setFieldsValue({
        title: n.title,
        field: n.field as NominationInput["field"],
        achievement: n.achievement,
        summary: n.summary,
        completers: n.completers,
        nominatingUnit: n.nominatingUnit,
      });
    }
  }, [open, existing.data, form]);
  const submit = async () => {
    const v = await form.validateFields();
    try {
      const saved = await save.mutateAsync({
        id,
        body: v,
        version: existing.data?.version,
      });
      void message.success("提名已保存，核对无误后请提交");
      onClose(saved.id);
    } catch (err) {
      const known = [
        "title",
        "field",
        "achievement",
        "summary",
        "nominatingUnit",
        "completers",
      ];
      const rest = applyFieldErrors(form, err, known);
      if (rest.length || !(err instanceof ApiError) || !err.fields.length) {
        void message.error(errorMessage(err));
      }
    }
  };
  return (
    <Modal
      title={id ? "修改提名" : "填报科技进步奖提名"}
      open={open}
      width={860}
      onCancel={() => onClose()}
      onOk={() => void submit()}
      okText="保存"
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          completers: [{ name: "", unit: "", contribution: "" }],
        }}
      >
        <Row gutter={12}>
          <Col span={16}>
            <Form.Item
              name="title"
              label="成果名称"
              rules={[{ required: true, message: "请填写成果名称" }]}
            >
              <Input maxLength={80} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="field"
              label="技术领域"
              rules={[{ required: true, message: "请选择技术领域" }]}
            >
              <Select options={FIELDS.map((f) => ({ value: f, label: f }))} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="achievement"
              label="主要科技创新内容（至少20字）"
              rules={[{ required: true, message: "请填写主要科技创新内容" }]}
            >
              <Input.TextArea rows={4} maxLength={2000} showCount />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="summary"
              label="经济效益和社会效益（至少10字）"
              rules={[{ required: true, message: "请填写经济社会效益" }]}
            >
              <Input.TextArea rows={3} maxLength={1000} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="nominatingUnit"
              label="提名单位"
              rules={[{ required: true, message: "请填写提名单位" }]}
            >
              <Input maxLength={60} placeholder="如：西湖区科技局" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text strong>主要完成人（按贡献排序）</Typography.Text>
        <Form.List name="completers">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" style={{ display: "flex" }}>
                  <Form.Item
                    name={[f.name, "name"]}
                    rules={[{ required: true, message: "姓名" }]}
                  >
                    <Input
                      placeholder="姓名"
                      aria-label="完成人姓名"
                      style={{ width: 110 }}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, "unit"]}
                    rules={[{ required: true, message: "单位" }]}
                  >
                    <Input
                      placeholder="工作单位"
                      aria-label="完成人单位"
                      style={{ width: 220 }}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, "contribution"]}
                    rules={[{ required: true, message: "贡献" }]}
                  >
                    <Input
                      placeholder="主要贡献"
                      aria-label="主要贡献"
                      style={{ width: 340 }}
                    />
                  </Form.Item>
                  <Button
                    type="link"
                    danger
                    disabled={fields.length === 1}
                    onClick={() => remove(f.name)}
                  >
                    删除
                  </Button>
                </Space>
              ))}
              <Button
                size="small"
                onClick={() => add({ name: "", unit: "", contribution: "" })}
                disabled={fields.length >= 15}
              >
                添加完成人
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

export default function MyAwardsPage() {
  const params = useParams();
  const noms = useNominations();
  const calls = useCalls();
  const [openId, setOpenId] = useState<number | null>(
    params.id ? Number(params.id) : null,
  );
  const [editing, setEditing] = useState<{ open: boolean; id: number | null }>({
    open: false,
    id: null,
  });
  const openCall = calls.data?.items.find((c) => c.state === "申报中");
  return (
    <>
      <PageTitle
        title="科技进步奖提名"
        extra={
          openCall ? (
            <Button
              type="primary"
              onClick={() => setEditing({ open: true, id: null })}
            >
              填报提名
            </Button>
          ) : null
        }
      >
        <Typography.Text type="secondary">
          {openCall
            ? `${openCall.title}：${openCall.opensOn} 至 ${openCall.closesOn} 受理`
            : "当前没有受理中的评选通知"}
        </Typography.Text>
      </PageTitle>
      <Card size="small">
        <Table<NominationSummary>
          rowKey="id"
          size="small"
          loading={noms.isLoading}
          {...failedTable(noms)}
          locale={{ emptyText: <Empty description="尚无提名" /> }}
          dataSource={noms.data?.items ?? []}
          onRow={(r) => ({
            onClick: () => setOpenId(r.id),
            style: { cursor: "pointer" },
          })}
          columns={[
            { title: "年度", dataIndex: "year", width: 70 },
            { title: "成果名称", dataIndex: "title" },
            {
              title: "状态",
              dataIndex: "statusName",
              width: 120,
              render: (v: string, r) => (
                <Tag color={STATUS_COLOR[r.status]}>{v}</Tag>
              ),
            },
            {
              title: "下一步",
              dataIndex: "next",
              render: (v: string | null) => v ?? "—",
            },
            {
              title: "获奖",
              width: 220,
              render: (_, r) =>
                r.gradeName ? `${r.gradeName}（${r.certificateNo}）` : "—",
            },
          ]}
        />
      </Card>
      <NominationDrawer
        id={openId}
        onClose={() => setOpenId(null)}
        onEdit={() => {
          setEditing({ open: true, id: openId });
          setOpenId(null);
        }}
      />
      <NominationForm
        open={editing.open}
        id={editing.id}
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
