import { App, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/form-errors';
import type { ProgrammeCall } from '../api/calls';
import { useEnterpriseSearch, useInvite } from '../api/invitations';

/** 邀请申报单位 for a designed (主动设计) call: search the registry, pick enterprises, invite; the invited ones are listed. */
export function InviteModal({ call, onClose }: { call: ProgrammeCall; onClose: () => void }) {
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<number[]>([]);
  const found = useEnterpriseSearch(q);
  const invite = useInvite();
  const { message } = App.useApp();
  const invited = call.invited ?? [];
  const submit = async () => {
    if (!picked.length) {
      message.error('请选择受邀企业');
      return;
    }
    try {
      const after = await invite.mutateAsync({ id: call.id, enterpriseIds: picked });
      message.success(`已邀请 ${picked.length} 家企业，现共 ${after.invited?.length ?? 0} 家受邀单位`);
      onClose();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  return (
    <Modal title={`邀请申报单位：${call.title}`} open onCancel={onClose} onOk={() => void submit()} okText="邀请" confirmLoading={invite.isPending} width={640}>
      <Typography.Paragraph type="secondary">主动设计类指南只受理受邀单位的申报。受邀企业登录后即可在“申报项目”中选择本指南。</Typography.Paragraph>
      <Select
        mode="multiple"
        aria-label="受邀企业"
        style={{ width: '100%' }}
        placeholder="输入企业名称或统一社会信用代码（至少2个字）搜索"
        showSearch={{ onSearch: setQ, filterOption: false }}
        value={picked}
        onChange={setPicked}
        loading={found.isFetching}
        notFoundContent={q.trim().length >= 2 ? '未找到企业' : null}
        options={(found.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.districtName}）`, disabled: invited.some((i) => i.enterpriseId === e.id) }))}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>{`已受邀单位（${invited.length}）`}</Typography.Title>
      {invited.length ? (
        <Space wrap>
          {invited.map((i) => (
            <Tag key={i.enterpriseId} color="blue">
              {i.name}
            </Tag>
          ))}
        </Space>
      ) : (
        <Typography.Text type="secondary">尚未邀请</Typography.Text>
      )}
    </Modal>
  );
}
