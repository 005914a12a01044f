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

/** A run of text, or a reference to the indicator behind a figure (a footnote in Word and Markdown). */
export type Segment = string | { ref: number };

export interface Section {
  heading: string;
  paragraphs: Segment[][];
}

export interface Reference {
  n: number;
  code: string;
  name: string;
  year: number;
  value: string;
  definition: string;
  source: string;
  /** the previous year's figure a growth rate in the text was computed from */
  previous: { value: string; source: string } | null;
}

export interface AnnualSummary {
  title: string;
  year: number;
  intro: string;
  sections: Section[];
  references: Reference[];
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
  return `${trim(value.toFixed(2))}${unit}`;
}

const pct = (v: number) => `${trim((Math.abs(v) * 100).toFixed(2))}%`;

interface Inputs {
  year: number;
  now: IndicatorFigure[];
  before: IndicatorFigure[];
  indicators: RegisteredIndicator[];
  generatedOn: string;
}

/**
 * The year's summary in the form of the seed's first part: a headline paragraph, then one section
 * per instrument the platform runs. Every figure is followed by a reference to its indicator;
 * a sentence whose indicators have no value is left out, never filled in.
 */
export function composeAnnualSummary(input: Inputs): AnnualSummary {
  const { year } = input;
  const now = new Map(input.now.map((f) => [f.code, f]));
  const before = new Map(input.before.map((f) => [f.code, f]));
  const meta = new Map(input.indicators.map((i) => [i.code, i]));
  const references: Reference[] = [];
  const refOf = new Map<string, number>();

  const has = (code: string) => now.get(code)?.value !== null && now.get(code)?.value !== undefined;
  const ref = (code: string): { ref: number } => {
    const existing = refOf.get(code);
    if (existing !== undefined) {
      return { ref: existing };
    }
    const f = now.get(code)!;
    const n = references.length + 1;
    references.push({ n, code, name: f.name, year, value: formatValue(f.value!, f.unit), definition: meta.get(code)?.definition ?? '', source: f.source ?? '', previous: null });
    refOf.set(code, n);
    return { ref: n };
  };
  /** "1212.6亿元" followed by its reference. */
  const fig = (code: string): Segment[] => {
    const f = now.get(code)!;
    return [formatValue(f.value!, f.unit), ref(code)];
  };
  /** "，增长9.8%" against the previous year, when there is one. */
  const change = (code: string, word = '增长'): string => {
    const a = now.get(code)?.value;
    const b = before.get(code)?.value;
    if (a === null || a === undefined || b === null || b === undefined || b === 0) {
      return '';
    }
    const g = (a - b) / b;
    const n = refOf.get(code);
    const prev = before.get(code)!;
    if (n !== undefined) {
      references[n - 1].previous = { value: formatValue(b, prev.unit), source: prev.source ?? '' };
    }
    return g >= 0 ? `，${word}${pct(g)}` : `，下降${pct(g)}`;
  };
  /** "，完成年度目标（3000万元）的95.02%" when the year has a target. */
  const vsTarget = (code: string): string => {
    const f = now.get(code);
    if (!f || f.value === null || f.target === null || f.target === 0) {
      return '';
    }
    const r = f.value / f.target;
    return r >= 1 ? `，超额完成年度目标（${formatValue(f.target, f.unit)}），完成率${pct(r)}` : `，完成年度目标（${formatValue(f.target, f.unit)}）的${pct(r)}`;
  };

  // The headline paragraph, in the seed's order.
  const head: Segment[][] = [];
  if (has('stat.hightech_value_added')) {
    head.push(['实现高新技术产业增加值', ...fig('stat.hightech_value_added'), change('stat.hightech_value_added') + vsTarget('stat.hightech_value_added')]);
  }
  if (has('stat.new_product_output')) {
    head.push(['规上工业新产品产值', ...fig('stat.new_product_output'), change('stat.new_product_output')]);
  }
  const patents: Segment[] = [];
  if (has('stat.invention_grants')) {
    patents.push('发明专利授权量', ...fig('stat.invention_grants'), change('stat.invention_grants'));
  }
  if (has('stat.valid_invention_patents')) {
    patents.push(patents.length ? '，有效发明专利' : '有效发明专利', ...fig('stat.valid_invention_patents'), change('stat.valid_invention_patents') + vsTarget('stat.valid_invention_patents'));
  }
  if (patents.length) {
    head.push(patents);
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
  for (const [code, text] of [
    ['hnte.valid', '全市已有国家重点扶持高新技术企业'],
    ['tech_sme.valid', '省科技型中小企业'],
  ] as const) {
    if (has(code)) {
      head.push([text, ...fig(code)]);
    }
  }
  const headline: Segment[] = [`${year}年，全市`];
  head.forEach((part, i) => headline.push(...part, i === head.length - 1 ? '。' : '；'));

  const sections: Section[] = [];
  if (head.length > 0) {
    sections.push({ heading: '总体情况', paragraphs: [headline] });
  }
  /**
   * One sentence of clauses, each a figure with its completion against target; null when none has
   * a value. No growth rate: the seed states these counts without one, and a register's earlier
   * years may be incomplete (migrated history), so a rate would mislead.
   */
  const clauses = (parts: [code: string, first: string, next: string][]): Segment[] | null => {
    const p: Segment[] = [];
    for (const [code, first, next] of parts) {
      if (has(code)) {
        p.push(p.length ? next : first, ...fig(code), vsTarget(code));
      }
    }
    return p.length ? [...p, '。'] : null;
  };
  const cultivation = [
    clauses([
      ['hnte.new', '新认定国家重点扶持的高新技术企业和技术先进型服务企业', '，新认定国家高新技术企业'],
      ['municipal_hte.new', '新认定市级高新技术企业', '，市级'],
      ['hnte.valid', '累计认定国家高新技术企业', '，累计认定国家高新技术企业'],
      ['municipal_hte.valid', '累计认定市级高新技术企业', '，市级'],
    ]),
    clauses([
      ['eagle.new', '新认定雏鹰企业', '，新认定雏鹰企业'],
      ['qinglan.new', '新认定青蓝企业', '，青蓝企业'],
    ]),
    clauses([
      ['tech_sme.new', '新认定省科技型中小企业', '，新认定省科技型中小企业'],
      ['tech_sme.valid', '累计达', '，累计达'],
    ]),
    clauses([
      ['rd_centre.provincial.new', '新认定省级高新技术企业研发中心', '，新认定省级高新技术企业研发中心'],
      ['rd_centre.municipal.new', '新认定市级高新技术企业研发中心', '，市级'],
      ['rd_centre.provincial.valid', '省级研发中心累计', '，省级累计'],
      ['rd_centre.municipal.valid', '市级研发中心累计', '，市级累计'],
    ]),
  ].filter((p): p is Segment[] => p !== null);
  if (cultivation.length > 0) {
    sections.push({ heading: '高新技术企业和科技型企业培育', paragraphs: cultivation });
  }
  if (has('voucher.issued')) {
    const p: Segment[] = ['全年发放创新券', ...fig('voucher.issued'), change('voucher.issued') + vsTarget('voucher.issued')];
    if (has('voucher.used')) {
      const issued = now.get('voucher.issued')!.value!;
      const used = now.get('voucher.used')!.value!;
      p.push('；实际使用', ...fig('voucher.used'), change('voucher.used'));
      if (issued > 0) {
        p.push(`，使用率${pct(used / issued)}`);
      }
    }
    if (has('voucher.holders')) {
      p.push('；受惠企业和创业团队', ...fig('voucher.holders'), change('voucher.holders') + vsTarget('voucher.holders'));
    }
    p.push('。');
    sections.push({ heading: '创新券', paragraphs: [p] });
  }
  if (has('techmarket.deals') || has('techmarket.amount')) {
    const p: Segment[] = ['加快网上技术市场建设，'];
    if (has('techmarket.deals')) {
      p.push('网上技术市场吸纳技术', ...fig('techmarket.deals'), change('techmarket.deals') + vsTarget('techmarket.deals'));
    }
    if (has('techmarket.amount')) {
      p.push(has('techmarket.deals') ? '，成交额' : '成交额', ...fig('techmarket.amount'), change('techmarket.amount') + vsTarget('techmarket.amount'));
    }
    p.push('。');
    sections.push({ heading: '网上技术市场', paragraphs: [p] });
  }
  if (has('stat.patent_applications') || has('stat.patent_grants') || patents.length) {
    const p: Segment[] = [`${year}年，全市`];
    if (has('stat.patent_applications')) {
      p.push('专利申请总量为', ...fig('stat.patent_applications'), change('stat.patent_applications', '同比增长'));
    }
    if (has('stat.patent_grants')) {
      p.push(has('stat.patent_applications') ? '；授权总量为' : '专利授权总量为', ...fig('stat.patent_grants'), change('stat.patent_grants', '同比增长'));
    }
    if (patents.length) {
      p.push(p.length > 1 ? '。其中，' : '', ...patents);
    }
    p.push('。');
    sections.push({ heading: '知识产权', paragraphs: [p] });
  }
  if (has('special_fund.performance_score')) {
    sections.push({ heading: '科技专项资金监督', paragraphs: [['科技专项资金绩效评价', ...fig('special_fund.performance_score'), '。']] });
  }
  const running = new Set(input.indicators.filter((i) => i.kind === 'computed').map((i) => i.module));
  const notRunning = [...new Set([...CATALOGUE_BY_CODE.values()].filter((e) => e.kind === 'computed' && !running.has(e.module)).map((e) => MODULE_NAMES[e.module] ?? e.module))];
  return {
    title: `杭州市科学技术委员会${year}年工作总结（数据部分）`,
    year,
    intro: `本文由科创平台于${input.generatedOn}根据平台业务记录和已导入的统计数据生成。${notRunning.length > 0 ? `平台尚未运行的业务（${notRunning.join('、')}）暂无数据，相应内容未列入。` : ''}每个数字的指标代码、口径和来源见脚注及附表。`,
    sections,
    references,
  };
}
