import { awardsMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';
import {
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  Row,
  Select,
  Space,
  Typography,
} from "antd";
import { useEffect, useState } from "react";
import { useParams } from "react-router";
import { DataTable, type DataColumn } from "../../../components/DataTable";
import { FormModal } from "../../../components/FormModal";
import { PageTitle } from "../../../components/PageTitle";
import { StatusTag } from "../../../components/StatusTag";
import {
  useCalls,
  useNomination,
  useNominations,
  useSaveNomination,
  type NominationInput,
  type NominationSummary,
} from "../api/awards";
import { NominationDrawer } from "./NominationDrawer";

/** The technical fields; a nomination stores the field's Chinese name. */
const FIELDS = [
  'awards.field.electronics',
  'awards.field.bio',
  'awards.field.aerospace',
  'awards.field.materials',
  'awards.field.services',
  'awards.field.energy',
  'awards.field.environment',
  'awards.field.manufacturing',
] as const;

function NominationForm({
  open,
  id,
  onClose,
  onSaved,
}: {
  open: boolean;
  id: number | null;
  onClose: () => void;
  onSaved: (id: number) => void;
}) {
  const t = useMessages(awardsMessages);
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
  const submit = async (v: NominationInput) => {
    const saved = await save.mutateAsync({
      id,
      body: v,
      version: existing.data?.version,
    });
    void message.success(t('awards.my.saved'));
    onSaved(saved.id);
  };
  return (
    <FormModal<NominationInput>
      form={form}
      title={id ? t('awards.my.edit') : t('awards.my.new')}
      open={open}
      width={860}
      onClose={onClose}
      onSubmit={submit}
      okText={t('common.save')}
      initialValues={{
        completers: [{ name: "", unit: "", contribution: "" }],
      }}
    >
        <Row gutter={12}>
          <Col span={16}>
            <Form.Item
              name="title"
              label={t('awards.achievement')}
              rules={[{ required: true, message: t('awards.my.achievementRequired') }]}
            >
              <Input maxLength={80} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="field"
              label={t('awards.my.techField')}
              rules={[{ required: true, message: t('awards.my.techFieldRequired') }]}
            >
              <Select options={FIELDS.map((f) => ({ value: awardsMessages[f][0], label: t(f) }))} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="achievement"
              label={t('awards.my.innovationLabel')}
              rules={[{ required: true, message: t('awards.my.innovationRequired') }]}
            >
              <Input.TextArea rows={4} maxLength={2000} showCount />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="summary"
              label={t('awards.my.benefitsLabel')}
              rules={[{ required: true, message: t('awards.my.benefitsRequired') }]}
            >
              <Input.TextArea rows={3} maxLength={1000} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="nominatingUnit"
              label={t('awards.nominator')}
              rules={[{ required: true, message: t('awards.my.nominatorRequired') }]}
            >
              <Input maxLength={60} placeholder={t('awards.my.nominatorPlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text strong>{t('awards.my.contributorsLabel')}</Typography.Text>
        <Form.List name="completers">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" style={{ display: "flex" }}>
                  <Form.Item
                    name={[f.name, "name"]}
                    rules={[{ required: true, message: t('awards.name') }]}
                  >
                    <Input
                      placeholder={t('awards.name')}
                      aria-label={t('awards.my.contributorName')}
                      style={{ width: 110 }}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, "unit"]}
                    rules={[{ required: true, message: t('awards.my.employer') }]}
                  >
                    <Input
                      placeholder={t('awards.employer')}
                      aria-label={t('awards.my.contributorEmployer')}
                      style={{ width: 220 }}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, "contribution"]}
                    rules={[{ required: true, message: t('awards.my.contribution') }]}
                  >
                    <Input
                      placeholder={t('awards.mainContribution')}
                      aria-label={t('awards.mainContribution')}
                      style={{ width: 340 }}
                    />
                  </Form.Item>
                  <Button
                    type="link"
                    danger
                    disabled={fields.length === 1}
                    onClick={() => remove(f.name)}
                  >
                    {t('common.delete')}
                  </Button>
                </Space>
              ))}
              <Button
                size="small"
                onClick={() => add({ name: "", unit: "", contribution: "" })}
                disabled={fields.length >= 15}
              >
                {t('awards.my.addContributor')}
              </Button>
            </>
          )}
        </Form.List>
    </FormModal>
  );
}

export default function MyAwardsPage() {
  const t = useMessages(awardsMessages);
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
  const openCall = calls.data?.items.find((c) => c.state === t('awards.my.open'));
  const columns: DataColumn<NominationSummary>[] = [
    { key: "year", title: t('awards.year'), dataIndex: "year", width: 70 },
    { key: "title", title: t('awards.achievement'), dataIndex: "title" },
    { key: "status", title: t('awards.status'), dataIndex: "statusName", width: 120, render: (v: string, r) => <StatusTag status={r.status} name={v} /> },
    { key: "next", title: t('awards.next'), dataIndex: "next", render: (v: string | null) => v ?? "—" },
    { key: "awarded", title: t('awards.my.awarded'), width: 220, render: (_, r) => (r.gradeName ? `${r.gradeName}（${r.certificateNo}）` : "—") },
  ];
  return (
    <>
      <PageTitle
        title={t('awards.my.title')}
        extra={
          openCall ? (
            <Button
              type="primary"
              onClick={() => setEditing({ open: true, id: null })}
            >
              {t('awards.my.nominate')}
            </Button>
          ) : null
        }
      >
        <Typography.Text type="secondary">
          {openCall
            ? t('awards.my.callWindow', { title: openCall.title, opensOn: openCall.opensOn, closesOn: openCall.closesOn })
            : t('awards.my.noCall')}
        </Typography.Text>
      </PageTitle>
      <Card size="small">
        <DataTable<NominationSummary>
          tableId="awards.mine"
          rowKey="id"
          columns={columns}
          query={noms}
          rows={noms.data?.items}
          pagination={{ pageSize: 10 }}
          onRow={(r) => ({
            onClick: () => setOpenId(r.id),
            style: { cursor: "pointer" },
          })}
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
        onClose={() => setEditing({ open: false, id: null })}
        onSaved={setOpenId}
      />
    </>
  );
}
