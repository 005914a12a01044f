import { App, Button, Card, Form, Input, InputNumber, Select } from 'antd';
import { Link } from 'react-router';
import { DataTable, type DataColumn } from '../../../components/DataTable';
import { PageTitle } from '../../../components/PageTitle';
import { StatusTag } from '../../../components/StatusTag';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import { useCreateListing, type CreateListingInput } from '../api/create-listing';
import { useMyListings, type MyListing } from '../api/list-my-listings';
import { domainOptions, kindName, kindOptions, priceModeOptions } from './labels';
import { MoneyInput } from '../../../components/MoneyInput';
import { techmarketMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';

const FIELDS = ['kind', 'title', 'description', 'domain', 'maturity', 'priceMode', 'price', 'contactName', 'contactPhone'] as const;

/** Enterprise users: post supply or demand listings and follow their moderation. */
export default function MyListingsPage() {
  const t = useMessages(techmarketMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateListingInput>();
  const mine = useMyListings();
  const create = useCreateListing();
  const submit = async (values: CreateListingInput) => {
    try {
      await create.mutateAsync(values);
      message.success(t('techmarket.mine.submitted'));
      form.resetFields();
    } catch (err) {
      const unplaced = applyFieldErrors(form, err, FIELDS);
      if (unplaced.length || !(err instanceof Error)) {
        message.error(errorMessage(err));
      }
    }
  };
  const columns: DataColumn<MyListing>[] = [
    { key: 'title', title: t('techmarket.title'), dataIndex: 'title', render: (v: string, r) => <Link to={`/techmarket/listings/${r.id}`}>{v}</Link> },
    { key: 'kind', title: t('techmarket.type'), dataIndex: 'kind', render: (k: 'supply' | 'demand') => kindName(t, k) },
    { key: 'domain', title: t('techmarket.field'), dataIndex: 'domain' },
    { key: 'status', title: t('techmarket.status'), dataIndex: 'status', render: (s: string, r) => <StatusTag status={s} name={r.statusName} /> },
    { key: 'matches', title: t('techmarket.mine.matches'), render: (_, r) => (r.status === 'approved' ? <Link to={`/techmarket/listings/${r.id}`}>{t('techmarket.mine.viewMatches')}</Link> : '—') },
  ];
  return (
    <>
      <PageTitle title={t('techmarket.mine.title')} />
      <Card title={t('techmarket.mine.post')} style={{ marginBottom: 16 }}>
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'supply', priceMode: 'negotiable' }} style={{ maxWidth: 720 }}>
          <Form.Item name="kind" label={t('techmarket.type')} rules={[{ required: true }]}>
            <Select options={kindOptions(t)} />
          </Form.Item>
          <Form.Item name="title" label={t('techmarket.title')} rules={[{ required: true, min: 4, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="description" label={t('techmarket.mine.description')} rules={[{ required: true, min: 10, max: 5000 }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
          <Form.Item name="domain" label={t('techmarket.domain')} rules={[{ required: true }]}>
            <Select options={domainOptions(t)} />
          </Form.Item>
          <Form.Item name="maturity" label={t('techmarket.mine.trl')}>
            <InputNumber min={1} max={9} precision={0} />
          </Form.Item>
          <Form.Item name="priceMode" label={t('techmarket.mine.priceMode')} rules={[{ required: true }]}>
            <Select options={priceModeOptions(t)} />
          </Form.Item>
          <Form.Item name="price" label={t('techmarket.mine.priceLabel')}>
            <MoneyInput />
          </Form.Item>
          <Form.Item name="contactName" label={t('techmarket.listing.contact')}>
            <Input />
          </Form.Item>
          <Form.Item name="contactPhone" label={t('techmarket.mine.phoneLabel')}>
            <Input />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('techmarket.mine.submit')}
          </Button>
        </Form>
      </Card>
      <Card title={t('techmarket.mine.list')}>
        <DataTable<MyListing> tableId="techmarket.mine" rowKey="id" columns={columns} query={mine} rows={mine.data?.items} />
      </Card>
    </>
  );
}
