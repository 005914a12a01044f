import { Alert, Button, Table, Typography } from 'antd';
import { useState } from 'react';
import { PageTitle } from '../../../components/PageTitle';
import { errorMessage } from '../../../lib/form-errors';
import { getYear, type CalendarYear } from '../api/get-year';
import { useCalendarYears, type CalendarYearSummary } from '../api/list-years';
import { YearEditor } from './YearEditor';

/** city_admin: the State Council holiday arrangements by year, each citing its notice; load or edit a year. */
export default function CalendarAdminPage() {
  const years = useCalendarYears();
  const [editing, setEditing] = useState<{ open: boolean; initial: CalendarYear | null }>({ open: false, initial: null });
  const [loadError, setLoadError] = useState<string | null>(null);

  const edit = (year: number) => {
    setLoadError(null);
    getYear(year)
      .then((y) => setEditing({ open: true, initial: y }))
      .catch((err: unknown) => setLoadError(errorMessage(err)));
  };

  return (
    <>
      <PageTitle
        title="节假日与工作日"
        extra={
          <Button type="primary" onClick={() => setEditing({ open: true, initial: null })} data-testid="calendar-add-year">
            载入新年度
          </Button>
        }
      >
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          公示期等按工作日计算的期限依据此表。每年国务院办公厅发布次年放假安排后，在此载入；跨年的日期（如12月30日、31日）录入到所属年份。
        </Typography.Paragraph>
      </PageTitle>
      {years.isError ? <Alert type="error" showIcon message={errorMessage(years.error)} /> : null}
      {loadError ? <Alert type="error" showIcon message={loadError} /> : null}
      <Table<CalendarYearSummary>
        data-testid="calendar-years"
        rowKey="year"
        loading={years.isPending}
        dataSource={years.data ?? []}
        pagination={false}
        columns={[
          { title: '年份', dataIndex: 'year', width: 80 },
          {
            title: '依据的通知',
            key: 'notices',
            render: (_, y) =>
              y.notices.map((n) => (
                <div key={n.title}>
                  {n.title}
                  {n.number ? `（${n.number}）` : ''}
                </div>
              )),
          },
          { title: '放假天数', dataIndex: 'holidays', width: 90 },
          { title: '调休上班', dataIndex: 'workdays', width: 90 },
          { title: '更新时间', dataIndex: 'updatedAt', width: 170, render: (v: string) => new Date(v).toLocaleString('zh-CN') },
          {
            title: '操作',
            key: 'op',
            width: 80,
            render: (_, y) => (
              <Button type="link" onClick={() => edit(y.year)} data-testid={`calendar-edit-${y.year}`}>
                编辑
              </Button>
            ),
          },
        ]}
      />
      <YearEditor open={editing.open} initial={editing.initial} onClose={() => setEditing({ open: false, initial: null })} />
    </>
  );
}
