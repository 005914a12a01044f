import { Tabs, Typography } from 'antd';
import { PageTitle } from '../../../components/PageTitle';
import { HnteForm } from './HnteForm';
import { TechSmeForm } from './TechSmeForm';

/** Public (no login): an enterprise checks itself against the national rules before applying. */
export default function SelfAssessmentPage() {
  return (
    <>
      <PageTitle title="企业认定条件自评">
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          无需登录。填写企业数据，按现行认定办法逐项核对条件、计算比例与评分档次。
        </Typography.Paragraph>
      </PageTitle>
      <Tabs
        items={[
          { key: 'hnte', label: '高新技术企业', children: <HnteForm /> },
          { key: 'tech-sme', label: '科技型中小企业', children: <TechSmeForm /> },
        ]}
      />
    </>
  );
}
