import type { ExpertCategory, ExpertLinkKind } from '../../db/schema/index.js';
import type { PanelRules } from '../cases/index.js';
import { createRandom } from '../../lib/random.js';
import { addYears } from '../rules/index.js';

/**
 * Panel composition rules (configurable defaults, the bureau's own policy — not a national rule):
 * how many experts sit on a panel, the least share of technical experts, the least number of
 * finance experts, and the open-assignment load at which an expert is no longer drawn.
 * hnte: 工作指引 asks for a panel of at least 5 experts with technical and finance members; the
 * numbers below are the bureau's defaults. Change them here (data, not logic).
 */
export const PANEL_RULES: { default: PanelRules } = {
  default: { size: 5, minTechnicalRatio: 0.6, minFinance: 1, loadCap: 8 },
};

/** A former employer counts as a link this many years after the employment ended. */
export const FORMER_EMPLOYER_YEARS = 3;

export type { PanelRules };

/** The least number of technical experts the rules ask for. */
export function minTechnical(rules: PanelRules): number {
  // guard against 0.6 × 5 = 3.0000000000000004 style float noise
  return Math.ceil(rules.minTechnicalRatio * rules.size - 1e-9);
}

export interface PoolExpert {
  id: number;
  category: ExpertCategory;
  fields: readonly string[];
  active: boolean;
  /** open assignments: panel seats assigned/accepted on applications under expert review */
  load: number;
}

export interface DrawInput {
  pool: readonly PoolExpert[];
  /** expert id → why it is linked to the applicant */
  conflicts: ReadonlyMap<number, string>;
  rules: PanelRules;
  seed: number;
  /** the application's domain/industry words: matching experts are preferred */
  preferFields?: readonly string[];
  /** members already seated (a redraw keeps them; they count toward the composition) */
  keep?: readonly PoolExpert[];
  /** ids that may not be drawn again for this panel (replaced members), with the reason */
  barred?: ReadonlyMap<number, string>;
}

export interface Excluded {
  id: number;
  reason: string;
}

export type DrawResult =
  | { ok: true; selected: { id: number; category: ExpertCategory; fieldMatch: boolean }[]; excluded: Excluded[] }
  | { ok: false; rule: 'size' | 'technical' | 'finance' | 'composition'; message: string; excluded: Excluded[] };

const CATEGORY_NAMES: Record<ExpertCategory, string> = { technical: '技术', finance: '财务', management: '管理' };

/**
 * Draws a panel at random (deterministic for a seed): never an inactive, conflicted, over-cap or
 * barred expert; always `rules.size` members with at least ⌈ratio × size⌉ technical and
 * `minFinance` finance experts counting the kept members; experts whose fields match the
 * application are preferred within those constraints. Unsatisfiable exactly when the eligible
 * experts cannot fill the rules, and then it says which rule. Pure.
 */
