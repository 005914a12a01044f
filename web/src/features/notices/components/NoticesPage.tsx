import { Tabs } from 'antd';
import { useState } from 'react';
import { PageTitle } from '../../../components/PageTitle';
import { hasAnyRole, useSession } from '../../../lib/session';
import { NoticeListPanel } from './NoticeListPanel';
import { PublishPanel } from './PublishPanel';
import { useMessages } from '../../../lib/i18n';
import { noticesMessages } from '../messages';

/** 公示管理: publish notices of ready applications, follow them, decide after the period. */
export default function NoticesPage() {
  const t = useMessages(noticesMessages);
  const me = useSession();
  const canAct = hasAnyRole(me, ['city_officer']);
  const [tab, setTab] = useState(canAct ? 'publish' : 'list');
  return (
    <>
      <PageTitle title={t('notices.title')} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          { key: 'publish', label: t('notices.tab.publish'), children: <PublishPanel canAct={canAct} onPublished={() => setTab('list')} /> },
          { key: 'list', label: t('notices.tab.list'), children: <NoticeListPanel canAct={canAct} /> },
        ]}
      />
    </>
  );
}
