import { CRITERIA } from './carriers.rules.js';
import type { ApplicationForm } from './carriers.schema.js';

/** The criteria of the policy, each with what the form shows: required, actual, met. */
export function evaluateCriteria(kind: 'makerspace' | 'incubator', f: ApplicationForm) {
  const c = CRITERIA[kind];
  const share = f.areaM2 > 0 ? f.publicAreaM2 / f.areaM2 : 0;
  return [
    { field: 'areaM2', label: '场地面积', required: `不少于${c.areaM2}平方米`, actual: `${f.areaM2}平方米`, met: f.areaM2 >= c.areaM2 },
    { field: 'publicAreaM2', label: '公共服务面积占比', required: `不低于${Math.round(c.publicShare * 100)}%`, actual: `${Math.round(share * 1000) / 10}%`, met: share >= c.publicShare && f.publicAreaM2 <= f.areaM2 },
    { field: 'firms', label: '在孵企业（团队）', required: `不少于${c.firms}家`, actual: `${f.firms}家`, met: f.firms >= c.firms },
    { field: 'mentors', label: '创业导师', required: `不少于${c.mentors}人`, actual: `${f.mentors}人`, met: f.mentors >= c.mentors },
    { field: 'services', label: '服务内容', required: `不少于${c.services}类`, actual: `${f.services.length}类`, met: f.services.length >= c.services },
  ];
}
