import { App, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/form-errors';
import type { ProgrammeCall } from '../api/calls';
import { useEnterpriseSearch, useInvite } from '../api/invitations';
import { useMessages } from '../../../lib/i18n';
import { programmesMessages } from '../messages';

/** 邀请申报单位 for a designed (主动设计) call: search the registry, pick enterprises, invite; the invited ones are listed. */
export function InviteModal({ call, onClose }: { call: ProgrammeCall; onClose: () => void }) {
  const t = useMessages(programmesMessages);
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<number[]>([]);
  const found = useEnterpriseSearch(q);
  const invite = useInvite();
  const { message } = App.useApp();
  const invited = call.invited ?? [];
  const submit = async () => {
    if (!picked.length) {
      message.error(t('programmes.invite.pick'));
      return;
    }
    try {
      const after = await invite.mutateAsync({ id: call.id, enterpriseIds: picked });
      message.success(t('programmes.invite.done', { n: picked.length, total: after.invited?.length ?? 0 }));
      onClose();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  return (
    <Modal title={t('programmes.invite.title', { title: call.title })} open onCancel={onClose} onOk={() => void submit()} okText={t('programmes.invite.ok')} confirmLoading={invite.isPending} width={640}>
      <Typography.Paragraph type="secondary">{t('programmes.invite.intro')}</Typography.Paragraph>
      <Select
        mode="multiple"
        aria-label={t('programmes.invite.field')}
        style={{ width: '100%' }}
        placeholder={t('programmes.invite.placeholder')}
        showSearch={{ onSearch: setQ, filterOption: false }}
        value={picked}
        onChange={setPicked}
        loading={found.isFetching}
        notFoundContent={q.trim().length >= 2 ? t('programmes.invite.notFound') : null}
        options={(found.data?.items ?? []).map((e) => ({ value: e.id, label: t('programmes.nameWithParen', { name: e.name, detail: e.districtName }), disabled: invited.some((i) => i.enterpriseId === e.id) }))}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>{t('programmes.invite.invited', { n: invited.length })}</Typography.Title>
      {invited.length ? (
        <Space wrap>
          {invited.map((i) => (
            <Tag key={i.enterpriseId} color="blue">
              {i.name}
            </Tag>
          ))}
        </Space>
      ) : (
        <Typography.Text type="secondary">{t('programmes.invite.noneYet')}</Typography.Text>
      )}
    </Modal>
  );
}
