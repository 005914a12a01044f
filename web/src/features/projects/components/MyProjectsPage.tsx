import { Alert } from 'antd';
import { useState } from 'react';
import { PageTitle } from '../../../components/PageTitle';
import { useLinkedProject } from '../api/get-follow-up';
import { useProjects } from '../api/list-projects';
import { ProjectDrawer } from './ProjectDrawer';
import { ProjectTable } from './ProjectTable';
import { projectsMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';

/** 我的科技项目: the enterprise reports its mid-term and acceptance and asks for changes. */
export default function MyProjectsPage() {
  const t = useMessages(projectsMessages);
  const q = useProjects({ limit: 200 });
  const linked = useLinkedProject();
  const [chosen, setProjectId] = useState<number | null | undefined>(undefined);
  const projectId = chosen === undefined ? linked : chosen;
  const waiting = (q.data?.items ?? []).filter((r) => ['due', 'returned'].includes(r.midterm?.status ?? '') || r.acceptance?.status === 'preparing');
  return (
    <>
      <PageTitle title={t('projects.my.title')} />
      {waiting.length ? <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('projects.my.due', { count: waiting.length, titles: waiting.map((w) => w.title).join('、') })} /> : null}
      <ProjectTable tableId="projects.mine" query={q} rows={q.data?.items} onOpen={setProjectId} />
      <ProjectDrawer id={projectId} onClose={() => setProjectId(null)} />
    </>
  );
}
