import { Alert, App, Button, Descriptions, Form, Input, Radio, Typography } from 'antd';
import { useState } from 'react';
import { DataTable, type DataColumn } from '../../../components/DataTable';
import { FormModal } from '../../../components/FormModal';
import { PageTitle } from '../../../components/PageTitle';
import { errorMessage } from '../../../lib/form-errors';
import { hasAnyRole, useSession } from '../../../lib/session';
import { evidenceUrl, useObjection } from '../api/get-objection';
import { useObjections, type ObjectionItem, type ObjectionQuery } from '../api/list-objections';
import { useResolveObjection, type ResolveObjectionInput } from '../api/resolve-objection';
import { ObjectionStatusTag } from './StateTags';
import { useMessages } from '../../../lib/i18n';
import { noticesMessages } from '../messages';

function ObjectionModal({ id, canAct, onClose }: { id: number | null; canAct: boolean; onClose: () => void }) {
  const t = useMessages(noticesMessages);
  const { message } = App.useApp();
  const detail = useObjection(id);
  const resolve = useResolveObjection();
  const d = detail.data;
  const editable = canAct && d?.status === 'open';
  const submit = async (body: ResolveObjectionInput) => {
    await resolve.mutateAsync({ id: id!, body });
    void message.success(t('notices.objections.resolved'));
  };
  return (
    <FormModal<ResolveObjectionInput>
      title={d ? t('notices.objections.modalTitle', { no: d.receiptNo }) : t('notices.objections.modalTitleEmpty')}
      open={id !== null}
      onClose={onClose}
      onSubmit={submit}
      width={720}
      okText={t('notices.objections.submit')}
      okButtonProps={{ style: editable ? undefined : { display: 'none' } }}
      cancelText={t('notices.objections.close')}
    >
      {detail.error ? <Alert type="error" showIcon message={errorMessage(detail.error)} /> : null}
      {d ? (
        <>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('notices.objections.notice')} span={2}>
              {t('notices.objections.noticeValue', { title: d.noticeTitle, date: d.noticeEndsOn })}
            </Descriptions.Item>
            <Descriptions.Item label={t('notices.objections.item')} span={2}>
              {t('notices.objections.itemValue', { name: d.itemName, district: d.districtName, id: d.applicationId })}
            </Descriptions.Item>
            <Descriptions.Item label={t('notices.objections.objector')}>{d.name}</Descriptions.Item>
            <Descriptions.Item label={t('notices.objections.phone')}>{d.phone}</Descriptions.Item>
            <Descriptions.Item label={t('notices.objections.idNumber')}>{d.idNumber ?? t('notices.objections.notGiven')}</Descriptions.Item>
            <Descriptions.Item label={t('notices.objections.filedAt')}>{new Date(d.filedAt).toLocaleString('zh-CN')}</Descriptions.Item>
            <Descriptions.Item label={t('notices.objections.reason')} span={2}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{d.reason}</Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label={t('notices.objections.evidence')} span={2}>
              {d.evidence ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('notices.objections.evidenceFile')} span={2}>
              {d.evidenceFileName ? (
                <a href={evidenceUrl(d.id)} download={d.evidenceFileName}>
                  {d.evidenceFileName}
                </a>
              ) : (
                '—'
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('notices.objections.status')} span={2}>
              <ObjectionStatusTag status={d.status} name={d.statusName} />
              {d.resolution ? t('notices.objections.resolution', { text: d.resolution, by: d.resolvedBy ?? '', at: d.resolvedAt ? new Date(d.resolvedAt).toLocaleString('zh-CN') : '' }) : null}
            </Descriptions.Item>
          </Descriptions>
          {editable ? (
            <div style={{ marginTop: 16 }}>
              <Form.Item name="outcome" label={t('notices.objections.outcome')} rules={[{ required: true, message: t('notices.objections.outcomeRequired') }]}>
                <Radio.Group>
                  <Radio value="dismissed">{t('notices.objections.dismissOption')}</Radio>
                  <Radio value="upheld">{t('notices.objections.upholdOption')}</Radio>
                </Radio.Group>
              </Form.Item>
              <Form.Item name="resolution" label={t('notices.objections.resolutionLabel')} rules={[{ required: true, min: 5, message: t('notices.objections.resolutionRule') }]}>
                <Input.TextArea rows={4} maxLength={2000} />
              </Form.Item>
            </div>
          ) : null}
        </>
      ) : null}
    </FormModal>
  );
}

/** 异议处理: real-name objections to notices; the city officer checks and resolves them. */
export default function ObjectionsPage() {
  const t = useMessages(noticesMessages);
  const me = useSession();
  const canAct = hasAnyRole(me, ['city_officer']);
  const [status, setStatus] = useState<ObjectionQuery['status']>('open');
  const list = useObjections(status ? { status } : {});
  const [openId, setOpenId] = useState<number | null>(null);
  const columns: DataColumn<ObjectionItem>[] = [
    { key: 'receiptNo', title: t('notices.objections.receiptNo'), dataIndex: 'receiptNo', width: 170 },
    { key: 'notice', title: t('notices.objections.notice'), dataIndex: 'noticeTitle' },
    { key: 'item', title: t('notices.objections.item'), dataIndex: 'itemName' },
    { key: 'district', title: t('notices.col.district'), dataIndex: 'districtName', width: 90 },
    { key: 'objector', title: t('notices.objections.objector'), dataIndex: 'name', width: 90 },
    { key: 'phone', title: t('notices.objections.phoneShort'), dataIndex: 'phone', width: 130 },
    { key: 'filedAt', title: t('notices.objections.filedAt'), dataIndex: 'filedAt', width: 170, render: (v: string) => new Date(v).toLocaleString('zh-CN') },
    { key: 'status', title: t('notices.objections.status'), dataIndex: 'status', width: 100, render: (s: string, o) => <ObjectionStatusTag status={s} name={o.statusName} /> },
    {
      key: 'actions',
      title: t('notices.col.actions'),
      width: 80,
      render: (_, o) => (
        <Button size="small" onClick={() => setOpenId(o.id)}>
          {canAct && o.status === 'open' ? t('notices.objections.handle') : t('notices.objections.view')}
        </Button>
      ),
    },
  ];
  return (
    <>
      <PageTitle title={t('notices.objections.title')} />
      <DataTable<ObjectionItem>
        tableId="notices.objections"
        rowKey="id"
        columns={columns}
        query={list}
        rows={list.data?.items}
        pagination={{ pageSize: 20 }}
        filters={
          <Radio.Group value={status ?? 'all'} onChange={(e) => setStatus(e.target.value === 'all' ? undefined : (e.target.value as ObjectionQuery['status']))} optionType="button">
            <Radio.Button value="open">{t('notices.objections.status.open')}</Radio.Button>
            <Radio.Button value="upheld">{t('notices.objections.status.upheld')}</Radio.Button>
            <Radio.Button value="dismissed">{t('notices.objections.status.dismissed')}</Radio.Button>
            <Radio.Button value="all">{t('notices.all')}</Radio.Button>
          </Radio.Group>
        }
      />
      <ObjectionModal id={openId} canAct={canAct} onClose={() => setOpenId(null)} />
    </>
  );
}
