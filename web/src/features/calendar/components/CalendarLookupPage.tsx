import { Alert, Card, Col, DatePicker, Descriptions, Form, InputNumber, Row, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { PageTitle } from '../../../components/PageTitle';
import { errorMessage } from '../../../lib/form-errors';
import { useDay } from '../api/get-day';
import { useWorkingDays } from '../api/get-working-days';

const fmt = (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null);

/** Public: is a date a working day, and when does a period of N working days end (公示期). */
export default function CalendarLookupPage() {
  const [date, setDate] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [days, setDays] = useState<number | null>(10);
  const day = useDay(date);
  const period = useWorkingDays(from, days);

  return (
    <>
      <PageTitle title="工作日查询">
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          按国务院办公厅每年的部分节假日安排通知（含调休上班日）计算。
        </Typography.Paragraph>
      </PageTitle>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title="某日是否为工作日">
            <Form layout="vertical">
              <Form.Item label="日期">
                <DatePicker style={{ width: '100%' }} onChange={(d) => setDate(fmt(d))} id="calendar-day" />
              </Form.Item>
            </Form>
            {day.isError ? <Alert type="error" showIcon message={errorMessage(day.error)} /> : null}
            {day.data ? (
              <Descriptions column={1} bordered size="small" data-testid="calendar-day-result">
                <Descriptions.Item label="日期">{day.data.date}</Descriptions.Item>
                <Descriptions.Item label="是否工作日">
                  {day.data.workingDay ? <Tag color="blue">工作日</Tag> : <Tag color="red">休息日</Tag>}
                  {day.data.adjustedWorkday ? <Tag color="orange">{day.data.note}</Tag> : null}
                </Descriptions.Item>
                <Descriptions.Item label="节假日">{day.data.holiday ?? (day.data.weekend && !day.data.workingDay ? '周末' : '—')}</Descriptions.Item>
                {day.data.provisional ? <Descriptions.Item label="提示">该年度放假安排尚未发布，暂按周一至周五计算</Descriptions.Item> : null}
              </Descriptions>
            ) : null}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="N 个工作日的截止日（如公示期）">
            <Form layout="vertical">
              <Row gutter={8}>
                <Col span={14}>
                  <Form.Item label="起始日（发布日）">
                    <DatePicker style={{ width: '100%' }} onChange={(d) => setFrom(fmt(d))} />
                  </Form.Item>
                </Col>
                <Col span={10}>
                  <Form.Item label="工作日数">
                    <InputNumber min={1} max={1000} precision={0} value={days} onChange={(v) => setDays(v)} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
            </Form>
            {period.isError ? <Alert type="error" showIcon message={errorMessage(period.error)} /> : null}
            {period.data ? (
              <Descriptions column={1} bordered size="small">
                <Descriptions.Item label="起算日">{period.data.start}</Descriptions.Item>
                <Descriptions.Item label="截止日">{period.data.end} 24:00</Descriptions.Item>
                {period.data.provisional ? <Descriptions.Item label="提示">涉及尚未发布放假安排的年度，结果为暂定</Descriptions.Item> : null}
              </Descriptions>
            ) : null}
          </Card>
        </Col>
      </Row>
    </>
  );
}
