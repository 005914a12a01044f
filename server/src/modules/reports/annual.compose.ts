import { CATALOGUE_BY_CODE, type IndicatorFigure, type RegisteredIndicator } from '../indicators/index.js';

/** The platform's business modules that count computed indicators, as the summary names them. */
const MODULE_NAMES: Record<string, string> = {
  recognitions: '资质认定',
  vouchers: '创新券',
  techmarket: '网上技术市场',
  finance: '科技金融',
  carriers: '孵化载体',
  projects: '科技项目与奖励',
};

/** A run of text, or a reference to a figure's note (a footnote in Word and Markdown); every reference has its own note. */
export type Segment = string | { ref: number };

/**
 * One block of the document: a heading of level 1 (一、), 2 （一）, or a paragraph, which may
 * open with a bold lead (the 公文's third level, "1.推进高新技术企业发展。").
 */
export type Block = { kind: 'heading'; level: 1 | 2; text: string } | { kind: 'paragraph'; lead?: string; segments: Segment[] };

/** One footnote: the figure it stands behind, in plain words. */
export interface Note {
  n: number;
  /** the appendix row of the figure (several notes may point at one row) */
  row: number;
  text: string;
}

/** One figure of the data appendix (one row per indicator or target used in the text). */
export interface AppendixRow {
  n: number;
  code: string;
  name: string;
  period: string;
  value: string;
  previous: string;
  source: string;
  definition: string;
}

export interface AnnualSummary {
  title: string;
  year: number;
  /** the line under the title: who produced it and when */
  byline: string;
  blocks: Block[];
  notes: Note[];
  appendix: AppendixRow[];
  /** what the appendix and the document leave out (modules not running yet) */
  remark: string;
}

/** A target of next year's plan as the indicators module holds it (city-wide). */
export interface PlanTarget {
  code: string;
  target: number | null;
  note: string | null;
  source: string | null;
}

/** One district's figure of a year (for "分区县看" sentences). */
export interface DistrictFigure {
  district: string;
  value: number | null;
}

const trim = (s: string) => s.replace(/\.?0+$/, '');

/** 121260000000 元 → 1212.6亿元; 28507200 元 → 2850.72万元; 6243 项 → 6243项; 0.03 比率 → 3%. */
export function formatValue(value: number, unit: string): string {
  if (unit === '元') {
    if (Math.abs(value) >= 1e8) {
      return `${trim((value / 1e8).toFixed(2))}亿元`;
    }
    if (Math.abs(value) >= 1e4) {
      return `${trim((value / 1e4).toFixed(2))}万元`;
    }
    return `${trim(value.toFixed(2))}元`;
  }
  if (unit === '比率') {
    return `${trim((value * 100).toFixed(2))}%`;
  }
  if (unit === '分') {
    return `${trim(value.toFixed(2))}分`;
  }
  if (unit === '平方米' && Math.abs(value) >= 1e4) {
    return `${trim((value / 1e4).toFixed(2))}万平方米`;
  }
  return `${trim(value.toFixed(2))}${unit}`;
}

const pct = (v: number) => `${trim((Math.abs(v) * 100).toFixed(2))}%`;
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Internal words kept out of the document: code-like parentheses ("（value_date）", "（vouchers）") and the import bookkeeping remark. */
export function plainWords(s: string): string {
  return s
    .replace(/[（(][A-Za-z0-9_.]+[）)]/g, '')
    .replace(/（外部统计数据，[^）]*）/g, '')
    .trim();
}

/**
 * The period a figure covers, in words. A flow is counted over the year, a stock at its end; the
 * special fund's performance score is the evaluation made in the year of the four years before it
 * (the seed: in 2015 the municipal People's Congress evaluated the 2011–2014 funds, 85 points).
 */
export function periodOf(code: string, year: number): string {
  if (code === 'special_fund.performance_score') {
    return `${year - 4}—${year - 1}年资金（${year}年评价）`;
  }
  const nature = CATALOGUE_BY_CODE.get(code)?.nature;
  return nature === 'stock' ? `${year}年末` : `${year}年`;
}

