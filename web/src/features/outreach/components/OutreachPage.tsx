import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Space, Table, Tabs, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { PageTitle } from '../../../components/PageTitle';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import { hasAnyRole, useSession } from '../../../lib/session';
import { useCommissioners, useCreateEvent, useOutreachEvents, type Commissioner, type EventInput, type OutreachEvent } from '../api/outreach';
import { AssignmentModal, ServiceRecordModal } from './CommissionerForms';
import { PhotoUpload } from './PhotoUpload';

type EventForm = Omit<EventInput, 'heldOn'> & { heldOn?: Dayjs };

/** 科技下乡与科技特派员 (officers): record events, read the commissioners' registry. */
export default function OutreachPage() {
  const me = useSession();
  const canRecord = hasAnyRole(me, ['city_officer', 'district_officer']);
  const { message } = App.useApp();
  const [year, setYear] = useState(2016);
  const events = useOutreachEvents({ year });
  const people = useCommissioners({ year });
  const create = useCreateEvent();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<EventForm>();
  const [editing, setEditing] = useState<{ c: Commissioner; form: 'assignment' | 'record' } | null>(null);
  const submit = async (v: EventForm) => {
    try {
      await create.mutateAsync({ ...v, heldOn: v.heldOn ? v.heldOn.format('YYYY-MM-DD') : '' });
      message.success('活动已登记');
      setOpen(false);
      form.resetFields();
    } catch (err) {
      applyFieldErrors(form, err, ['title', 'heldOn', 'place', 'district', 'organisers', 'participants', 'content']);
    }
  };
  return (
    <>
      <PageTitle title="科技下乡与科技特派员" extra={canRecord ? <Button type="primary" onClick={() => setOpen(true)}>登记科技下乡活动</Button> : null} />
      <Card>
        <InputNumber aria-label="年度" value={year} min={2010} max={2030} onChange={(v) => v && setYear(v)} addonBefore="年度" style={{ marginBottom: 12 }} />
        <Tabs
          items={[
            {
              key: 'events',
              label: `科技下乡活动（${events.data?.total ?? 0} 次）`,
              children: (
                <>
                  {events.error ? <Alert type="error" showIcon message={errorMessage(events.error)} /> : null}
                  <Table
                    rowKey="id"
                    loading={events.isLoading}
                    dataSource={events.data?.items ?? []}
                    pagination={false}
                    columns={[
                      { title: '日期', dataIndex: 'heldOn', width: 110 },
                      { title: '活动', dataIndex: 'title' },
                      { title: '地点', dataIndex: 'place', width: 200 },
                      { title: '区县', dataIndex: 'districtName', width: 90 },
                      { title: '参加人数', dataIndex: 'participants', width: 90 },
                      { title: '照片', width: 70, render: (_, e) => e.photos.length },
                      ...(canRecord ? [{ title: '操作', width: 110, render: (_: unknown, e: OutreachEvent) => <PhotoUpload event={e} /> }] : []),
                    ]}
                  />
                </>
              ),
            },
            {
              key: 'commissioners',
              label: '科技特派员',
              children: (
                <Table
                  rowKey="id"
                  loading={people.isLoading}
                  dataSource={people.data?.items ?? []}
                  pagination={false}
                  columns={[
                    { title: '姓名', dataIndex: 'name', width: 90 },
                    { title: '派出单位', dataIndex: 'organization', width: 170, render: (v: string, c) => `${v}${c.title ? `（${c.title}）` : ''}` },
                    { title: '专业领域', dataIndex: 'expertise', width: 170 },
                    { title: '派驻', render: (_, c) => c.assignments.map((a) => <Tag key={a.id}>{`${a.districtName}${a.township}${a.enterpriseName ? ` · ${a.enterpriseName}` : ''}`}</Tag>) },
                    {
                      title: `${year}年度服务`,
                      width: 260,
                      render: (_, c) => (c.records[0] ? `${c.records[0].serviceDays} 天，服务 ${c.records[0].enterprisesServed} 家（户），培训 ${c.records[0].trainings} 场` : '未登记'),
                    },
                    ...(canRecord
                      ? [
                          {
                            title: '操作',
                            width: 190,
                            render: (_: unknown, c: Commissioner) => (
                              <Space size={4}>
                                <Button size="small" onClick={() => setEditing({ c, form: 'assignment' })}>
                                  派驻
                                </Button>
                                {c.records[0] ? null : (
                                  <Button size="small" onClick={() => setEditing({ c, form: 'record' })}>
                                    服务记录
                                  </Button>
                                )}
                              </Space>
                            ),
                          },
                        ]
                      : []),
                  ]}
                />
              ),
            },
          ]}
        />
      </Card>
      {editing?.form === 'assignment' ? <AssignmentModal c={editing.c} onClose={() => setEditing(null)} /> : null}
      {editing?.form === 'record' ? <ServiceRecordModal c={editing.c} year={year} onClose={() => setEditing(null)} /> : null}
      <Modal title="登记科技下乡活动" open={open} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={create.isPending} width={640} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="title" label="活动名称" rules={[{ required: true, message: '请填写活动名称' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="heldOn" label="活动日期" rules={[{ required: true, message: '请选择活动日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="place" label="地点" rules={[{ required: true, message: '请填写地点' }]}>
            <Input />
          </Form.Item>
          {hasAnyRole(me, ['city_officer']) ? (
            <Form.Item name="district" label="区县（全市性活动可不填）">
              <Input placeholder="如 淳安县" />
            </Form.Item>
          ) : null}
          <Form.Item name="organisers" label="主办、承办单位" rules={[{ required: true, message: '请填写主办、承办单位' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="participants" label="参加人数" rules={[{ required: true, message: '请填写参加人数' }]}>
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="content" label="活动内容" rules={[{ required: true, message: '请填写活动内容' }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
