import { App, Button, Card, DatePicker, Form, Input, InputNumber, Space, Tabs, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { DataTable, type DataColumn } from '../../../components/DataTable';
import { FormModal } from '../../../components/FormModal';
import { PageTitle } from '../../../components/PageTitle';
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
  const [editing, setEditing] = useState<{ c: Commissioner; form: 'assignment' | 'record' } | null>(null);
  const submit = async (v: EventForm) => {
    await create.mutateAsync({ ...v, heldOn: v.heldOn ? v.heldOn.format('YYYY-MM-DD') : '' });
    void message.success(t('outreach.event.saved'));
  };
  const eventColumns: DataColumn<OutreachEvent>[] = [
    { key: 'heldOn', title: t('outreach.date'), dataIndex: 'heldOn', width: 110 },
    { key: 'title', title: t('outreach.event.name'), dataIndex: 'title' },
    { key: 'place', title: t('outreach.place'), dataIndex: 'place', width: 200 },
    { key: 'districtName', title: t('outreach.district'), dataIndex: 'districtName', width: 90 },
    { key: 'participants', title: t('outreach.participants'), dataIndex: 'participants', width: 90 },
    { key: 'photos', title: t('outreach.photo'), width: 70, render: (_, e) => e.photos.length },
    ...(canRecord ? [{ key: 'actions', title: t('common.actions'), width: 110, render: (_: unknown, e: OutreachEvent) => <PhotoUpload event={e} /> }] : []),
  ];
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
                <DataTable<OutreachEvent> tableId="outreach.events" rowKey="id" query={events} rows={events.data?.items} columns={eventColumns} />
              ),
            },
            {
              key: 'commissioners',
              label: t('outreach.tab.commissioners'),
              children: (
                <DataTable<Commissioner>
                  tableId="outreach.commissioners"
                  rowKey="id"
                  query={people}
                  rows={people.data?.items}
                  columns={[
                    { key: 'name', title: t('outreach.commissioner.name'), dataIndex: 'name', width: 90 },
                    { key: 'organization', title: t('outreach.commissioner.employer'), dataIndex: 'organization', width: 170, render: (v: string, c) => `${v}${c.title ? `（${c.title}）` : ''}` },
                    { key: 'expertise', title: t('outreach.commissioner.field'), dataIndex: 'expertise', width: 170 },
                    { key: 'assignments', title: t('outreach.commissioner.assignment'), render: (_, c) => c.assignments.map((a) => <Tag key={a.id}>{`${a.districtName}${a.township}${a.enterpriseName ? ` · ${a.enterpriseName}` : ''}`}</Tag>) },
                    {
                      key: 'records',
                      title: t('outreach.commissioner.yearService', { year }),
                      width: 260,
                      render: (_, c) => (c.records[0] ? t('outreach.commissioner.yearSummary', { serviceDays: c.records[0].serviceDays, enterprisesServed: c.records[0].enterprisesServed, trainings: c.records[0].trainings }) : t('outreach.commissioner.notRecorded')),
                    },
                    ...(canRecord
                      ? [
                          {
                            key: 'actions',
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
      <FormModal<EventForm> title={t('outreach.event.register')} open={open} onClose={() => setOpen(false)} onSubmit={submit} width={640}>
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
      </FormModal>
    </>
  );
}
