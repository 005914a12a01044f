import { Tabs, Typography } from 'antd';
import { PageTitle } from '../../../components/PageTitle';
import { HnteForm } from './HnteForm';
import { TechSmeForm } from './TechSmeForm';
import { useMessages } from '../../../lib/i18n';
import { rulesMessages } from '../messages';

/** Public (no login): an enterprise checks itself against the national rules before applying. */
export default function SelfAssessmentPage() {
  const t = useMessages(rulesMessages);
  return (
    <>
      <PageTitle title={t('rules.title')}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('rules.intro')}
        </Typography.Paragraph>
      </PageTitle>
      <Tabs
        items={[
          { key: 'hnte', label: t('rules.tab.hnte'), children: <HnteForm /> },
          { key: 'tech-sme', label: t('rules.tab.techSme'), children: <TechSmeForm /> },
        ]}
      />
    </>
  );
}
