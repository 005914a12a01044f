import type { Db, Executor } from '../../db/client.js';
import { RECOGNITION_TYPES, type RecognitionType } from '../../db/schema/index.js';
import type { RequestContext } from '../../http/context.js';
import { hasRole } from '../../http/context.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import { criteriaInForce, type CriteriaType } from '../rules/index.js';
import { formSpec, type FormSpec } from './applications.form.js';
import * as repo from './forms.repo.js';
import { TYPE_NAMES } from './recognitions.status.js';

/** The criteria record a type is judged by (the provincial key institute uses the provincial institute's). */
export function criteriaTypeOf(type: RecognitionType): CriteriaType | null {
  if (type === 'hnte' || type === 'tech_sme') {
    return null;
  }
  return (type === 'research_institute_provincial_key' ? 'research_institute_provincial' : type) as CriteriaType;
}

const LICENCE = { code: 'businessLicence', name: '营业执照', maxSizeMb: 10, types: ['pdf', 'jpg', 'png'] as FormSpec['attachments'][number]['types'], required: true };
const AUDIT = { code: 'auditReport', name: '近三年财务审计报告', maxSizeMb: 20, types: ['pdf'] as FormSpec['attachments'][number]['types'], required: true };

/** Built-in v1 specs of the two rule-engine types. */
export const BUILTIN_FORMS: Record<'hnte' | 'tech_sme', FormSpec> = {
  hnte: {
    title: TYPE_NAMES.hnte,
    sections: ['profile', 'financials', 'lastYear', 'ipList', 'products', 'conversions'],
    requireDomain: true,
    minFinancialYears: 1,
    fields: [],
    thresholds: [],
    attachments: [
      LICENCE,
      AUDIT,
      { code: 'rdAudit', name: '近三年研发费用专项审计报告', maxSizeMb: 20, types: ['pdf'], required: true },
      { code: 'hightechRevenueAudit', name: '上年度高新技术产品（服务）收入专项审计报告', maxSizeMb: 20, types: ['pdf'], required: true },
      { code: 'ipCertificates', name: '知识产权证书', maxSizeMb: 30, types: ['pdf', 'zip'], required: true },
      { code: 'other', name: '其他证明材料', maxSizeMb: 30, types: ['pdf', 'jpg', 'png', 'doc', 'docx', 'xls', 'xlsx', 'zip'], required: false },
    ],
  },
  tech_sme: {
    title: TYPE_NAMES.tech_sme,
    sections: ['profile', 'financials', 'ipList', 'direct'],
    requireDomain: false,
    minFinancialYears: 1,
    fields: [],
    thresholds: [],
    attachments: [LICENCE, AUDIT, { code: 'other', name: '其他证明材料', maxSizeMb: 30, types: ['pdf', 'jpg', 'png', 'doc', 'docx', 'xls', 'xlsx', 'zip'], required: false }],
  },
};

/** The v1 specs of every type: built in for hnte/tech_sme, derived from the criteria in force for the others. */
export async function initialSpecs(db: Executor): Promise<Map<RecognitionType, FormSpec>> {
  const criteria = (await criteriaInForce({ db })).items;
  const out = new Map<RecognitionType, FormSpec>();
  for (const type of RECOGNITION_TYPES) {
    const ct = criteriaTypeOf(type);
    if (!ct) {
      out.set(type, BUILTIN_FORMS[type as 'hnte' | 'tech_sme']);
      continue;
    }
    const c = criteria.find((x) => x.type === ct);
    out.set(type, {
      title: TYPE_NAMES[type],
      sections: ['profile', 'financials', 'ipList', 'fields'],
      requireDomain: false,
      minFinancialYears: 1,
      fields: (c?.spec.requiredFields ?? []).map((f) => ({ field: f.field, label: f.label, unit: null })),
      thresholds: (c?.spec.thresholds ?? []).map((t) => ({ code: t.code, label: t.label, field: t.field, op: t.op, value: t.value, unit: t.unit ?? null })),
      attachments: (c?.spec.requiredAttachments ?? [LICENCE, AUDIT]).map((a) => ({ ...a, required: true })),
    });
  }
  return out;
}

/** Makes sure every type has its version 1 (first use on a fresh database). */
export async function ensureForms(db: Executor): Promise<void> {
  const present = await repo.formTypesPresent(db);
  if (RECOGNITION_TYPES.every((t) => present.has(t))) {
    return;
  }
  const specs = await initialSpecs(db);
  await repo.insertInitialForms(
    db,
    RECOGNITION_TYPES.filter((t) => !present.has(t)).map((type) => ({ type, spec: specs.get(type) })),
  );
}

export function presentForm(row: repo.FormRow) {
  return { type: row.type, typeName: TYPE_NAMES[row.type], version: row.version, spec: formSpec.parse(row.spec), publishedAt: row.publishedAt.toISOString() };
}

/** One form version (ensures v1 exists). */
export async function loadForm(db: Executor, type: RecognitionType, version: number): Promise<{ row: repo.FormRow; spec: FormSpec }> {
  let row = await repo.findForm(db, type, version);
  if (!row && version === 1) {
    await ensureForms(db);
    row = await repo.findForm(db, type, version);
  }
  if (!row) {
    throw notFound(`${TYPE_NAMES[type]}申报表第${version}版`);
  }
  return { row, spec: formSpec.parse(row.spec) };
}

export async function getForm(opts: { db: Executor; type: RecognitionType; version: number }) {
  return presentForm((await loadForm(opts.db, opts.type, opts.version)).row);
}

export async function latestFormVersion(db: Executor, type: RecognitionType): Promise<number> {
  await ensureForms(db);
  return (await repo.latestForm(db, type))?.version ?? 1;
}

/** A city officer publishes a new version of a type's form; drafts keep theirs. */
export async function publishForm(opts: { db: Db; ctx: RequestContext; type: RecognitionType; spec: FormSpec }) {
  if (!hasRole(opts.ctx.actor, 'city_officer')) {
    throw forbidden('只有市科委业务处室可以发布申报表');
  }
  await ensureForms(opts.db);
  return opts.db.transaction(async (tx) => {
    const row = await repo.insertNextForm(tx, opts.type, opts.spec, opts.ctx.actor?.userId ?? null);
    if (!row) {
      throw new AppError('version_conflict', '申报表版本已被他人同时发布，请刷新后重试');
    }
    await recordAudit(tx, opts.ctx, {
      action: 'recognition_form.publish',
      objectType: 'recognition_form',
      objectId: `${row.type}:${row.version}`,
      after: { type: row.type, version: row.version, spec: opts.spec },
    });
    return presentForm(row);
  });
}
