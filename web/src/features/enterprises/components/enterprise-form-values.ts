import dayjs, { type Dayjs } from 'dayjs';
import type { CreateEnterpriseInput } from '../api/create-enterprise';
import type { EnterpriseDetail } from '../api/get-enterprise';
import type { UpdateEnterpriseInput } from '../api/update-enterprise';
import type { EnterpriseSize, Industry } from '../constants';

export interface EnterpriseFormValues {
  uscc: string;
  name: string;
  district: string;
  registeredOn: Dayjs;
  industry: Industry;
  size?: EnterpriseSize | null;
  employees?: number | null;
  registeredCapital?: number | null;
  address?: string;
  website?: string;
  legalRepName?: string;
  legalRepPhone?: string;
  legalRepIdNumber?: string;
  contactName?: string;
  contactPhone?: string;
}

export const ENTERPRISE_FORM_FIELDS = [
  'uscc',
  'name',
  'district',
  'registeredOn',
  'industry',
  'size',
  'employees',
  'registeredCapital',
  'address',
  'website',
  'legalRepName',
  'legalRepPhone',
  'legalRepIdNumber',
  'contactName',
  'contactPhone',
] as const;

/** Personal data comes back masked (138****1234); an empty input means "keep what is stored". */
export const PII_FIELDS = ['legalRepPhone', 'legalRepIdNumber', 'contactPhone'] as const;
type PiiField = (typeof PII_FIELDS)[number];

const OPTIONAL_TEXT_FIELDS = ['address', 'website', 'legalRepName', 'contactName'] as const;

const blankToNull = (v: string | undefined | null) => (v === undefined || v === null || v.trim() === '' ? null : v.trim());

export function toCreateBody(v: EnterpriseFormValues): CreateEnterpriseInput {
  const body: CreateEnterpriseInput = {
    uscc: v.uscc.trim().toUpperCase(),
    name: v.name.trim(),
    district: v.district,
    registeredOn: v.registeredOn.format('YYYY-MM-DD'),
    industry: v.industry,
  };
  if (v.size) {
    body.size = v.size;
  }
  if (v.employees !== undefined && v.employees !== null) {
    body.employees = v.employees;
  }
  if (v.registeredCapital !== undefined && v.registeredCapital !== null) {
    body.registeredCapital = v.registeredCapital;
  }
  for (const f of [...OPTIONAL_TEXT_FIELDS, ...PII_FIELDS]) {
    const val = blankToNull(v[f]);
    if (val !== null) {
      body[f] = val;
    }
  }
  return body;
}

export function toFormValues(e: EnterpriseDetail): EnterpriseFormValues {
  return {
    uscc: e.uscc,
    name: e.name,
    district: e.districtCode,
    registeredOn: dayjs(e.registeredOn),
    industry: e.industry as Industry,
    size: e.size,
    employees: e.employees,
    registeredCapital: e.registeredCapital,
    address: e.address ?? '',
    website: e.website ?? '',
    legalRepName: e.legalRepName ?? '',
    contactName: e.contactName ?? '',
    // masked values are shown as placeholders, never sent back
    legalRepPhone: '',
    legalRepIdNumber: '',
    contactPhone: '',
  };
}

/** Only what changed, plus the version the edit started from. */
export function toPatchBody(before: EnterpriseDetail, v: EnterpriseFormValues): UpdateEnterpriseInput {
  const body: UpdateEnterpriseInput = { version: before.version };
  const uscc = v.uscc.trim().toUpperCase();
  if (uscc !== before.uscc) {
    body.uscc = uscc;
  }
  if (v.district !== before.districtCode) {
    body.district = v.district;
  }
  const registeredOn = v.registeredOn.format('YYYY-MM-DD');
  if (registeredOn !== before.registeredOn) {
    body.registeredOn = registeredOn;
  }
  if (v.industry !== before.industry) {
    body.industry = v.industry;
  }
  if ((v.size ?? null) !== before.size) {
    body.size = v.size ?? null;
  }
  if ((v.employees ?? null) !== before.employees) {
    body.employees = v.employees ?? null;
  }
  if ((v.registeredCapital ?? null) !== before.registeredCapital) {
    body.registeredCapital = v.registeredCapital ?? null;
  }
  const name = v.name.trim();
  if (name && name !== before.name) {
    body.name = name;
  }
  for (const f of OPTIONAL_TEXT_FIELDS) {
    const val = blankToNull(v[f]);
    if (val !== (before[f] ?? null)) {
      body[f] = val;
    }
  }
  for (const f of PII_FIELDS) {
    const val = blankToNull(v[f as PiiField]);
    if (val !== null) {
      body[f] = val;
    }
  }
  return body;
}
