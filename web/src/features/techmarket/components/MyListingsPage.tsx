import { App, Button, Card, Form, Input, InputNumber, Select, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import { useCreateListing, type CreateListingInput } from '../api/create-listing';
import { useMyListings } from '../api/list-my-listings';
import { DOMAINS, KIND_NAMES, PRICE_MODE_NAMES, STATUS_NAMES } from './labels';
import { MoneyInput } from '../../../components/MoneyInput';

const FIELDS = ['kind', 'title', 'description', 'domain', 'maturity', 'priceMode', 'price', 'contactName', 'contactPhone'] as const;

/** Enterprise users: post supply or demand listings and follow their moderation. */
export default function MyListingsPage() {
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateListingInput>();
  const mine = useMyListings();
  const create = useCreateListing();
  const submit = async (values: CreateListingInput) => {
    try {
      await create.mutateAsync(values);
      message.success('已提交，等待市科委审核后公开');
      form.resetFields();
    } catch (err) {
      const unplaced = applyFieldErrors(form, err, FIELDS);
      if (unplaced.length || !(err instanceof Error)) {
        message.error(errorMessage(err));
      }
    }
  };
  return (
    <>
      <PageTitle title="我的发布" />
      <Card title="发布成果或需求" style={{ marginBottom: 16 }}>
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'supply', priceMode: 'negotiable' }} style={{ maxWidth: 720 }}>
          <Form.Item name="kind" label="类型" rules={[{ required: true }]}>
            <Select options={Object.entries(KIND_NAMES).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="title" label="标题" rules={[{ required: true, min: 4, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="description" label="描述" rules={[{ required: true, min: 10, max: 5000 }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
          <Form.Item name="domain" label="技术领域" rules={[{ required: true }]}>
            <Select options={DOMAINS.map((d) => ({ value: d, label: d }))} />
          </Form.Item>
          <Form.Item name="maturity" label="技术成熟度（TRL 1–9）">
            <InputNumber min={1} max={9} precision={0} />
          </Form.Item>
          <Form.Item name="priceMode" label="定价方式" rules={[{ required: true }]}>
            <Select options={Object.entries(PRICE_MODE_NAMES).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="price" label="价格（元，一口价必填）">
            <MoneyInput />
          </Form.Item>
          <Form.Item name="contactName" label="联系人">
            <Input />
          </Form.Item>
          <Form.Item name="contactPhone" label="联系电话（加密保存，对外脱敏显示）">
            <Input />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            提交审核
          </Button>
        </Form>
      </Card>
      <Card title="本单位发布的信息">
        <Table
          rowKey="id"
          loading={mine.isLoading}
          dataSource={mine.data?.items ?? []}
          pagination={false}
          columns={[
            { title: '标题', dataIndex: 'title', render: (v: string, r) => <Link to={`/techmarket/listings/${r.id}`}>{v}</Link> },
            { title: '类型', dataIndex: 'kind', render: (k: 'supply' | 'demand') => KIND_NAMES[k] },
            { title: '领域', dataIndex: 'domain' },
            { title: '状态', dataIndex: 'status', render: (s: keyof typeof STATUS_NAMES) => <Tag color={s === 'approved' ? 'green' : s === 'rejected' ? 'red' : 'gold'}>{STATUS_NAMES[s]}</Tag> },
            { title: '匹配', key: 'm', render: (_, r) => (r.status === 'approved' ? <Link to={`/techmarket/listings/${r.id}`}>查看匹配</Link> : '—') },
          ]}
        />
      </Card>
    </>
  );
}
