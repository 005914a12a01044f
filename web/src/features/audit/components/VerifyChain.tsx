import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { errorMessage } from '../../../lib/form-errors';
import { useT } from '../../../lib/i18n';
import { useVerifyAuditChain } from '../api/verify-audit';

/** 校验链完整性: re-hashes the chain and names the first broken row, if any. */
export function VerifyChainButton({ verify }: { verify: ReturnType<typeof useVerifyAuditChain> }) {
  const t = useT();
  return (
    <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()} data-testid="audit-verify">
      {t('audit.verify')}
    </Button>
  );
}

export function VerifyChainResult({ verify }: { verify: ReturnType<typeof useVerifyAuditChain> }) {
  const t = useT();
  if (verify.isError) {
    return <Alert type="error" showIcon title={errorMessage(verify.error)} style={{ marginBottom: 16 }} />;
  }
  if (!verify.data) {
    return null;
  }
  const r = verify.data;
  return r.intact ? (
    <Alert
      type="success"
      showIcon
      closable={{ onClose: () => verify.reset() }}
      title={t('audit.intact', { n: r.checked })}
      style={{ marginBottom: 16 }}
      data-testid="audit-verify-result"
    />
  ) : (
    <Alert
      type="error"
      showIcon
      title={t('audit.broken', { id: r.firstBrokenId ?? '?', n: r.checked })}
      description={r.reason}
      style={{ marginBottom: 16 }}
      data-testid="audit-verify-result"
    />
  );
}
