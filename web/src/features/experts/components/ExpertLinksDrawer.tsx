import { App, Button, Descriptions, Divider, Drawer, Popconfirm, Table, Tag } from 'antd';
import { errorMessage } from '../../../lib/form-errors';
import { useAddLink } from '../api/add-link';
import { useExpert, type ExpertLink } from '../api/get-expert';
import { useRemoveLink } from '../api/remove-link';
import { LinkForm } from './LinkForm';

export function LinksTable({ links, onRemove }: { links: ExpertLink[]; onRemove?: (link: ExpertLink) => void }) {
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={links}
      locale={{ emptyText: '尚未登记关联企业' }}
      columns={[
        { title: '类型', dataIndex: 'kindName', width: 110 },
        { title: '企业', render: (_, l) => `${l.companyName}${l.enterpriseId ? `（企业库ID ${l.enterpriseId}）` : ''}` },
        { title: '信用代码', dataIndex: 'uscc', width: 190, render: (v: string | null) => v ?? '—' },
        { title: '离职日期', dataIndex: 'endedOn', width: 110, render: (v: string | null, l) => (l.kind === 'former_employer' ? (v ?? '未填') : '—') },
        { title: '备注', dataIndex: 'note', render: (v: string | null) => v ?? '' },
        ...(onRemove
          ? [
              {
                title: '操作',
                width: 80,
                render: (_: unknown, l: ExpertLink) => (
                  <Popconfirm title="删除该关联关系？" onConfirm={() => onRemove(l)}>
                    <Button type="link" danger size="small">
                      删除
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
  const { message } = App.useApp();
  const expert = useExpert(expertId);
  const add = useAddLink();
  const remove = useRemoveLink();
  const e = expert.data;
  return (
    <Drawer title={e ? `专家：${e.name}` : '专家'} open={expertId !== null} onClose={onClose} size="large" destroyOnHidden>
      {e ? (
        <>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label="工作单位">{e.organization}</Descriptions.Item>
            <Descriptions.Item label="职称">{e.title}</Descriptions.Item>
            <Descriptions.Item label="类别">{e.categoryName}</Descriptions.Item>
            <Descriptions.Item label="状态">{e.active ? <Tag color="green">在库</Tag> : <Tag>停用</Tag>}</Descriptions.Item>
            <Descriptions.Item label="专业领域" span={2}>
              {e.fields.map((f) => (
                <Tag key={f}>{f}</Tag>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label="在评任务">{e.load}</Descriptions.Item>
            <Descriptions.Item label="登录账号">{e.userId ? `用户ID ${e.userId}` : '未关联'}</Descriptions.Item>
          </Descriptions>
          <Divider titlePlacement="start">关联企业（抽取时回避）</Divider>
          <LinksTable
            links={e.links}
            onRemove={
              canEdit
                ? (l) =>
                    void remove.mutateAsync({ id: e.id, linkId: l.id }).then(
                      () => message.success('已删除'),
                      (err: unknown) => message.error(errorMessage(err)),
                    )
                : undefined
            }
          />
          {canEdit ? (
            <>
              <Divider titlePlacement="start">登记关联企业</Divider>
              <LinkForm pending={add.isPending} onSubmit={(body) => add.mutateAsync({ id: e.id, body })} />
            </>
          ) : null}
        </>
      ) : null}
    </Drawer>
  );
}
