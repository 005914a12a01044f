import { Card, Col, Progress, Row, Tag, Tooltip, Typography } from 'antd';
import type { IndicatorItem } from '../api/list-indicators';
import { formatFigure, growth, percent } from './format';
import { indicatorsMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';

interface Props {
  items: IndicatorItem[];
  previous: Map<string, number | null>;
  definitions: Map<string, string | null>;
  year: number;
  loading: boolean;
  onDrill: (item: IndicatorItem) => void;
}

/** One card per indicator: value, target and progress, year-on-year change; computed figures open their records. */
export function HeadlineCards({ items, previous, definitions, year, loading, onDrill }: Props) {
  const t = useMessages(indicatorsMessages);
  return (
    <Row gutter={[12, 12]}>
      {items.map((i) => {
        const before = previous.get(i.code) ?? null;
        const yoy = growth(i.value, before);
        const progress = i.target && i.value !== null ? i.value / i.target : null;
        const drillable = i.kind === 'computed';
        return (
          <Col key={i.code} xs={24} sm={12} lg={8} xl={6}>
            <Card size="small" loading={loading} data-testid={`card-${i.code}`}>
              <Tooltip title={definitions.get(i.code) ?? ''}>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {i.name}
                </Typography.Text>
              </Tooltip>
              <div style={{ fontSize: 22, fontWeight: 600, margin: '4px 0' }}>
                {drillable ? (
                  <Typography.Link onClick={() => onDrill(i)} aria-label={t('indicators.card.records', { name: i.name })} data-testid={`drill-${i.code}`}>
                    {formatFigure(i.value, i.unit)}
                  </Typography.Link>
                ) : (
                  formatFigure(i.value, i.unit)
                )}
              </div>
              <div style={{ fontSize: 12 }}>
                {yoy !== null ? (
                  <span style={{ color: yoy >= 0 ? '#cf1322' : '#389e0d' }}>{t('indicators.card.yoy')} {percent(yoy)}</span>
                ) : (
                  <Typography.Text type="secondary">{year - 1}{t('indicators.card.noDataYear')}</Typography.Text>
                )}
                {i.target !== null ? <span style={{ marginLeft: 8 }}>{t('indicators.target')} {formatFigure(i.target, i.unit)}</span> : null}
              </div>
              {progress !== null ? <Progress percent={Math.round(progress * 1000) / 10} size="small" status={progress >= 1 ? 'success' : 'active'} /> : null}
              <div style={{ marginTop: 4 }}>
                <Tag color={drillable ? 'blue' : 'default'}>{drillable ? t('indicators.kind.computed') : t('indicators.kind.reported')}</Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: i.source ?? '' }}>
                  {i.source ?? t('indicators.card.notImported')}
                </Typography.Text>
              </div>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
