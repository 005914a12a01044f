import { Alert, Card, Col, Empty, Image, Row, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { PageTitle } from '../../../components/PageTitle';
import { errorMessage } from '../../../lib/form-errors';
import { useOutreachEvents } from '../api/outreach';
import { outreachMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';

/** 科技下乡 (public): the events by year with their photos. */
export default function PublicOutreachPage() {
  const t = useMessages(outreachMessages);
  const [year, setYear] = useState<number | undefined>(2016);
  const list = useOutreachEvents(year ? { year } : {});
  return (
    <>
      <PageTitle title={t('outreach.public.title')}>
        <Typography.Text type="secondary">{t('outreach.public.intro')}</Typography.Text>
      </PageTitle>
      <Space style={{ marginBottom: 12 }}>
        <span>{t('outreach.year')}</span>
        <Select aria-label={t('outreach.year')} style={{ width: 120 }} value={year ?? 0} onChange={(v) => setYear(v || undefined)} options={[{ value: 0, label: t('outreach.public.all') }, ...[2016, 2015].map((y) => ({ value: y, label: t('outreach.public.yearOption', { y }) }))]} />
        {list.data ? <Typography.Text type="secondary">{t('outreach.public.total', { total: list.data.total })}</Typography.Text> : null}
      </Space>
      {list.error ? <Alert type="error" showIcon message={errorMessage(list.error)} /> : null}
      {list.data && !list.data.items.length ? <Empty description={t('outreach.public.empty')} /> : null}
      <Row gutter={[16, 16]}>
        {(list.data?.items ?? []).map((e) => (
          <Col key={e.id} xs={24} lg={12}>
            <Card title={e.title} extra={<Tag>{e.heldOn}</Tag>} data-testid="outreach-event">
              <Typography.Paragraph style={{ marginBottom: 4 }}>
                {t('outreach.public.venue', { place: e.place, v1: e.districtName ? `（${e.districtName}）` : '', participants: e.participants })}
              </Typography.Paragraph>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
                {t('outreach.public.organisers')}{e.organisers}
              </Typography.Paragraph>
              <Typography.Paragraph>{e.content}</Typography.Paragraph>
              {e.photos.length ? (
                <Image.PreviewGroup>
                  <Space wrap>
                    {e.photos.map((p) => (
                      <Image key={p.id} width={120} src={`/api/outreach/events/${e.id}/photos/${p.id}`} alt={p.caption ?? p.fileName} />
                    ))}
                  </Space>
                </Image.PreviewGroup>
              ) : null}
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
