import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { ApiError } from '../../../lib/api';
import { errorMessage } from '../../../lib/form-errors';
import type { CalendarYear } from '../api/get-year';
import { useSaveYear, type SaveYearInput } from '../api/save-year';
import { calendarMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';

type Entry = { date: string; name: string };
type Notice = SaveYearInput['notices'][number];

/** Loads or edits one year's arrangement: the notices it cites, the days off and the weekend days worked. */
export function YearEditor({ open, initial, onClose }: { open: boolean; initial: CalendarYear | null; onClose: () => void }) {
  const t = useMessages(calendarMessages);
  const { message } = App.useApp();
  const save = useSaveYear();
  const [year, setYear] = useState<number | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [holidays, setHolidays] = useState<Entry[]>([]);
  const [workdays, setWorkdays] = useState<Entry[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const [rangeName, setRangeName] = useState('');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [workName, setWorkName] = useState('');
  const [workDate, setWorkDate] = useState<Dayjs | null>(null);

  useEffect(() => {
    if (open) {
      setYear(initial?.year ?? dayjs().year() + 1);
      setNotices(initial?.notices ?? [{ title: '', number: '', publishedOn: null }]);
      setHolidays(initial?.holidays ?? []);
      setWorkdays(initial?.workdays ?? []);
      setProblems([]);
    }
  }, [open, initial]);

  const sortByDate = (list: Entry[]) => [...list].sort((a, b) => a.date.localeCompare(b.date));
  const addRange = () => {
    if (!range?.[0] || !range[1] || !rangeName.trim()) {
      return;
    }
    const out: Entry[] = [];
    for (let d = range[0]; !d.isAfter(range[1], 'day'); d = d.add(1, 'day')) {
      out.push({ date: d.format('YYYY-MM-DD'), name: rangeName.trim() });
    }
    setHolidays(sortByDate([...holidays.filter((h) => !out.some((o) => o.date === h.date)), ...out]));
    setRange(null);
  };
  const addWorkday = () => {
    if (!workDate || !workName.trim()) {
      return;
    }
    setWorkdays(sortByDate([...workdays.filter((w) => w.date !== workDate.format('YYYY-MM-DD')), { date: workDate.format('YYYY-MM-DD'), name: workName.trim() }]));
    setWorkDate(null);
  };

  const onSave = () => {
    if (!year) {
      return;
    }
    const body: SaveYearInput = {
      notices: notices.map((n) => ({ title: n.title, number: n.number?.trim() ? n.number.trim() : null, publishedOn: n.publishedOn || null })),
      holidays,
      workdays,
    };
    save.mutate(
      { year, body },
      {
        onSuccess: () => {
          void message.success(t('calendar.editor.saved', { year }));
          onClose();
        },
        onError: (err) => setProblems(err instanceof ApiError && err.fields.length ? err.fields.map((f) => `${f.field}：${f.message}`) : [errorMessage(err)]),
      },
    );
  };

  const entryTable = (list: Entry[], set: (l: Entry[]) => void, testId: string) => (
    <Table<Entry>
      data-testid={testId}
      size="small"
      rowKey="date"
      dataSource={list}
      pagination={false}
      scroll={{ y: 220 }}
      columns={[
        { title: t('calendar.date'), dataIndex: 'date', width: 130, render: (d: string) => t('calendar.editor.dateWithWeekday', { d, weekday: t('calendar.editor.weekdays').split(',')[dayjs(d).day()] ?? '' }) },
        { title: t('calendar.editor.name'), dataIndex: 'name' },
        { title: '', key: 'x', width: 50, render: (_, e) => <Button type="text" size="small" aria-label={t('calendar.editor.deleteDate', { date: e.date })} icon={<DeleteOutlined />} onClick={() => set(list.filter((x) => x.date !== e.date))} /> },
      ]}
    />
  );

  return (
    <Modal open={open} title={initial ? t('calendar.editor.editTitle', { year: initial.year }) : t('calendar.editor.newTitle')} width={880} onCancel={onClose} onOk={onSave} okText={t('calendar.editor.saveYear')} confirmLoading={save.isPending} destroyOnHidden>
      {problems.length ? <Alert type="error" showIcon message={t('calendar.editor.saveFailed')} description={problems.join('；')} style={{ marginBottom: 12 }} data-testid="calendar-year-error" /> : null}
      <Form layout="vertical">
        <Form.Item label={t('calendar.year')}>
          <InputNumber min={1990} max={2099} precision={0} value={year} onChange={setYear} disabled={!!initial} data-testid="calendar-year-input" />
        </Form.Item>
      </Form>
      <Typography.Title level={2} style={{ fontSize: 15 }}>
        {t('calendar.editor.notices')}
      </Typography.Title>
      {notices.map((n, i) => (
        <Space key={i} style={{ display: 'flex', marginBottom: 8 }} wrap>
          <Input style={{ width: 360 }} placeholder={t('calendar.editor.noticeTitlePlaceholder')} value={n.title} onChange={(e) => setNotices(notices.map((x, j) => (j === i ? { ...x, title: e.target.value } : x)))} aria-label={t('calendar.editor.noticeTitle')} />
          <Input style={{ width: 200 }} placeholder={t('calendar.editor.noticeNumberPlaceholder')} value={n.number ?? ''} onChange={(e) => setNotices(notices.map((x, j) => (j === i ? { ...x, number: e.target.value } : x)))} aria-label={t('calendar.editor.noticeNumber')} />
          <DatePicker placeholder={t('calendar.editor.noticeDate')} value={n.publishedOn ? dayjs(n.publishedOn) : null} onChange={(d) => setNotices(notices.map((x, j) => (j === i ? { ...x, publishedOn: d ? d.format('YYYY-MM-DD') : null } : x)))} />
          {notices.length > 1 ? <Button type="text" icon={<DeleteOutlined />} aria-label={t('calendar.editor.deleteNotice')} onClick={() => setNotices(notices.filter((_, j) => j !== i))} /> : null}
        </Space>
      ))}
      <Button icon={<PlusOutlined />} onClick={() => setNotices([...notices, { title: '', number: '', publishedOn: null }])} style={{ marginBottom: 16 }}>
        {t('calendar.editor.addNotice')}
      </Button>
      <Space align="start" style={{ display: 'flex' }} size={16}>
        <Card size="small" title={t('calendar.editor.holidays', { length: holidays.length })} style={{ width: 410 }}>
          <Space wrap style={{ marginBottom: 8 }}>
            <Input placeholder={t('calendar.editor.holidayNamePlaceholder')} value={rangeName} onChange={(e) => setRangeName(e.target.value)} style={{ width: 130 }} aria-label={t('calendar.editor.holidayName')} />
            <DatePicker.RangePicker value={range} onChange={(r) => setRange(r as [Dayjs | null, Dayjs | null] | null)} style={{ width: 230 }} />
            <Button onClick={addRange}>{t('calendar.editor.addRange')}</Button>
          </Space>
          {entryTable(holidays, setHolidays, 'calendar-holidays')}
        </Card>
        <Card size="small" title={t('calendar.editor.workdays', { length: workdays.length })} style={{ width: 410 }}>
          <Space wrap style={{ marginBottom: 8 }}>
            <Input placeholder={t('calendar.editor.workdayNamePlaceholder')} value={workName} onChange={(e) => setWorkName(e.target.value)} style={{ width: 150 }} aria-label={t('calendar.editor.workdayName')} />
            <DatePicker value={workDate} onChange={setWorkDate} />
            <Button onClick={addWorkday}>{t('calendar.editor.add')}</Button>
          </Space>
          {entryTable(workdays, setWorkdays, 'calendar-workdays')}
        </Card>
      </Space>
    </Modal>
  );
}
