import { App, Button, Form, Input, Radio, Space } from 'antd';
import { useState } from 'react';
import { DataTable } from '../../../components/DataTable';
import { FormModal } from '../../../components/FormModal';
import { StatusTag } from '../../../components/StatusTag';
import { errorMessage } from '../../../lib/form-errors';
import { useFlags, type ListFlagsResult } from '../api/list-flags';
import { useResolveFlag } from '../api/resolve-flag';
import { useScanFlags } from '../api/scan-flags';
import { describeEvidence } from '../evidence';
import { useI18n, useMessages } from '../../../lib/i18n';
import { vouchersMessages } from '../messages';

type Flag = ListFlagsResult['items'][number];

/** The officers' queue of fraud signals with their evidence; resolutions are audited. */
export function FlagsPanel({ canAct }: { canAct: boolean }) {
  const t = useMessages(vouchersMessages);
  const { lang } = useI18n();
  const { message } = App.useApp();
  const [status, setStatus] = useState<'open' | 'dismissed' | 'confirmed'>('open');
  const flags = useFlags({ limit: 100, status });
  const scan = useScanFlags();
  const resolve = useResolveFlag();
  const [target, setTarget] = useState<{ id: number; resolution: 'dismissed' | 'confirmed' } | null>(null);
  const fail = (e: unknown) => void message.error(errorMessage(e));
  return (
    <>
      <DataTable<Flag>
        tableId="vouchers.flags"
        query={flags}
        rows={flags.data?.items}
        rowKey="id"
        size="small"
        filters={
          <Radio.Group value={status} onChange={(e) => setStatus(e.target.value as typeof status)} optionType="button">
            <Radio.Button value="open">{t('vouchers.flags.open')}</Radio.Button>
            <Radio.Button value="confirmed">{t('vouchers.flags.confirmed')}</Radio.Button>
            <Radio.Button value="dismissed">{t('vouchers.flags.dismissed')}</Radio.Button>
          </Radio.Group>
        }
        actions={
          canAct ? (
            <Button loading={scan.isPending} onClick={() => scan.mutateAsync().then((r) => void message.success(t('vouchers.flags.scanned', { raised: r.raised })), fail)}>
              {t('vouchers.flags.scan')}
            </Button>
          ) : null
        }
        pagination={{ pageSize: 15 }}
        columns={[
          { key: 'id', title: t('vouchers.id'), dataIndex: 'id', width: 70 },
          { key: 'kindName', title: t('vouchers.flags.kind'), dataIndex: 'kindName' },
          { key: 'holderName', title: t('vouchers.holder'), dataIndex: 'holderName', render: (v: string | null) => v ?? '—' },
          { key: 'providerName', title: t('vouchers.provider'), dataIndex: 'providerName', render: (v: string | null) => v ?? '—' },
          { key: 'evidence', title: t('vouchers.flags.evidence'), dataIndex: 'evidence', render: (e: Record<string, unknown>) => describeEvidence(e, lang) || '—' },
          { key: 'status', title: t('vouchers.status'), dataIndex: 'statusName', width: 80, render: (name: string, f) => <StatusTag status={f.status} name={name} tone={f.status === 'confirmed' ? 'error' : undefined} /> },
          {
            key: 'actions',
            title: t('vouchers.flags.handle'),
            width: 150,
            render: (_, f) =>
              canAct && f.status === 'open' ? (
                <Space>
                  <Button size="small" danger onClick={() => setTarget({ id: f.id, resolution: 'confirmed' })}>
                    {t('vouchers.flags.confirm')}
                  </Button>
                  <Button size="small" onClick={() => setTarget({ id: f.id, resolution: 'dismissed' })}>
                    {t('vouchers.flags.dismiss')}
                  </Button>
                </Space>
              ) : (
                (f.resolutionNote ?? '')
              ),
          },
        ]}
      />
      <FormModal<{ note: string }>
        title={t(target?.resolution === 'confirmed' ? 'vouchers.flags.confirmTitle' : 'vouchers.flags.dismissTitle')}
        open={target !== null}
        onClose={() => setTarget(null)}
        onSubmit={async (v) => {
          await resolve.mutateAsync({ id: target!.id, body: { resolution: target!.resolution, note: v.note.trim() } });
          void message.success(t('vouchers.flags.resolved'));
        }}
      >
        <Form.Item name="note" rules={[{ required: true, whitespace: true, min: 2, message: t('vouchers.flags.noteRequired') }]}>
          <Input.TextArea aria-label={t('vouchers.flags.note')} placeholder={t('vouchers.flags.notePlaceholder')} rows={3} maxLength={500} />
        </Form.Item>
      </FormModal>
    </>
  );
}
