import { App, Button, Select, Tabs } from 'antd';
import { useState } from 'react';
import { PageTitle } from '../../../components/PageTitle';
import { errorMessage } from '../../../lib/form-errors';
import { hasAnyRole, useSession } from '../../../lib/session';
import { useLinkedProject } from '../api/get-follow-up';
import { useProjects, type ProjectsQuery } from '../api/list-projects';
import { useOpenMidterms } from '../api/steps';
import { PerformancePanel } from './PerformancePanel';
import { ProjectDrawer } from './ProjectDrawer';
import { ProjectTable } from './ProjectTable';
import { projectsMessages, type ProjectsT } from '../messages';
import { useMessages } from '../../../lib/i18n';

const statusOptions = (t: ProjectsT) => [
  { value: 'in_progress', label: t('projects.status.inProgress') },
  { value: 'accepting', label: t('projects.status.accepting') },
  { value: 'completed', label: t('projects.status.completed') },
  { value: 'failed', label: t('projects.acceptance.failed') },
  { value: 'terminated', label: t('projects.status.terminated') },
];

/** 项目管理（立项后）: the officer follows running projects through the mid-term, acceptance and changes, and evaluates programmes. */
export default function ProjectsPage() {
  const t = useMessages(projectsMessages);
  const me = useSession();
  const officer = hasAnyRole(me, ['city_officer']);
  const { message } = App.useApp();
  const [status, setStatus] = useState<ProjectsQuery['status']>();
  const q = useProjects({ limit: 500, ...(status ? { status } : {}) });
  const open = useOpenMidterms();
  const linked = useLinkedProject();
  const [chosen, setProjectId] = useState<number | null | undefined>(undefined);
  const projectId = chosen === undefined ? linked : chosen;
  const years = [...new Set((q.data?.items ?? []).map((r) => r.year))].sort((a, b) => b - a);
  const openMidterms = async () => {
    try {
      const r = (await open.mutateAsync()) as { opened: number };
      message.success(r.opened ? t('projects.midtermsOpened', { opened: r.opened }) : t('projects.midtermsAllOpen'));
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  return (
    <>
      <PageTitle
        title={t('projects.pageTitle')}
        extra={
          officer ? (
            <Button type="primary" onClick={() => void openMidterms()} loading={open.isPending} data-testid="open-midterms">
              {t('projects.openMidterms')}
            </Button>
          ) : null
        }
      />
      <Tabs
        items={[
          {
            key: 'projects',
            label: t('projects.tab.execution'),
            children: (
              <ProjectTable
                tableId="projects.list"
                query={q}
                rows={q.data?.items}
                filters={<Select aria-label={t('projects.projectStatus')} allowClear placeholder={t('projects.allStatuses')} style={{ width: 160 }} value={status} onChange={setStatus} options={statusOptions(t)} />}
                onOpen={setProjectId}
              />
            ),
          },
          { key: 'performance', label: t('projects.tab.performance'), children: <PerformancePanel years={years} /> },
        ]}
      />
      <ProjectDrawer id={projectId} onClose={() => setProjectId(null)} />
    </>
  );
}
