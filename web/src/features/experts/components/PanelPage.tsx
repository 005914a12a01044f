import { Button } from 'antd';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { StatusPage } from '../../../components/StatusPage';
import { PanelCard } from './PanelCard';
import { useMessages, useT } from '../../../lib/i18n';
import { expertsMessages } from '../messages';

/** /experts/panels/:applicationId — the panel of one application on its own page. */
export default function PanelPage() {
  const t = useMessages(expertsMessages);
  const tc = useT();
  const { applicationId } = useParams();
  const id = Number(applicationId);
  if (!Number.isSafeInteger(id) || id <= 0) {
    return <StatusPage kind="notFound" />;
  }
  return (
    <>
      <PageTitle
        title={t('experts.panelPage.title', { id })}
        extra={
          <Button>
            <Link to="/experts">{tc('nav.experts')}</Link>
          </Button>
        }
      />
      <PanelCard applicationId={id} />
    </>
  );
}
