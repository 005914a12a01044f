import { Button } from 'antd';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { StatusPage } from '../../../components/StatusPage';
import { PanelCard } from './PanelCard';

/** /experts/panels/:applicationId — the panel of one application on its own page. */
export default function PanelPage() {
  const { applicationId } = useParams();
  const id = Number(applicationId);
  if (!Number.isSafeInteger(id) || id <= 0) {
    return <StatusPage kind="notFound" />;
  }
  return (
    <>
      <PageTitle
        title={`专家评审（申报 #${id}）`}
        extra={
          <Button>
            <Link to="/experts">专家库</Link>
          </Button>
        }
      />
      <PanelCard applicationId={id} />
    </>
  );
}
