import { Alert, Card, Col, DatePicker, Descriptions, Form, InputNumber, Row, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { PageTitle } from '../../../components/PageTitle';
import { errorMessage } from '../../../lib/form-errors';
import { useDay } from '../api/get-day';
import { useWorkingDays } from '../api/get-working-days';
import { calendarMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';

const fmt = (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null);

/** Public: is a date a working day, and when does a period of N working days end (公示期). */
export default function CalendarLookupPage() {
  const t = useMessages(calendarMessages);
  const [date, setDate] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [days, setDays] = useState<number | null>(10);
  const day = useDay(date);
  const period = useWorkingDays(from, days);

  return (
    <>
      <PageTitle title={t('calendar.lookup.title')}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('calendar.lookup.intro')}
        </Typography.Paragraph>
      </PageTitle>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title={t('calendar.lookup.dayCard')}>
            <Form layout="vertical">
              <Form.Item label={t('calendar.date')}>
                <DatePicker style={{ width: '100%' }} onChange={(d) => setDate(fmt(d))} id="calendar-day" />
              </Form.Item>
            </Form>
            {day.isError ? <Alert type="error" showIcon message={errorMessage(day.error)} /> : null}
            {day.data ? (
              <Descriptions column={1} bordered size="small" data-testid="calendar-day-result">
                <Descriptions.Item label={t('calendar.date')}>{day.data.date}</Descriptions.Item>
                <Descriptions.Item label={t('calendar.lookup.isWorkingDay')}>
                  {day.data.workingDay ? <Tag color="blue">{t('calendar.lookup.workingDay')}</Tag> : <Tag color="red">{t('calendar.lookup.dayOff')}</Tag>}
                  {day.data.adjustedWorkday ? <Tag color="orange">{day.data.note}</Tag> : null}
                </Descriptions.Item>
                <Descriptions.Item label={t('calendar.lookup.holiday')}>{day.data.holiday ?? (day.data.weekend && !day.data.workingDay ? t('calendar.lookup.weekend') : '—')}</Descriptions.Item>
                {day.data.provisional ? <Descriptions.Item label={t('calendar.lookup.note')}>{t('calendar.lookup.provisionalDay')}</Descriptions.Item> : null}
              </Descriptions>
            ) : null}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('calendar.lookup.deadlineCard')}>
            <Form layout="vertical">
              <Row gutter={8}>
                <Col span={14}>
                  <Form.Item label={t('calendar.lookup.start')}>
                    <DatePicker style={{ width: '100%' }} onChange={(d) => setFrom(fmt(d))} />
                  </Form.Item>
                </Col>
                <Col span={10}>
                  <Form.Item label={t('calendar.lookup.days')}>
                    <InputNumber min={1} max={1000} precision={0} value={days} onChange={(v) => setDays(v)} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
            </Form>
            {period.isError ? <Alert type="error" showIcon message={errorMessage(period.error)} /> : null}
            {period.data ? (
              <Descriptions column={1} bordered size="small">
                <Descriptions.Item label={t('calendar.lookup.from')}>{period.data.start}</Descriptions.Item>
                <Descriptions.Item label={t('calendar.lookup.deadline')}>{period.data.end} 24:00</Descriptions.Item>
                {period.data.provisional ? <Descriptions.Item label={t('calendar.lookup.note')}>{t('calendar.lookup.provisionalDeadline')}</Descriptions.Item> : null}
              </Descriptions>
            ) : null}
          </Card>
        </Col>
      </Row>
    </>
  );
}
