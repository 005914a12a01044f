import { Alert, Button, Typography } from 'antd';
import { useState } from 'react';
import { DataTable, type DataColumn } from '../../../components/DataTable';
import { PageTitle } from '../../../components/PageTitle';
import { errorMessage } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { getYear, type CalendarYear } from '../api/get-year';
import { useCalendarYears, type CalendarYearSummary } from '../api/list-years';
import { YearEditor } from './YearEditor';
import { calendarMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';

/** city_admin: the State Council holiday arrangements by year, each citing its notice; load or edit a year. */
export default function CalendarAdminPage() {
  const t = useMessages(calendarMessages);
  const years = useCalendarYears();
  const [editing, setEditing] = useState<{ open: boolean; initial: CalendarYear | null }>({ open: false, initial: null });
  const [loadError, setLoadError] = useState<string | null>(null);

  const edit = (year: number) => {
    setLoadError(null);
    getYear(year)
      .then((y) => setEditing({ open: true, initial: y }))
      .catch((err: unknown) => setLoadError(errorMessage(err)));
  };

  const columns: DataColumn<CalendarYearSummary>[] = [
    { key: 'year', title: t('calendar.year'), dataIndex: 'year', width: 80 },
    {
      title: t('calendar.notices'),
      key: 'notices',
      render: (_, y) =>
        y.notices.map((n) => (
          <div key={n.title}>
            {n.title}
            {n.number ? `（${n.number}）` : ''}
          </div>
        )),
    },
    { key: 'holidays', title: t('calendar.holidayCount'), dataIndex: 'holidays', width: 90 },
    { key: 'workdays', title: t('calendar.workdayCount'), dataIndex: 'workdays', width: 90 },
    { key: 'updatedAt', title: t('calendar.updatedAt'), dataIndex: 'updatedAt', width: 170, render: (v: string) => formatDateTime(v) },
    {
      title: t('common.actions'),
      key: 'op',
      width: 80,
      render: (_, y) => (
        <Button type="link" onClick={() => edit(y.year)} data-testid={`calendar-edit-${y.year}`}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageTitle
        title={t('calendar.title')}
        extra={
          <Button type="primary" onClick={() => setEditing({ open: true, initial: null })} data-testid="calendar-add-year">
            {t('calendar.loadYear')}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('calendar.intro')}
        </Typography.Paragraph>
      </PageTitle>
      {loadError ? <Alert type="error" showIcon message={loadError} /> : null}
      <DataTable<CalendarYearSummary>
        tableId="calendar.years"
        data-testid="calendar-years"
        rowKey="year"
        size="middle"
        query={years}
        rows={years.data}
        columns={columns}
      />
      <YearEditor open={editing.open} initial={editing.initial} onClose={() => setEditing({ open: false, initial: null })} />
    </>
  );
}
