import { Select, type SelectProps } from 'antd';
import { useDistricts } from '../lib/reference/get-districts';
import { useT } from '../lib/i18n';

type Props = Omit<SelectProps<string>, 'options' | 'loading'> & {
  /** Which district property is the value: the code (enterprise API) or the id (admin API). */
  valueKey?: 'code';
};

/** A select of the districts from GET /api/districts, valued by district code. */
export function DistrictSelect(props: Props) {
  const t = useT();
  const { data, isLoading } = useDistricts();
  return (
    <Select<string>
      showSearch={{ optionFilterProp: 'label' }}
      allowClear
      placeholder={t('common.selectDistrict')}
      {...props}
      loading={isLoading}
      options={(data ?? []).map((d) => ({ value: d.code, label: d.name }))}
    />
  );
}