export function drawPanel(input: DrawInput): DrawResult {
  const { rules } = input;
  const keep = input.keep ?? [];
  const keepIds = new Set(keep.map((k) => k.id));
  const excluded: Excluded[] = [];
  const eligible: PoolExpert[] = [];
  for (const e of [...input.pool].sort((a, b) => a.id - b.id)) {
    if (keepIds.has(e.id)) {
      continue;
    }
    const conflict = input.conflicts.get(e.id);
    const barred = input.barred?.get(e.id);
    if (!e.active) {
      excluded.push({ id: e.id, reason: 'inactive' });
    } else if (conflict !== undefined) {
      excluded.push({ id: e.id, reason: `conflict: ${conflict}` });
    } else if (barred !== undefined) {
      excluded.push({ id: e.id, reason: barred });
    } else if (e.load >= rules.loadCap) {
      excluded.push({ id: e.id, reason: 'load cap' });
    } else {
      eligible.push(e);
    }
  }

  const slots = rules.size - keep.length;
  const needT = Math.max(0, minTechnical(rules) - keep.filter((k) => k.category === 'technical').length);
  const needF = Math.max(0, rules.minFinance - keep.filter((k) => k.category === 'finance').length);
  const tech = eligible.filter((e) => e.category === 'technical');
  const fin = eligible.filter((e) => e.category === 'finance');
  if (needT + needF > slots) {
    return { ok: false, rule: 'composition', message: `评审组规则自相矛盾：${rules.size}人中须至少${minTechnical(rules)}名技术专家和${rules.minFinance}名财务专家`, excluded };
  }
  if (tech.length < needT) {
    return { ok: false, rule: 'technical', message: `可抽取的技术专家不足：须至少${needT}名（技术专家不少于${Math.round(rules.minTechnicalRatio * 100)}%），可用${tech.length}名`, excluded };
  }
  if (fin.length < needF) {
    return { ok: false, rule: 'finance', message: `可抽取的财务专家不足：须至少${needF}名，可用${fin.length}名`, excluded };
  }
  if (eligible.length < slots) {
    return { ok: false, rule: 'size', message: `可抽取的专家不足：评审组须${rules.size}人，尚缺${slots}人，可用${eligible.length}名`, excluded };
  }

  // Shuffle (Fisher–Yates), then put field matches first, keeping the random order within each group.
  const random = createRandom(input.seed);
  const order = [...eligible];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const prefer = new Set((input.preferFields ?? []).map((f) => f.trim()).filter(Boolean));
  const matches = (e: PoolExpert) => e.fields.some((f) => prefer.has(f.trim()));
  const ranked = [...order.filter(matches), ...order.filter((e) => !matches(e))];

  const chosen: PoolExpert[] = [];
  const take = (list: PoolExpert[], n: number) => {
    for (const e of list) {
      if (n <= 0) {
        return;
      }
      if (!chosen.includes(e)) {
        chosen.push(e);
        n--;
      }
    }
  };
  take(ranked.filter((e) => e.category === 'technical'), needT);
  take(ranked.filter((e) => e.category === 'finance'), needF);
  take(ranked, slots - chosen.length);
  return { ok: true, selected: chosen.map((e) => ({ id: e.id, category: e.category, fieldMatch: matches(e) })), excluded };
}

export const describeCategory = (c: ExpertCategory) => CATEGORY_NAMES[c];

export interface LinkForConflict {
  expertId: number;
  kind: ExpertLinkKind;
  enterpriseId: number | null;
  companyName: string;
  uscc: string | null;
  endedOn: string | null;
}

const KIND_NAMES: Record<ExpertLinkKind, string> = { employer: '任职单位', shareholding: '持股', former_employer: '原任职单位', relative: '近亲属任职或持股' };

/**
 * Which experts are linked to the applicant on the draw date, and why: a link that matches the
 * applicant by enterprise id, credit code or exact company name — employer, shareholding and
 * relative always, a former employer when the employment ended within the last
 * FORMER_EMPLOYER_YEARS years (or the end date is unknown); and an expert whose organisation is
 * the applicant itself. Pure.
 */
export function conflictsOf(
  applicant: { id: number; name: string; uscc: string },
  links: readonly LinkForConflict[],
  experts: readonly { id: number; organization: string }[],
  drawDate: string,
): Map<number, string> {
  const out = new Map<number, string>();
  const name = applicant.name.trim();
  const since = addYears(drawDate, -FORMER_EMPLOYER_YEARS);
  for (const l of links) {
    const matched =
      l.enterpriseId === applicant.id ? '企业' : l.uscc && l.uscc.trim().toUpperCase() === applicant.uscc ? '统一社会信用代码' : l.companyName.trim() === name ? '企业名称' : null;
    if (!matched) {
      continue;
    }
    if (l.kind === 'former_employer' && l.endedOn !== null && l.endedOn < since) {
      continue;
    }
    if (!out.has(l.expertId)) {
      out.set(l.expertId, `${KIND_NAMES[l.kind]}为申报企业${l.kind === 'former_employer' && l.endedOn ? `（${l.endedOn}离职，未满${FORMER_EMPLOYER_YEARS}年）` : ''}（按${matched}匹配）`);
    }
  }
  for (const e of experts) {
    if (!out.has(e.id) && e.organization.trim() === name) {
      out.set(e.id, '所在单位为申报企业');
    }
  }
  return out;
}
