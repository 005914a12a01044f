import { Alert, Descriptions, Divider, Drawer, Table, Typography } from 'antd';
import { Money } from '../../../components/Money';
import { StatusTag } from '../../../components/StatusTag';
import { errorMessage } from '../../../lib/form-errors';
import { useAssignment } from '../api/get-assignment';
import { MaterialsList } from './MaterialsList';
import { ScoreForm } from './ScoreForm';
import { useMessages } from '../../../lib/i18n';
import { expertsMessages } from '../messages';

type Loose = Record<string, unknown>;
const obj = (v: unknown): Loose => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Loose) : {});
const arr = (v: unknown): Loose[] => (Array.isArray(v) ? v.map(obj) : []);
/** An amount of the application's data (yuan) in 万元; not a number: —. */
const wan = (v: unknown) => (typeof v === 'number' ? <Money value={v} unit="wan" /> : '—');
const pct = (v: unknown) => (typeof v === 'number' ? `${(v * 100).toFixed(2)}%` : '—');

interface Condition {
  code: string;
  label: string;
  status: string;
  note: string | null;
}

/** The case an expert reviews: the enterprise, its application data, the engine's assessment and bands, and the scoring form. */
export function CaseDrawer({ memberId, onClose }: { memberId: number | null; onClose: () => void }) {
  const t = useMessages(expertsMessages);
  const q = useAssignment(memberId);
  const v = q.data;
  const data = obj(v?.application.data);
  const profile = obj(data.profile);
  const assessment = obj(v?.assessment);
  const conditions = (Array.isArray(assessment.conditions) ? assessment.conditions : []) as Condition[];
  const growth = obj(assessment.growth);
  return (
    <Drawer title={v ? t('experts.case.title', { name: v.enterprise.name, type: v.application.typeName }) : t('experts.case.titleEmpty')} open={memberId !== null} onClose={onClose} size="large" destroyOnHidden>
      {q.isError ? <Alert type="error" showIcon title={errorMessage(q.error)} /> : null}
      {v ? (
        <>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('experts.case.enterprise')}>{v.enterprise.name}</Descriptions.Item>
            <Descriptions.Item label={t('experts.case.uscc')}>{v.enterprise.uscc}</Descriptions.Item>
            <Descriptions.Item label={t('experts.case.industry')}>{v.enterprise.industry}</Descriptions.Item>
            <Descriptions.Item label={t('experts.case.registeredOn')}>{v.enterprise.registeredOn}</Descriptions.Item>
            <Descriptions.Item label={t('experts.case.applicationDate')}>{v.application.applicationDate ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('experts.case.dueOn')}>{v.application.dueOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('experts.case.domain')}>{typeof profile.domain === 'string' ? profile.domain : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('experts.case.staff')}>{`${String(profile.employees ?? '—')} / ${String(profile.stEmployees ?? '—')}`}</Descriptions.Item>
          </Descriptions>
          <Divider titlePlacement="start">{t('experts.case.financials')}</Divider>
          <Table
            rowKey={(r) => String(r.year)}
            size="small"
            pagination={false}
            dataSource={arr(data.financials)}
            columns={[
              { title: t('experts.case.year'), dataIndex: 'year', width: 70 },
              { title: t('experts.case.salesRevenue'), dataIndex: 'salesRevenue', render: wan },
              { title: t('experts.case.totalAssets'), dataIndex: 'totalAssets', render: wan },
              { title: t('experts.case.totalLiabilities'), dataIndex: 'totalLiabilities', render: wan },
              { title: t('experts.case.rdExpenses'), dataIndex: 'rdExpenses', render: wan },
            ]}
          />
          <Typography.Paragraph style={{ marginTop: 8 }}>
            {t('experts.case.ipAndConversions', { ip: arr(data.ipList).length, conversions: (Array.isArray(data.conversions) ? data.conversions : []).join(t('experts.case.listSeparator')) || '—' })}
          </Typography.Paragraph>
          <Divider titlePlacement="start">{t('experts.case.materials')}</Divider>
          <MaterialsList view={v} />
          {conditions.length ? (
            <>
              <Divider titlePlacement="start">{t('experts.case.assessment')}</Divider>
              <Table
                rowKey="code"
                size="small"
                pagination={false}
                dataSource={conditions}
                columns={[
                  { title: t('experts.case.condition'), dataIndex: 'label' },
                  {
                    title: t('experts.case.result'),
                    dataIndex: 'status',
                    width: 90,
                    render: (s: string) => (s === 'passed' ? <StatusTag status={s} name={t('experts.case.passed')} tone="success" /> : s === 'pending' ? <StatusTag status={s} name={t('experts.case.pending')} tone="processing" /> : <StatusTag status={s} name={t('experts.case.failed')} tone="error" />),
                  },
                  { title: t('experts.case.note'), dataIndex: 'note', render: (n: string | null) => n ?? '' },
                ]}
              />
              <Descriptions size="small" column={2} style={{ marginTop: 8 }}>
                <Descriptions.Item label={t('experts.case.ipBand')}>{String(assessment.ipQuantityBand ?? '—')}</Descriptions.Item>
                <Descriptions.Item label={t('experts.case.conversionBand')}>{t('experts.case.conversionValue', { band: String(assessment.conversionBand ?? '—'), avg: typeof assessment.conversionAverage === 'number' ? assessment.conversionAverage.toFixed(2) : '—' })}</Descriptions.Item>
                <Descriptions.Item label={t('experts.case.netAssetGrowth')}>{t('experts.case.growthValue', { rate: pct(growth.netAssetGrowth), band: String(growth.netAssetBand ?? '—') })}</Descriptions.Item>
                <Descriptions.Item label={t('experts.case.salesGrowth')}>{t('experts.case.growthValue', { rate: pct(growth.salesGrowth), band: String(growth.salesBand ?? '—') })}</Descriptions.Item>
              </Descriptions>
            </>
          ) : null}
          <Divider titlePlacement="start">{v.scoring.mode === 'hnte' ? t('experts.case.hnteScoring') : t('experts.case.totalScoring')}</Divider>
          <ScoreForm view={v} />
        </>
      ) : null}
    </Drawer>
  );
}
