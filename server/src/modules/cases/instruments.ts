import type { Executor, Tx } from '../../db/client.js';
import type { cases, Role } from '../../db/schema/index.js';
import type { RequestContext } from '../../http/context.js';
import { AppError } from '../../http/errors.js';

export type CaseRow = typeof cases.$inferSelect;

/** One step of a workflow: from which statuses, to which, who may take it. */
export interface TransitionDef {
  /** the Chinese name of the action (events, errors, the applicant's timeline) */
  name: string;
  from: readonly string[];
  to: string;
  /** who may take it; a district officer only within its district, an applicant only on its own case */
  roles: readonly Role[];
  /** returns and refusals must say why */
  needsComment?: boolean;
  /** taken by the kernel on behalf of no one (the panel's last score); roles are then not checked */
  bySystem?: boolean;
  /** who signs an event taken by the system (experts stay anonymous to the applicant) */
  systemLabel?: string;
}

export interface StatusDef {
  /** stable code → Chinese label (renaming a label never strands cases) */
  name: string;
  /** what happens next, for the applicant's "where is my case" view; null when final */
  next: string | null;
  /** working days the step may take; the due date is set when a case enters the status */
  stepDays?: number;
}

/** Panel composition (the bureau's policy, data not logic). */
export interface PanelRules {
  size: number;
  /** fraction of the panel (0.6 → at least ⌈0.6 × size⌉ technical experts) */
  minTechnicalRatio: number;
  minFinance: number;
  /** an expert with this many open assignments or more is not drawn */
  loadCap: number;
}

export interface ScoreItemDef {
  code: string;
  label: string;
  group: string;
  /** the engine's band when the item is banded (the expert must score inside it) */
  band: string | null;
  min: number;
  max: number;
}

/** The score sheet of one case: items with ranges, or (`total`) one total with a comment. */
export interface ScoreSheet {
  /** 'total': one total 0–maxTotal with a comment; any other code names an itemised sheet ('items', 'hnte') */
  mode: string;
  items: ScoreItemDef[];
  maxTotal: number;
  /** the instrument's assessment shown beside the sheet (an engine's answer) */
  assessment: unknown;
  /** checks one item's value; a message when it is out of range (defaults to min–max) */
  check?: (item: ScoreItemDef, value: number) => string | null;
}

/** Expert review of an instrument: when a panel is drawn, how it is composed, what experts score. */
export interface PanelConfig {
  /** the status a case must be in to draw its panel, the status during review, and the two actions */
  readyStatus: string;
  reviewStatus: string;
  drawAction: string;
  scoredAction: string;
  rules(type: string): PanelRules;
  /** whether this case goes through expert review at all (e.g. by the criteria in force) */
  required(db: Executor, c: CaseRow): Promise<boolean>;
  /** words of the case's domain and industry: experts of these fields are preferred */
  preferFields(db: Executor, c: CaseRow): Promise<string[]>;
  scoreSheet(db: Executor, c: CaseRow): Promise<ScoreSheet>;
  /** what the expert reads of the case (no personal data) */
  expertView(db: Executor, c: CaseRow): Promise<{ data: unknown; applicationDate: string | null }>;
  /** after the last score: extra case work (an engine re-run with the panel mean) */
  onScored?(tx: Tx, c: CaseRow, mean: number): Promise<void>;
}

/** Public notice (公示) of an instrument. */
export interface NoticeConfig {
  publishAction: string;
  approveAction: string;
  declineAction: string;
  /** the notice's default working days for a type */
  workingDays(type: string): number;
  /** whether a case is ready to be published (its status after review) */
  ready(db: Executor, c: CaseRow): Promise<boolean>;
  /** the status a case must have for the notice (the officer is told it when not) */
  readyLabel(db: Executor, c: CaseRow): Promise<string>;
  /** the one line the public reads about an item (no scores, nothing personal) */
  summary(db: Executor, c: CaseRow): Promise<string>;
  /** whether cases of a type go through expert review before the notice (on a date), for the officer's hint */
  typeHasPanel(db: Executor, type: string, on: string): Promise<boolean>;
}

/** What an approval produced: a reference the officer reads (a certificate or contract number) and the instrument's detail. */
export interface DecisionOutcome {
  reference: string | null;
  detail: Record<string, unknown>;
  /**
   * the step the approval takes instead of the notice's approveAction (a transition from the same
   * status), e.g. a recommendation to an upper body where the decision is not the city's
   */
  action?: string;
}

/** What an approval does (issue a recognition, create a task contract, grant a subsidy), in the decision's transaction. */
export type DecisionHook = (tx: Tx, ctx: RequestContext, c: CaseRow, decision: { today: string }) => Promise<DecisionOutcome>;

export interface InstrumentDef {
  code: string;
  /** Chinese name (the inbox's group heading) */
  name: string;
  /** the audit object type and the timeline ref type of its cases */
  objectType: string;
  types: Readonly<Record<string, string>>;
  statuses: Readonly<Record<string, StatusDef>>;
  /** the status a new case starts in */
  initialStatus: string;
  transitions: Readonly<Record<string, TransitionDef>>;
  panel?: PanelConfig;
  notice?: NoticeConfig;
  onDecision?: DecisionHook;
  /** the SPA page of a case for a role (the inbox's one click) */
  href(c: Pick<CaseRow, 'id' | 'type'>, audience: 'officer' | 'applicant' | 'expert'): string;
}

const registry = new Map<string, InstrumentDef>();

/**
 * Registers an instrument's workflow as data. Instruments call this from their module's index
 * (at import time); the kernel never imports an instrument. Registering a code twice replaces it
 * (module reloads in tests).
 */
export function registerInstrument(def: InstrumentDef): InstrumentDef {
  for (const [action, t] of Object.entries(def.transitions)) {
    for (const s of [...t.from, t.to]) {
      if (!def.statuses[s]) {
        throw new Error(`instrument ${def.code}: transition ${action} names unknown status ${s}`);
      }
    }
  }
  if (!def.statuses[def.initialStatus]) {
    throw new Error(`instrument ${def.code}: unknown initial status ${def.initialStatus}`);
  }
  registry.set(def.code, def);
  return def;
}

export function instrumentOf(code: string): InstrumentDef {
  const def = registry.get(code);
  if (!def) {
    throw new AppError('invalid_state', `未登记的业务类别：${code}`);
  }
  return def;
}

export function instruments(): InstrumentDef[] {
  return [...registry.values()];
}

export function statusName(def: InstrumentDef, status: string): string {
  return def.statuses[status]?.name ?? status;
}

export function typeName(def: InstrumentDef, type: string): string {
  return def.types[type] ?? type;
}

/** Statuses in which a role has a next step to take (the inbox's "waiting for me"). */
export function statusesAwaiting(def: InstrumentDef, roles: readonly Role[]): string[] {
  const out = new Set<string>();
  for (const t of Object.values(def.transitions)) {
    if (!t.bySystem && t.roles.some((r) => roles.includes(r))) {
      t.from.forEach((s) => out.add(s));
    }
  }
  return [...out];
}

/** The statuses in which cases of any instrument are under expert review (an expert's open seats). */
export function panelReviewStatuses(): string[] {
  return [...new Set(instruments().flatMap((d) => (d.panel ? [d.panel.reviewStatus] : [])))];
}
