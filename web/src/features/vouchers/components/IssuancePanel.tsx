import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Select, Space, Upload } from 'antd';
import { useCallback, useState } from 'react';
import { downloadFile } from '../../../lib/download';
import { errorMessage } from '../../../lib/form-errors';
import { JobProgress } from '../../jobs/components/JobProgress';
import { useImportIssuances } from '../api/import-issuances';
import { refreshVouchers } from '../api/keys';
import { useIssueVoucher } from '../api/issue-voucher';
import { useHolders } from '../api/list-holders';
import { usePolicies } from '../api/list-policies';
import { MoneyInput } from '../../../components/MoneyInput';
import { formatMoney } from '../../../lib/money';

/** Issue to one holder, or to an approved list from Excel (all rows or none). */
export function IssuancePanel() {
  const { message } = App.useApp();
  const policies = usePolicies();
  const [q, setQ] = useState('');
  const holders = useHolders({ limit: 20, q: q || undefined });
  const issue = useIssueVoucher();
  const bulk = useImportIssuances();
  const [form] = Form.useForm<{ policyId: number; holderId: number; amount: number }>();
  const [bulkPolicy, setBulkPolicy] = useState<number | undefined>();
  const [jobId, setJobId] = useState<number | null>(null);
  const qc = useQueryClient();
  const settled = useCallback((job: { status: string }) => void (job.status === 'done' && refreshVouchers(qc)), [qc]);
  const active = (policies.data?.items ?? []).filter((p) => p.status === 'active').map((p) => ({ value: p.id, label: p.name }));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card size="small" title="向持有人发放">
        <Form
          form={form}
          layout="inline"
          onFinish={(v) =>
            issue.mutateAsync(v).then(
              (r) => void message.success(`已发放，持有人可用余额 ${formatMoney(r.balance.available)}`),
              (e: unknown) => void message.error(errorMessage(e)),
            )
          }
        >
          <Form.Item name="policyId" rules={[{ required: true, message: '请选择政策' }]}>
            <Select placeholder="政策" style={{ width: 280 }} options={active} />
          </Form.Item>
          <Form.Item name="holderId" rules={[{ required: true, message: '请选择持有人' }]}>
            <Select
              showSearch={{ filterOption: false, onSearch: setQ }}
              placeholder="搜索持有人（名称或信用代码）"
              style={{ width: 300 }}
              options={(holders.data?.items ?? []).map((h) => ({ value: h.id, label: `${h.name}（${h.districtName}）` }))}
            />
          </Form.Item>
          <Form.Item name="amount" rules={[{ required: true, message: '请填写金额' }]}>
            <MoneyInput placeholder="金额" min={0.01} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={issue.isPending}>
            发放
          </Button>
        </Form>
      </Card>
      <Card size="small" title="按审定名单批量发放（Excel，全部成功或全部不发放）">
        <Space wrap>
          <Select placeholder="政策" style={{ width: 280 }} options={active} value={bulkPolicy} onChange={setBulkPolicy} />
          <Upload
            accept=".xlsx"
            showUploadList={false}
            disabled={!bulkPolicy}
            beforeUpload={(file) => {
              setJobId(null);
              bulk.mutateAsync({ policyId: bulkPolicy!, file }).then(
                (job) => setJobId(job.id),
                (e: unknown) => void message.error(errorMessage(e)),
              );
              return false;
            }}
          >
            <Button disabled={!bulkPolicy} loading={bulk.isPending}>
              上传名单并发放
            </Button>
          </Upload>
          <Button type="link" onClick={() => downloadFile('/api/vouchers/issuances/template', '创新券发放名单模板.xlsx').catch((e: unknown) => message.error(errorMessage(e)))}>
            下载模板
          </Button>
        </Space>
        {jobId !== null ? (
          <div style={{ marginTop: 12 }} data-testid="issuance-job">
            <JobProgress
              key={jobId}
              jobId={jobId}
              onSettled={settled}
              done={(job) => <Alert type="success" showIcon title={`已发放 ${Number(job.result?.issued ?? 0)} 户，共 ${formatMoney(Number(job.result?.total ?? 0))}`} />}
            />
          </div>
        ) : null}
      </Card>
    </Space>
  );
}
