import { Alert, Descriptions, Divider, Drawer, Table, Tag, Typography } from 'antd';
import { errorMessage } from '../../../lib/form-errors';
import { useAssignment } from '../api/get-assignment';
import { MaterialsList } from './MaterialsList';
import { ScoreForm } from './ScoreForm';

type Loose = Record<string, unknown>;
const obj = (v: unknown): Loose => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Loose) : {});
const arr = (v: unknown): Loose[] => (Array.isArray(v) ? v.map(obj) : []);
const yuan = (v: unknown) => (typeof v === 'number' ? `${(v / 10000).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 万元` : '—');
const pct = (v: unknown) => (typeof v === 'number' ? `${(v * 100).toFixed(2)}%` : '—');

interface Condition {
  code: string;
  label: string;
  status: string;
  note: string | null;
}

/** The case an expert reviews: the enterprise, its application data, the engine's assessment and bands, and the scoring form. */
export function CaseDrawer({ memberId, onClose }: { memberId: number | null; onClose: () => void }) {
  const q = useAssignment(memberId);
  const v = q.data;
  const data = obj(v?.application.data);
  const profile = obj(data.profile);
  const assessment = obj(v?.assessment);
  const conditions = (Array.isArray(assessment.conditions) ? assessment.conditions : []) as Condition[];
  const growth = obj(assessment.growth);
  return (
    <Drawer title={v ? `评审：${v.enterprise.name}（${v.application.typeName}）` : '评审任务'} open={memberId !== null} onClose={onClose} size="large" destroyOnHidden>
      {q.isError ? <Alert type="error" showIcon title={errorMessage(q.error)} /> : null}
      {v ? (
        <>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label="企业">{v.enterprise.name}</Descriptions.Item>
            <Descriptions.Item label="统一社会信用代码">{v.enterprise.uscc}</Descriptions.Item>
            <Descriptions.Item label="行业">{v.enterprise.industry}</Descriptions.Item>
            <Descriptions.Item label="注册日期">{v.enterprise.registeredOn}</Descriptions.Item>
            <Descriptions.Item label="申请日期">{v.application.applicationDate ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="评审截止">{v.application.dueOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="技术领域">{typeof profile.domain === 'string' ? profile.domain : '—'}</Descriptions.Item>
            <Descriptions.Item label="职工 / 科技人员">{`${String(profile.employees ?? '—')} / ${String(profile.stEmployees ?? '—')}`}</Descriptions.Item>
          </Descriptions>
          <Divider titlePlacement="start">近三年财务数据</Divider>
          <Table
            rowKey={(r) => String(r.year)}
            size="small"
            pagination={false}
            dataSource={arr(data.financials)}
            columns={[
              { title: '年度', dataIndex: 'year', width: 70 },
              { title: '销售收入', dataIndex: 'salesRevenue', render: yuan },
              { title: '资产总额', dataIndex: 'totalAssets', render: yuan },
              { title: '负债总额', dataIndex: 'totalLiabilities', render: yuan },
              { title: '研发费用', dataIndex: 'rdExpenses', render: yuan },
            ]}
          />
          <Typography.Paragraph style={{ marginTop: 8 }}>
            知识产权 {arr(data.ipList).length} 项；近三年成果转化：{(Array.isArray(data.conversions) ? data.conversions : []).join('、') || '—'}
          </Typography.Paragraph>
          <Divider titlePlacement="start">申报材料（只读）</Divider>
          <MaterialsList view={v} />
          {conditions.length ? (
            <>
              <Divider titlePlacement="start">规则引擎评估（按申请日有效的规则）</Divider>
              <Table
                rowKey="code"
                size="small"
                pagination={false}
                dataSource={conditions}
                columns={[
                  { title: '条件', dataIndex: 'label' },
                  {
                    title: '结果',
                    dataIndex: 'status',
                    width: 90,
                    render: (s: string) => (s === 'passed' ? <Tag color="green">符合</Tag> : s === 'pending' ? <Tag color="blue">待评分</Tag> : <Tag color="red">不符合</Tag>),
                  },
                  { title: '说明', dataIndex: 'note', render: (n: string | null) => n ?? '' },
                ]}
              />
              <Descriptions size="small" column={2} style={{ marginTop: 8 }}>
                <Descriptions.Item label="知识产权数量档">{String(assessment.ipQuantityBand ?? '—')}</Descriptions.Item>
                <Descriptions.Item label="成果转化档">{`${String(assessment.conversionBand ?? '—')}（年均 ${typeof assessment.conversionAverage === 'number' ? assessment.conversionAverage.toFixed(2) : '—'} 项）`}</Descriptions.Item>
                <Descriptions.Item label="净资产增长率">{`${pct(growth.netAssetGrowth)}（${String(growth.netAssetBand ?? '—')}档）`}</Descriptions.Item>
                <Descriptions.Item label="销售收入增长率">{`${pct(growth.salesGrowth)}（${String(growth.salesBand ?? '—')}档）`}</Descriptions.Item>
              </Descriptions>
            </>
          ) : null}
          <Divider titlePlacement="start">{v.scoring.mode === 'hnte' ? '企业创新能力评分（各项须在允许范围内）' : '综合评分'}</Divider>
          <ScoreForm view={v} />
        </>
      ) : null}
    </Drawer>
  );
}
