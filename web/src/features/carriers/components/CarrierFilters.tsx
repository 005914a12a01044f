import { Input, Select } from 'antd';
import { useDistricts } from '../../../lib/reference/get-districts';
import { useParks, type CarrierQuery } from '../api/carriers';
import { kindOptions } from '../constants';
import { carriersMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';

type Props = { query: CarrierQuery; onChange: (query: CarrierQuery) => void };

function DistrictFilter({ query, onChange }: Props) {
  const t = useMessages(carriersMessages);
  const districts = useDistricts();
  return <Select aria-label={t('carriers.district')} allowClear placeholder={t('carriers.allDistricts')} style={{ width: 140 }} options={(districts.data ?? []).map((d) => ({ value: d.id, label: d.name }))} value={query.districtId} onChange={(districtId) => onChange({ ...query, districtId })} />;
}

/** The carrier lists' filters: kind, district (the bureau's list only), park and name; the public list has no platforms. */
export function CarrierFilters({ query, onChange, withDistrict, isPublic }: Props & { withDistrict: boolean; isPublic: boolean }) {
  const t = useMessages(carriersMessages);
  const parks = useParks();
  return (
    <>
      <Select aria-label={t('carriers.kind')} allowClear placeholder={t('carriers.allKinds')} style={{ width: 160 }} options={kindOptions(t).filter((o) => !isPublic || o.value !== 'platform')} value={query.kind} onChange={(kind) => onChange({ ...query, kind })} />
      {withDistrict ? <DistrictFilter query={query} onChange={onChange} /> : null}
      <Select aria-label={t('carriers.park')} allowClear placeholder={t('carriers.allParks')} style={{ width: 200 }} options={(parks.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))} value={query.parkId} onChange={(parkId) => onChange({ ...query, parkId })} />
      <Input.Search aria-label={t('carriers.nameShort')} placeholder={isPublic ? t('carriers.nameShort') : t('carriers.name')} allowClear style={{ width: 220 }} onSearch={(v) => onChange({ ...query, q: v || undefined })} />
    </>
  );
}
