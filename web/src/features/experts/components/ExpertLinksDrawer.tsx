import { App, Button, Descriptions, Divider, Drawer, Popconfirm, Table, Tag } from 'antd';
import { errorMessage } from '../../../lib/form-errors';
import { useAddLink } from '../api/add-link';
import { useExpert, type ExpertLink } from '../api/get-expert';
import { useRemoveLink } from '../api/remove-link';
import { ActiveTag } from './ActiveTag';
import { LinkForm } from './LinkForm';
import { useMessages } from '../../../lib/i18n';
import { expertsMessages } from '../messages';

export function LinksTable({ links, onRemove }: { links: ExpertLink[]; onRemove?: (link: ExpertLink) => void }) {
  const t = useMessages(expertsMessages);
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={links}
      locale={{ emptyText: t('experts.links.empty') }}
      columns={[
        { title: t('experts.links.type'), dataIndex: 'kindName', width: 110 },
        { title: t('experts.links.company'), render: (_, l) => (l.enterpriseId ? t('experts.links.companyValue', { name: l.companyName, id: l.enterpriseId }) : l.companyName) },
        { title: t('experts.links.uscc'), dataIndex: 'uscc', width: 190, render: (v: string | null) => v ?? '—' },
        { title: t('experts.links.endedOn'), dataIndex: 'endedOn', width: 110, render: (v: string | null, l) => (l.kind === 'former_employer' ? (v ?? t('experts.links.notFilled')) : '—') },
        { title: t('experts.links.note'), dataIndex: 'note', render: (v: string | null) => v ?? '' },
        ...(onRemove
          ? [
              {
                title: t('experts.col.actions'),
                width: 80,
                render: (_: unknown, l: ExpertLink) => (
                  <Popconfirm title={t('experts.links.removeConfirm')} onConfirm={() => onRemove(l)}>
                    <Button type="link" danger size="small">
                      {t('experts.links.remove')}
                    </Button>
                  </Popconfirm>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

/** An expert's details and declared links (the basis of conflict-of-interest avoidance). */
export function ExpertLinksDrawer({ expertId, canEdit, onClose }: { expertId: number | null; canEdit: boolean; onClose: () => void }) {
  const t = useMessages(expertsMessages);
  const { message } = App.useApp();
  const expert = useExpert(expertId);
  const add = useAddLink();
  const remove = useRemoveLink();
  const e = expert.data;
  return (
    <Drawer title={e ? t('experts.drawer.title', { name: e.name }) : t('experts.drawer.titleEmpty')} open={expertId !== null} onClose={onClose} size="large" destroyOnHidden>
      {e ? (
        <>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('experts.col.organization')}>{e.organization}</Descriptions.Item>
            <Descriptions.Item label={t('experts.col.title')}>{e.title}</Descriptions.Item>
            <Descriptions.Item label={t('experts.col.category')}>{e.categoryName}</Descriptions.Item>
            <Descriptions.Item label={t('experts.col.status')}><ActiveTag active={e.active} /></Descriptions.Item>
            <Descriptions.Item label={t('experts.pool.field')} span={2}>
              {e.fields.map((f) => (
                <Tag key={f}>{f}</Tag>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label={t('experts.col.load')}>{e.load}</Descriptions.Item>
            <Descriptions.Item label={t('experts.drawer.account')}>{e.userId ? t('experts.drawer.userId', { id: e.userId }) : t('experts.drawer.noAccount')}</Descriptions.Item>
          </Descriptions>
          <Divider titlePlacement="start">{t('experts.drawer.linksTitle')}</Divider>
          <LinksTable
            links={e.links}
            onRemove={
              canEdit
                ? (l) =>
                    void remove.mutateAsync({ id: e.id, linkId: l.id }).then(
                      () => message.success(t('experts.links.removed')),
                      (err: unknown) => message.error(errorMessage(err)),
                    )
                : undefined
            }
          />
          {canEdit ? (
            <>
              <Divider titlePlacement="start">{t('experts.drawer.addLink')}</Divider>
              <LinkForm pending={add.isPending} onSubmit={(body) => add.mutateAsync({ id: e.id, body })} />
            </>
          ) : null}
        </>
      ) : null}
    </Drawer>
  );
}