/** Performance evaluation grade of a hundred-point score, as the finance bureau words it. */
const grade = (score: number) => (score >= 90 ? '优秀' : score >= 80 ? '良好' : score >= 60 ? '合格' : '不合格');

interface Inputs {
  year: number;
  now: IndicatorFigure[];
  before: IndicatorFigure[];
  indicators: RegisteredIndicator[];
  generatedOn: string;
  /** next year's city-wide targets (the plan); empty when none was entered */
  targets?: PlanTarget[];
  /** this year's figure per district for the indicators compared by district */
  districts?: Record<string, DistrictFigure[]>;
}

/** Which part of next year's plan a target belongs to: the seed's five 工程. */
const PLAN_GROUPS: { title: string; modules: string[]; codes?: string[] }[] = [
  { title: '实施创新平台建设工程', modules: [], codes: ['stat.rd_gdp_ratio', 'major_project.approved'] },
  { title: '实施创新主体培育工程', modules: ['recognitions'] },
  { title: '实施体制机制创新工程', modules: ['finance'] },
  { title: '实施创新资源集聚工程', modules: ['carriers', 'vouchers', 'techmarket'] },
  { title: '实施创新创业生态优化工程', modules: ['projects', '市知识产权局'], codes: ['stat.valid_invention_patents', 'stat.invention_grants', 'stat.patent_applications', 'stat.patent_grants'] },
];

/**
 * The year's work summary and next year's plan in the form of the seed document: a headline
 * paragraph, the year's work by area (一、（一）, the third level as bold leads 1. 2.), then next
 * year's targets and main work from the targets entered; every figure carries its own footnote
 * saying in plain words what it counts, over which period and where it comes from, and the
 * landscape appendix lists each figure once. A sentence whose figures have no value is left out,
 * never filled in.
 */
