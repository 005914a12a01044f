import { App, Button, Input, Modal, Radio, Space, Tag } from 'antd';
import { useState } from 'react';
import { DataTable } from '../../../components/DataTable';
import { errorMessage } from '../../../lib/form-errors';
import { useFlags } from '../api/list-flags';
import { useResolveFlag } from '../api/resolve-flag';
import { useScanFlags } from '../api/scan-flags';
import { describeEvidence } from '../evidence';

/** The officers' queue of fraud signals with their evidence; resolutions are audited. */
export function FlagsPanel({ canAct }: { canAct: boolean }) {
  const { message } = App.useApp();
  const [status, setStatus] = useState<'open' | 'dismissed' | 'confirmed'>('open');
  const flags = useFlags({ limit: 100, status });
  const scan = useScanFlags();
  const resolve = useResolveFlag();
  const [target, setTarget] = useState<{ id: number; resolution: 'dismissed' | 'confirmed' } | null>(null);
  const [note, setNote] = useState('');
  const fail = (e: unknown) => void message.error(errorMessage(e));
  return (
    <>
      <DataTable
        tableId="vouchers.flags"
        query={flags}
        rows={flags.data?.items}
        rowKey="id"
        size="small"
        filters={
          <Radio.Group value={status} onChange={(e) => setStatus(e.target.value as typeof status)} optionType="button">
            <Radio.Button value="open">待处理</Radio.Button>
            <Radio.Button value="confirmed">已确认</Radio.Button>
            <Radio.Button value="dismissed">已排除</Radio.Button>
          </Radio.Group>
        }
        actions={
          canAct ? (
            <Button loading={scan.isPending} onClick={() => scan.mutateAsync().then((r) => void message.success(`扫描完成，新增 ${r.raised} 条线索`), fail)}>
              运行风险扫描
            </Button>
          ) : null
        }
        pagination={{ pageSize: 15 }}
        columns={[
          { key: 'id', title: '编号', dataIndex: 'id', width: 70 },
          { key: 'kindName', title: '线索类型', dataIndex: 'kindName' },
          { key: 'holderName', title: '持有人', dataIndex: 'holderName', render: (v: string | null) => v ?? '—' },
          { key: 'providerName', title: '服务机构', dataIndex: 'providerName', render: (v: string | null) => v ?? '—' },
          { key: 'evidence', title: '证据', dataIndex: 'evidence', render: (e: Record<string, unknown>) => describeEvidence(e) || '—' },
          { key: 'status', title: '状态', dataIndex: 'status', width: 80, render: (s: string) => <Tag color={s === 'open' ? 'gold' : s === 'confirmed' ? 'red' : 'default'}>{{ open: '待处理', confirmed: '已确认', dismissed: '已排除' }[s]}</Tag> },
          {
            key: 'actions',
            title: '处理',
            width: 150,
            render: (_, f) =>
              canAct && f.status === 'open' ? (
                <Space>
                  <Button size="small" danger onClick={() => setTarget({ id: f.id, resolution: 'confirmed' })}>
                    确认
                  </Button>
                  <Button size="small" onClick={() => setTarget({ id: f.id, resolution: 'dismissed' })}>
                    排除
                  </Button>
                </Space>
              ) : (
                (f.resolutionNote ?? '')
              ),
          },
        ]}
      />
      <Modal
        title={target?.resolution === 'confirmed' ? '确认风险线索' : '排除风险线索'}
        open={target !== null}
        onCancel={() => setTarget(null)}
        okButtonProps={{ disabled: note.trim().length < 2 }}
        onOk={() =>
          resolve.mutateAsync({ id: target!.id, body: { resolution: target!.resolution, note } }).then(() => {
            setTarget(null);
            setNote('');
            void message.success('已处理并留痕');
          }, fail)
        }
      >
        <Input.TextArea aria-label="处理意见" placeholder="处理意见（将记入审计日志）" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
      </Modal>
    </>
  );
}
