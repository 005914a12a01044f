import { Button, Flex, Input, Select, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { DistrictSelect } from '../../../components/DistrictSelect';
import { useMessages, useT } from '../../../lib/i18n';
import { industryMessages } from '../messages';
import { INDUSTRIES, SIZES, SIZE_LABELS } from '../constants';
import type { EnterpriseFilters } from '../hooks/use-enterprise-filters';

interface Props {
  filters: EnterpriseFilters;
  onChange: (patch: Partial<EnterpriseFilters>) => void;
  onClear: () => void;
  /** A district officer sees only its district: the district filter is fixed. */
  fixedDistrict?: string;
}

export function EnterpriseFilterBar({ filters, onChange, onClear, fixedDistrict }: Props) {
  const t = useT();
  const industry = useMessages(industryMessages);
  const [q, setQ] = useState(filters.q ?? '');
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);

  return (
    <Flex gap={12} wrap align="center" role="search" aria-label={t('ent.filters')}>
      <Input.Search
        aria-label={t('ent.searchLabel')}
        placeholder={t('ent.searchPlaceholder')}
        allowClear
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(v) => onChange({ q: v.trim() || undefined })}
        style={{ width: 300 }}
        data-testid="enterprise-search"
      />
      {fixedDistrict ? (
        <Tag color="geekblue" style={{ padding: '4px 8px' }}>
          {t('ent.ownDistrictOnly', { district: fixedDistrict })}
        </Tag>
      ) : (
        <DistrictSelect
          aria-label={t('ent.district')}
          placeholder={t('ent.allDistricts')}
          value={filters.district}
          onChange={(v) => onChange({ district: v || undefined })}
          style={{ width: 170 }}
        />
      )}
      <Select
        aria-label={t('ent.industry')}
        placeholder={t('ent.allIndustries')}
        allowClear
        value={filters.industry}
        onChange={(v) => onChange({ industry: v || undefined })}
        options={INDUSTRIES.map((i) => ({ value: i, label: industry(i) }))}
        style={{ width: 180 }}
      />
      <Select
        aria-label={t('ent.size')}
        placeholder={t('ent.allSizes')}
        allowClear
        value={filters.size}
        onChange={(v) => onChange({ size: v || undefined })}
        options={SIZES.map((s) => ({ value: s, label: t(SIZE_LABELS[s]) }))}
        style={{ width: 120 }}
      />
      <Button onClick={onClear}>{t('common.reset')}</Button>
    </Flex>
  );
}
