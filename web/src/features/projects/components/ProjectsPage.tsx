import { App, Button, Select, Space, Tabs } from 'antd';
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

const STATUSES = [
  { value: 'in_progress', label: '执行中' },
  { value: 'accepting', label: '验收中' },
  { value: 'completed', label: '已结题' },
  { value: 'failed', label: '验收不通过' },
  { value: 'terminated', label: '已终止' },
];

/** 项目管理（立项后）: the officer follows running projects through the mid-term, acceptance and changes, and evaluates programmes. */
export default function ProjectsPage() {
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
      message.success(r.opened ? `已为${r.opened}个执行中项目启动中期检查` : '所有执行中项目均已启动中期检查');
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  return (
    <>
      <PageTitle
        title="项目管理（立项后）"
        extra={
          officer ? (
            <Button type="primary" onClick={() => void openMidterms()} loading={open.isPending} data-testid="open-midterms">
              启动中期检查
            </Button>
          ) : null
        }
      />
      <Tabs
        items={[
          {
            key: 'projects',
            label: '项目执行',
            children: (
              <>
                <Space style={{ marginBottom: 12 }}>
                  <Select aria-label="项目状态" allowClear placeholder="全部状态" style={{ width: 160 }} value={status} onChange={setStatus} options={STATUSES} />
                </Space>
                <ProjectTable rows={q.data?.items ?? []} loading={q.isFetching} query={q} onOpen={setProjectId} />
              </>
            ),
          },
          { key: 'performance', label: '绩效评价', children: <PerformancePanel years={years} /> },
        ]}
      />
      <ProjectDrawer id={projectId} onClose={() => setProjectId(null)} />
    </>
  );
}