export function composeAnnualSummary(input: Inputs): AnnualSummary {
  const { year } = input;
  const next = year + 1;
  const now = new Map(input.now.map((f) => [f.code, f]));
  const before = new Map(input.before.map((f) => [f.code, f]));
  const meta = new Map(input.indicators.map((i) => [i.code, i]));
  const notes: Note[] = [];
  const appendix: AppendixRow[] = [];
  const rowOf = new Map<string, number>();

  const sourceOf = (code: string, source: string | null): string => {
    const m = meta.get(code) ?? CATALOGUE_BY_CODE.get(code);
    if (m && m.kind === 'computed') {
      return `科创平台${MODULE_NAMES[m.module] ?? ''}业务记录`;
    }
    return plainWords(source ?? '') || '未注明';
  };
  const has = (code: string) => now.get(code)?.value !== null && now.get(code)?.value !== undefined;
  /** The appendix row of this year's figure of `code`, created on first use. */
  const rowFor = (code: string): AppendixRow => {
    const existing = rowOf.get(code);
    if (existing !== undefined) {
      return appendix[existing - 1];
    }
    const f = now.get(code)!;
    const b = before.get(code);
    const row: AppendixRow = {
      n: appendix.length + 1,
      code,
      name: f.name,
      period: periodOf(code, year),
      value: formatValue(f.value!, f.unit),
      previous: b && b.value !== null && b.value !== undefined && b.value !== 0 ? `${formatValue(b.value, b.unit)}（${sourceOf(code, b.source)}）` : '',
      source: sourceOf(code, f.source),
      definition: plainWords(meta.get(code)?.definition ?? CATALOGUE_BY_CODE.get(code)?.definition ?? ''),
    };
    appendix.push(row);
    rowOf.set(code, row.n);
    return row;
  };
  /** A new footnote on this year's figure of `code`: its source on first use (the definition is in the appendix), short afterwards. */
  const ref = (code: string, growth = false): { ref: number } => {
    const first = !rowOf.has(code);
    const row = rowFor(code);
    const n = notes.length + 1;
    const text = first
      ? `${row.name}，${row.period}：${row.value}。来源：${row.source}。${growth && row.previous ? `增长率按上年${row.previous}计算。` : ''}口径见附表第${row.n}项。`
      : `${row.name}，${row.period}：${row.value}。见附表第${row.n}项。`;
    notes.push({ n, row: row.n, text });
    return { ref: n };
  };
  /** "1212.6亿元" followed by its note. */
  const fig = (code: string, growth = false): Segment[] => {
    const f = now.get(code)!;
    return [formatValue(f.value!, f.unit), ref(code, growth)];
  };
  const growthOf = (code: string): number | null => {
    const a = now.get(code)?.value;
    const b = before.get(code)?.value;
    return a === null || a === undefined || b === null || b === undefined || b === 0 ? null : (a - b) / b;
  };
  /** "，增长9.8%" against the previous year, when there is one. */
  const change = (code: string, word = '增长'): string => {
    const g = growthOf(code);
    return g === null ? '' : g >= 0 ? `，${word}${pct(g)}` : `，下降${pct(g)}`;
  };
  /** A figure with its growth: the growth's base goes into the note. */
  const figG = (code: string, word = '增长'): Segment[] => [...fig(code, growthOf(code) !== null), change(code, word)];
  /** "，完成年度目标（3000万元）的95.02%" when the year has a target. */
  const vsTarget = (code: string): string => {
    const f = now.get(code);
    if (!f || f.value === null || f.target === null || f.target === 0) {
      return '';
    }
    const r = f.value / f.target;
    return r >= 1 ? `，超额完成年度目标（${formatValue(f.target, f.unit)}），完成率${pct(r)}` : `，完成年度目标（${formatValue(f.target, f.unit)}）的${pct(r)}`;
  };
  /** "。分区县看，滨江区最多（52家），西湖区、余杭区次之（分别为40家、31家）" from the district figures. */
  const byDistrict = (code: string): string => {
    const f = now.get(code);
    const list = (input.districts?.[code] ?? []).filter((d): d is { district: string; value: number } => d.value !== null && d.value > 0).sort((a, b) => b.value - a.value);
    if (!f || list.length < 2) {
      return '';
    }
    const [top, ...rest] = list;
    const second = rest.slice(0, 2);
    return `。分区县看，${top.district}最多（${formatValue(top.value, f.unit)}），${second.map((d) => d.district).join('、')}次之（${second.length > 1 ? '分别为' : ''}${second.map((d) => formatValue(d.value, f.unit)).join('、')}）`;
  };

  const blocks: Block[] = [];
  const p = (segments: Segment[], lead?: string) => blocks.push({ kind: 'paragraph', segments, ...(lead ? { lead } : {}) });

  // The headline paragraph, in the seed's order.
  const head: Segment[][] = [];
  if (has('stat.hightech_value_added')) {
    head.push(['实现高新技术产业增加值', ...figG('stat.hightech_value_added'), vsTarget('stat.hightech_value_added')]);
  }
  if (has('stat.new_product_output')) {
    head.push(['规上工业新产品产值', ...figG('stat.new_product_output')]);
  }
  const patentsHead: Segment[] = [];
  if (has('stat.invention_grants')) {
    patentsHead.push('发明专利授权量', ...fig('stat.invention_grants'));
  }
  if (has('stat.valid_invention_patents')) {
    patentsHead.push(patentsHead.length ? '，有效发明专利' : '有效发明专利', ...fig('stat.valid_invention_patents'), vsTarget('stat.valid_invention_patents'));
  }
  if (patentsHead.length) {
    head.push(patentsHead);
  }
  if (has('techmarket.deals') || has('techmarket.amount')) {
    const tm: Segment[] = ['网上技术市场'];
    if (has('techmarket.deals')) {
      tm.push('吸纳技术', ...fig('techmarket.deals'));
    }
    if (has('techmarket.amount')) {
      tm.push(has('techmarket.deals') ? '，成交额' : '成交额', ...fig('techmarket.amount'));
    }
    head.push(tm);
  }
  const stocks: Segment[] = [];
  if (has('hnte.valid')) {
    stocks.push('全市已有国家重点扶持高新技术企业', ...fig('hnte.valid'));
  }
  if (has('tech_sme.valid')) {
    stocks.push(stocks.length ? '，省科技型中小企业' : '全市已有省科技型中小企业', ...fig('tech_sme.valid'));
  }
  if (stocks.length) {
    head.push(stocks);
  }

  // 一、the year's work, by area.
  type Area = { title: string; items: { lead: string; segments: Segment[] }[] };
  const areas: Area[] = [];
  const sentence = (parts: Segment[][]): Segment[] => {
    const out: Segment[] = [];
    parts.forEach((x, i) => out.push(...x, i === parts.length - 1 ? '。' : '；'));
    return out;
  };

  /** One sentence of clauses, each a figure with its completion against target; null when none has a value. */
  const clauses = (parts: [code: string, first: string, next: string][]): Segment[] | null => {
    const out: Segment[] = [];
    for (const [code, first, nextWord] of parts) {
      if (has(code)) {
        out.push(out.length ? nextWord : first, ...fig(code), vsTarget(code));
      }
    }
    return out.length ? out : null;
  };
  {
    const items: Area['items'] = [];
    const hte: Segment[][] = [];
    const hnte = clauses([
      ['hnte.new', '新认定国家重点扶持的高新技术企业和技术先进型服务企业', '，新认定国家高新技术企业'],
      ['municipal_hte.new', '新认定市级高新技术企业', '、市级'],
    ]);
    if (hnte) {
      hnte.push(byDistrict('hnte.new'));
      hte.push(hnte);
    }
    const cum = clauses([
      ['hnte.valid', '累计认定国家高新技术企业', '累计认定国家高新技术企业'],
      ['municipal_hte.valid', '累计认定市级高新技术企业', '和市级高新技术企业'],
    ]);
    if (cum) {
      hte.push(cum);
    }
    if (has('stat.hightech_value_added')) {
      hte.push(['全年实现高新技术产业增加值', ...fig('stat.hightech_value_added')]);
    }
    if (hte.length) {
      items.push({ lead: '推进高新技术企业发展。', segments: sentence(hte) });
    }
    const sme: Segment[][] = [];
    const eagle = clauses([
      ['eagle.new', '完成科技型初创企业培育工程评审，新认定雏鹰企业', '，新认定雏鹰企业'],
      ['qinglan.new', '新认定青蓝企业', '、青蓝企业'],
    ]);
    if (eagle) {
      sme.push(eagle);
    }
    const smes = clauses([
      ['tech_sme.new', '新认定省科技型中小企业', '新认定省科技型中小企业'],
      ['tech_sme.valid', '累计达', '，累计达'],
    ]);
    if (smes) {
      if (has('tech_sme.new')) {
        smes.push(byDistrict('tech_sme.new'));
      }
      sme.push(smes);
    }
    if (sme.length) {
      items.push({ lead: '大力扶持科技型中小企业发展。', segments: sentence(sme) });
    }
    const rd = clauses([
      ['rd_centre.provincial.new', '新认定省级高新技术企业研发中心', '新认定省级高新技术企业研发中心'],
      ['rd_centre.municipal.new', '新认定市级高新技术企业研发中心', '、市级'],
    ]);
    const rdCum = clauses([
      ['rd_centre.provincial.valid', '省级研发中心累计达', '省级研发中心累计达'],
      ['rd_centre.municipal.valid', '市级研发中心累计达', '，市级研发中心累计达'],
    ]);
    const rdParts = [rd, rdCum].filter((x): x is Segment[] => x !== null);
    if (rdParts.length) {
      items.push({ lead: '切实加强企业研发机构建设。', segments: sentence(rdParts) });
    }
    if (items.length) {
      areas.push({ title: '产业助推作用日益增强', items });
    }
  }
  if (has('special_fund.performance_score')) {
    const score = now.get('special_fund.performance_score')!.value!;
    areas.push({
      title: '科技体制不断深化',
      items: [
        {
          lead: '加强科技专项资金监督检查。',
          segments: [`市人大常委会开展了${year - 4}—${year - 1}年科技专项资金绩效评价的专项监督工作，绩效评价`, ...fig('special_fund.performance_score'), `，为${grade(score)}。`],
        },
      ],
    });
  }
  {
    const items: Area['items'] = [];
    if (has('voucher.issued')) {
      const v: Segment[] = ['全年发放创新券', ...figG('voucher.issued'), vsTarget('voucher.issued')];
      if (has('voucher.used')) {
        const issued = now.get('voucher.issued')!.value!;
        const used = now.get('voucher.used')!.value!;
        v.push('，实际使用', ...figG('voucher.used'));
        if (issued > 0) {
          v.push(`，使用率${pct(used / issued)}`);
        }
      }
      if (has('voucher.holders')) {
        v.push('；受惠企业和创业团队', ...figG('voucher.holders'), vsTarget('voucher.holders'));
      }
      v.push(byDistrict('voucher.issued'), '。');
      items.push({ lead: '深化科技创新服务。', segments: v });
    }
    if (has('techmarket.deals') || has('techmarket.amount')) {
      const t: Segment[] = ['网上技术市场'];
      if (has('techmarket.deals')) {
        t.push('吸纳技术', ...figG('techmarket.deals'), vsTarget('techmarket.deals'));
      }
      if (has('techmarket.amount')) {
        t.push(has('techmarket.deals') ? '，成交额' : '成交额', ...figG('techmarket.amount'), vsTarget('techmarket.amount'), byDistrict('techmarket.amount'));
      }
      t.push('。');
      items.push({ lead: '加快网上技术市场建设。', segments: t });
    }
    if (items.length) {
      areas.push({ title: '科技创新资源有效集聚', items });
    }
  }
  if (has('stat.patent_applications') || has('stat.patent_grants') || has('stat.invention_grants') || has('stat.valid_invention_patents')) {
    const ip: Segment[] = [`${year}年，全市`];
    if (has('stat.patent_applications')) {
      ip.push('专利申请总量为', ...figG('stat.patent_applications', '同比增长'));
    }
    if (has('stat.patent_grants')) {
      ip.push(has('stat.patent_applications') ? '；授权总量为' : '专利授权总量为', ...figG('stat.patent_grants', '同比增长'));
    }
    const rest: Segment[] = [];
    if (has('stat.invention_grants')) {
      rest.push('发明专利授权量', ...fig('stat.invention_grants'));
    }
    if (has('stat.valid_invention_patents')) {
      rest.push(rest.length ? '，有效发明专利' : '有效发明专利', ...fig('stat.valid_invention_patents'));
    }
    if (rest.length) {
      ip.push(ip.length > 1 ? '。其中，' : '', ...rest);
    }
    ip.push('。');
    areas.push({ title: '创新创业生态得到优化', items: [{ lead: '提高知识产权创造水平。', segments: ip }] });
  }

  // 二、next year's plan from the targets.
  const targets = (input.targets ?? []).filter((t) => t.target !== null && CATALOGUE_BY_CODE.has(t.code));
  const targetRow = new Map<string, number>();
  const targetRef = (t: PlanTarget): { ref: number } => {
    const e = CATALOGUE_BY_CODE.get(t.code)!;
    let rowN = targetRow.get(t.code);
    const value = formatValue(t.target!, e.unit);
    const source = plainWords(t.source ?? '') || '市科委年度目标';
    if (rowN === undefined) {
      rowN = appendix.length + 1;
      appendix.push({ n: rowN, code: t.code, name: `${e.name}（目标）`, period: `${next}年`, value, previous: has(t.code) ? `${formatValue(now.get(t.code)!.value!, e.unit)}（${year}年实际）` : '', source, definition: t.note ?? '' });
      targetRow.set(t.code, rowN);
    }
    const n = notes.length + 1;
    notes.push({ n, row: rowN, text: `${next}年目标：${e.name}${value}。来源：${source}。见附表第${rowN}项。` });
    return { ref: n };
  };
  /** "新认定国家高新技术企业150家" with its note and this year's figure; in 主要工作 the words alone (the note is on 目标任务). */
  const goal = (t: PlanTarget, withNote = true): Segment[] => {
    const e = CATALOGUE_BY_CODE.get(t.code)!;
    const value = formatValue(t.target!, e.unit);
    const current = now.get(t.code);
    const base = withNote && current && current.value ? `（${periodOf(t.code, year)}为${formatValue(current.value, e.unit)}）` : '';
    const words = e.name.startsWith('新') || e.unit === '次' ? `${e.name}${value}` : `${e.name}${e.nature === 'ratio' ? '力争达到' : '达到'}${value}`;
    return withNote ? [words, targetRef(t), base] : [words];
  };
  const planBlocks: Block[] = [];
  if (targets.length) {
    planBlocks.push({ kind: 'heading', level: 2, text: '（一）目标任务' });
    planBlocks.push({ kind: 'paragraph', segments: sentence(targets.map((t) => goal(t))) });
    const work: { title: string; list: PlanTarget[] }[] = [];
    const placed = new Set<string>();
    for (const g of PLAN_GROUPS) {
      const list = targets.filter((t) => !placed.has(t.code) && (g.codes?.includes(t.code) || g.modules.includes(CATALOGUE_BY_CODE.get(t.code)!.module)));
      list.forEach((t) => placed.add(t.code));
      work.push({ title: g.title, list });
    }
    const restT = targets.filter((t) => !placed.has(t.code));
    if (restT.length) {
      work.push({ title: '做好其他重点工作', list: restT });
    }
    const withList = work.filter((w) => w.list.length);
    if (withList.length) {
      planBlocks.push({ kind: 'heading', level: 2, text: '（二）主要工作' });
      withList.forEach((w, i) => planBlocks.push({ kind: 'paragraph', lead: `${i + 1}.${w.title}。`, segments: ['围绕年度目标，', ...sentence(w.list.map((t) => goal(t, false)))] }));
    }
  }

  const title = targets.length ? `杭州市科学技术委员会${year}年工作总结和${next}年工作思路` : `杭州市科学技术委员会${year}年工作总结`;
  const partOne = `${NUMERALS[0]}、${year}年工作总结`;
  blocks.push({ kind: 'heading', level: 1, text: partOne });
  if (head.length) {
    p([`${year}年，全市`, ...sentence(head).slice(0, -1), areas.length ? `。主要工作体现在以下${NUMERALS[areas.length - 1] ?? areas.length}个方面：` : '。']);
  }
  areas.forEach((a, i) => {
    blocks.push({ kind: 'heading', level: 2, text: `（${NUMERALS[i]}）${a.title}` });
    a.items.forEach((it, j) => p(it.segments, `${j + 1}.${it.lead}`));
  });
  if (planBlocks.length) {
    blocks.push({ kind: 'heading', level: 1, text: `${NUMERALS[1]}、${next}年工作思路` }, ...planBlocks);
  }

  const running = new Set(input.indicators.filter((i) => i.kind === 'computed').map((i) => i.module));
  const notRunning = [...new Set([...CATALOGUE_BY_CODE.values()].filter((e) => e.kind === 'computed' && !running.has(e.module)).map((e) => MODULE_NAMES[e.module] ?? e.module))];
  return {
    title,
    year,
    byline: `科创平台根据业务记录和已导入的统计数据生成（${input.generatedOn}）`,
    blocks,
    notes,
    appendix,
    remark: `本文数字的口径、期间和来源见脚注及附表。${notRunning.length > 0 ? `平台尚未运行的业务（${notRunning.join('、')}）暂无数据，相应内容未列入。` : ''}`,
  };
}
