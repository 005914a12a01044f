import { Tabs } from 'antd';
import { useState } from 'react';
import { PageTitle } from '../../../components/PageTitle';
import { hasAnyRole, useSession } from '../../../lib/session';
import { NoticeListPanel } from './NoticeListPanel';
import { PublishPanel } from './PublishPanel';

/** 公示管理: publish notices of ready applications, follow them, decide after the period. */
export default function NoticesPage() {
  const me = useSession();
  const canAct = hasAnyRole(me, ['city_officer']);
  const [tab, setTab] = useState(canAct ? 'publish' : 'list');
  return (
    <>
      <PageTitle title="公示管理" />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          { key: 'publish', label: '发布公示', children: <PublishPanel canAct={canAct} onPublished={() => setTab('list')} /> },
          { key: 'list', label: '公示与认定决定', children: <NoticeListPanel canAct={canAct} /> },
        ]}
      />
    </>
  );
}
