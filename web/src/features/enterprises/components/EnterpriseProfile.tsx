import { Descriptions, Typography } from 'antd';
import { Money } from '../../../components/Money';
import { formatDateTime, orDash } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import type { EnterpriseDetail } from '../api/get-enterprise';
import { SIZE_LABELS } from '../constants';

/** 基本信息: every field of the record; personal data arrives masked from the server. */
export function EnterpriseProfile({ e }: { e: EnterpriseDetail }) {
  const t = useT();
  return (
    <Descriptions column={2} size="small" bordered styles={{ label: { whiteSpace: 'nowrap' } }} data-testid="enterprise-profile">
      <Descriptions.Item label={t('ent.uscc')} span={2}>
        <Typography.Text code copyable>
          {e.uscc}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('ent.name')} span={2}>
        {e.name}
      </Descriptions.Item>
      <Descriptions.Item label={t('ent.district')}>
        <span style={{ whiteSpace: 'nowrap' }}>
          {e.districtName}
          <Typography.Text type="secondary"> {e.districtCode}</Typography.Text>
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t('ent.registeredOn')}>{e.registeredOn}</Descriptions.Item>
      <Descriptions.Item label={t('ent.industry')}>{e.industry}</Descriptions.Item>
      <Descriptions.Item label={t('ent.size')}>{e.size ? t(SIZE_LABELS[e.size]) : '—'}</Descriptions.Item>
      <Descriptions.Item label={t('ent.registeredCapital')}><Money value={e.registeredCapital} unit="wan" /></Descriptions.Item>
      <Descriptions.Item label={t('ent.employees')}>{orDash(e.employees)}</Descriptions.Item>
      <Descriptions.Item label={t('ent.address')} span={2}>
        {orDash(e.address)}
      </Descriptions.Item>
      <Descriptions.Item label={t('ent.website')} span={2}>
        {e.website ? (
          <Typography.Link href={/^https?:\/\//.test(e.website) ? e.website : `http://${e.website}`} target="_blank" rel="noopener noreferrer">
            {e.website}
          </Typography.Link>
        ) : (
          '—'
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('ent.legalRepName')}>{orDash(e.legalRepName)}</Descriptions.Item>
      <Descriptions.Item label={t('ent.legalRepPhone')}>{orDash(e.legalRepPhone)}</Descriptions.Item>
      <Descriptions.Item label={t('ent.legalRepIdNumber')} span={2}>
        {orDash(e.legalRepIdNumber)}
      </Descriptions.Item>
      <Descriptions.Item label={t('ent.contactName')}>{orDash(e.contactName)}</Descriptions.Item>
      <Descriptions.Item label={t('ent.contactPhone')}>{orDash(e.contactPhone)}</Descriptions.Item>
      <Descriptions.Item label={t('ent.createdAt')}>
        <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.createdAt)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('ent.updatedAt')}>
        <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.updatedAt)}</span>
        <Typography.Text type="secondary"> · v{e.version}</Typography.Text>
      </Descriptions.Item>
    </Descriptions>
  );
}
