import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Space, Table, Tabs, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { PageTitle } from '../../../components/PageTitle';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import { hasAnyRole, useSession } from '../../../lib/session';
import { useCommissioners, useCreateEvent, useOutreachEvents, type Commissioner, type EventInput, type OutreachEvent } from '../api/outreach';
import { AssignmentModal, ServiceRecordModal } from './CommissionerForms';
import { PhotoUpload } from './PhotoUpload';
import { outreachMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';

type EventForm = Omit<EventInput, 'heldOn'> & { heldOn?: Dayjs };

/** 科技下乡与科技特派员 (officers): record events, read the commissioners' registry. */
export default function OutreachPage() {
  const t = useMessages(outreachMessages);
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
      message.success(t('outreach.event.saved'));
      setOpen(false);
      form.resetFields();
    } catch (err) {
      applyFieldErrors(form, err, ['title', 'heldOn', 'place', 'district', 'organisers', 'participants', 'content']);
    }
  };
  return (
    <>
      <PageTitle title={t('outreach.title')} extra={canRecord ? <Button type="primary" onClick={() => setOpen(true)}>{t('outreach.event.register')}</Button> : null} />
      <Card>
        <InputNumber aria-label={t('outreach.year')} value={year} min={2010} max={2030} onChange={(v) => v && setYear(v)} addonBefore={t('outreach.year')} style={{ marginBottom: 12 }} />
        <Tabs
          items={[
            {
              key: 'events',
              label: t('outreach.tab.events', { v0: events.data?.total ?? 0 }),
              children: (
                <>
                  {events.error ? <Alert type="error" showIcon message={errorMessage(events.error)} /> : null}
                  <Table
                    rowKey="id"
                    loading={events.isLoading}
                    dataSource={events.data?.items ?? []}
                    pagination={false}
                    columns={[
                      { title: t('outreach.date'), dataIndex: 'heldOn', width: 110 },
                      { title: t('outreach.event.name'), dataIndex: 'title' },
                      { title: t('outreach.place'), dataIndex: 'place', width: 200 },
                      { title: t('outreach.district'), dataIndex: 'districtName', width: 90 },
                      { title: t('outreach.participants'), dataIndex: 'participants', width: 90 },
                      { title: t('outreach.photo'), width: 70, render: (_, e) => e.photos.length },
                      ...(canRecord ? [{ title: t('common.actions'), width: 110, render: (_: unknown, e: OutreachEvent) => <PhotoUpload event={e} /> }] : []),
                    ]}
                  />
                </>
              ),
            },
            {
              key: 'commissioners',
              label: t('outreach.tab.commissioners'),
              children: (
                <Table
                  rowKey="id"
                  loading={people.isLoading}
                  dataSource={people.data?.items ?? []}
                  pagination={false}
                  columns={[
                    { title: t('outreach.commissioner.name'), dataIndex: 'name', width: 90 },
                    { title: t('outreach.commissioner.employer'), dataIndex: 'organization', width: 170, render: (v: string, c) => `${v}${c.title ? `（${c.title}）` : ''}` },
                    { title: t('outreach.commissioner.field'), dataIndex: 'expertise', width: 170 },
                    { title: t('outreach.commissioner.assignment'), render: (_, c) => c.assignments.map((a) => <Tag key={a.id}>{`${a.districtName}${a.township}${a.enterpriseName ? ` · ${a.enterpriseName}` : ''}`}</Tag>) },
                    {
                      title: t('outreach.commissioner.yearService', { year }),
                      width: 260,
                      render: (_, c) => (c.records[0] ? t('outreach.commissioner.yearSummary', { serviceDays: c.records[0].serviceDays, enterprisesServed: c.records[0].enterprisesServed, trainings: c.records[0].trainings }) : t('outreach.commissioner.notRecorded')),
                    },
                    ...(canRecord
                      ? [
                          {
                            title: t('common.actions'),
                            width: 190,
                            render: (_: unknown, c: Commissioner) => (
                              <Space size={4}>
                                <Button size="small" onClick={() => setEditing({ c, form: 'assignment' })}>
                                  {t('outreach.commissioner.assign')}
                                </Button>
                                {c.records[0] ? null : (
                                  <Button size="small" onClick={() => setEditing({ c, form: 'record' })}>
                                    {t('outreach.commissioner.serviceRecord')}
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
      <Modal title={t('outreach.event.register')} open={open} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={create.isPending} width={640} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="title" label={t('outreach.event.title')} rules={[{ required: true, message: t('outreach.event.titleRequired') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="heldOn" label={t('outreach.event.heldOn')} rules={[{ required: true, message: t('outreach.event.heldOnRequired') }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="place" label={t('outreach.place')} rules={[{ required: true, message: t('outreach.event.placeRequired') }]}>
            <Input />
          </Form.Item>
          {hasAnyRole(me, ['city_officer']) ? (
            <Form.Item name="district" label={t('outreach.event.district')}>
              <Input placeholder={t('outreach.event.districtPlaceholder')} />
            </Form.Item>
          ) : null}
          <Form.Item name="organisers" label={t('outreach.event.organisers')} rules={[{ required: true, message: t('outreach.event.organisersRequired') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="participants" label={t('outreach.participants')} rules={[{ required: true, message: t('outreach.event.participantsRequired') }]}>
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="content" label={t('outreach.event.content')} rules={[{ required: true, message: t('outreach.event.contentRequired') }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
