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
import { useI18n, useMessages } from '../../../lib/i18n';
import { vouchersMessages } from '../messages';

/** Issue to one holder, or to an approved list from Excel (all rows or none). */
export function IssuancePanel() {
  const t = useMessages(vouchersMessages);
  const { lang } = useI18n();
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
      <Card size="small" title={t('vouchers.issue.single')}>
        <Form
          form={form}
          layout="inline"
          onFinish={(v) =>
            issue.mutateAsync(v).then(
              (r) => void message.success(t('vouchers.issue.done', { available: formatMoney(r.balance.available, 'yuan', lang) })),
              (e: unknown) => void message.error(errorMessage(e)),
            )
          }
        >
          <Form.Item name="policyId" rules={[{ required: true, message: t('vouchers.issue.policyRequired') }]}>
            <Select placeholder={t('vouchers.my.policy')} style={{ width: 280 }} options={active} />
          </Form.Item>
          <Form.Item name="holderId" rules={[{ required: true, message: t('vouchers.issue.holderRequired') }]}>
            <Select
              showSearch={{ filterOption: false, onSearch: setQ }}
              placeholder={t('vouchers.issue.holderSearch')}
              style={{ width: 300 }}
              options={(holders.data?.items ?? []).map((h) => ({ value: h.id, label: `${h.name}（${h.districtName}）` }))}
            />
          </Form.Item>
          <Form.Item name="amount" rules={[{ required: true, message: t('vouchers.issue.amountRequired') }]}>
            <MoneyInput placeholder={t('vouchers.amount')} min={0.01} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={issue.isPending}>
            {t('vouchers.issue.issue')}
          </Button>
        </Form>
      </Card>
      <Card size="small" title={t('vouchers.issue.bulk')}>
        <Space wrap>
          <Select placeholder={t('vouchers.my.policy')} style={{ width: 280 }} options={active} value={bulkPolicy} onChange={setBulkPolicy} />
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
              {t('vouchers.issue.upload')}
            </Button>
          </Upload>
          <Button type="link" onClick={() => downloadFile('/api/vouchers/issuances/template', t('vouchers.issue.templateFile')).catch((e: unknown) => message.error(errorMessage(e)))}>
            {t('vouchers.issue.template')}
          </Button>
        </Space>
        {jobId !== null ? (
          <div style={{ marginTop: 12 }} data-testid="issuance-job">
            <JobProgress
              key={jobId}
              jobId={jobId}
              onSettled={settled}
              done={(job) => <Alert type="success" showIcon title={t('vouchers.issue.bulkDone', { count: Number(job.result?.issued ?? 0), total: formatMoney(Number(job.result?.total ?? 0), 'yuan', lang) })} />}
            />
          </div>
        ) : null}
      </Card>
    </Space>
  );
}
