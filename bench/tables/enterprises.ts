/** Bench enterprises: valid USCCs, plausible Chinese names, spread over the 13 districts by weight. */
import { enterprises } from '../../server/src/db/schema/index.js';
import { DISTRICT_WEIGHTS, HANGZHOU_DISTRICTS } from '../../server/src/db/seed/districts.js';
import { makeUscc } from '../../server/src/lib/uscc.js';
import { INDUSTRIES } from '../../server/src/modules/enterprises/enterprises.schema.js';
import { toRow } from '../../server/src/modules/enterprises/enterprises.service.js';
import type { Random } from '../../server/src/lib/random.js';
import { TIERS } from '../lib/common.js';
import type { BulkTable, GenContext } from './types.js';

/**
 * Serials of bench USCCs start here, above the demo seed's 10,000,000 + 7,919 × serial (up to
 * 73,352,000 for its 8,000 enterprises; a collision stops the COPY), and tier M ends at 80,992,000
 * (8 digits).
 */
const SERIAL_BASE = 80_000_000;

// Two characters from this pool make the brand (字号): ~13k combinations before suffix and form.
const BRAND_CHARS = [...'智芯云帆数联华信睿思之江钱塘天目恒星创维博远新禾青橙海创锐捷明德中科星辰致远安恒同方正泰九州灵犀聚光微纳长风湖畔远景金桥蓝海卓越慧眼品源优创晶华鼎盛宏达嘉禾瑞丰鸿图启航凌云易通众合汇智德润佳和东方西溪良渚运河富春桐君千岛严州天竺龙井湘湖萧然临平超越领航融通精工弘毅泽宇'];
const SUFFIX: Record<(typeof INDUSTRIES)[number], string[]> = {
  电子信息: ['电子科技', '信息技术', '软件', '网络科技', '微电子', '智能科技', '数字科技'],
  生物与新医药: ['生物科技', '医药科技', '生物医药', '医疗器械', '基因技术'],
  航空航天: ['航空科技', '航天技术', '无人机科技'],
  新材料: ['新材料科技', '材料技术', '纳米科技', '高分子材料'],
  高技术服务: ['科技服务', '检测技术', '数据服务', '设计咨询', '知识产权服务'],
  新能源与节能: ['新能源科技', '节能技术', '光伏科技', '储能技术'],
  资源与环境: ['环保科技', '环境工程', '水处理技术', '生态科技'],
  先进制造与自动化: ['智能装备', '自动化', '机电科技', '精密机械', '机器人'],
  其他: ['科技', '农业科技', '文化科技'],
};
const FORMS = ['有限公司', '有限公司', '有限公司', '股份有限公司', '有限责任公司'];
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁沈任姚卢傅钟姜崔谭陆汪范金石廖贾夏韦方'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '洋', '艳', '勇', '军', '杰', '涛', '明', '超', '秀英', '建华', '志强', '晓东', '海燕', '丽', '俊', '浩然', '子涵', '欣怡', '宇轩', '文博', '佳琪', '建国', '国强', '晨', '颖'];
const ROADS: Record<string, string[]> = {
  '330102': ['解放路', '中山南路', '庆春路'],
  '330103': ['体育场路', '延安路', '环城北路'],
  '330104': ['钱江路', '新塘路', '秋涛路'],
  '330105': ['莫干山路', '湖州街', '丽水路'],
  '330106': ['文三路', '西园路', '古墩路', '文一西路', '天目山路'],
  '330108': ['江南大道', '滨安路', '网商路', '长河路'],
  '330109': ['市心路', '金城路', '建设一路'],
  '330110': ['文一西路', '良睦路', '五常大道', '临平大道'],
  '330111': ['富春街道金桥路', '银湖街道'],
  '330122': ['迎春南路', '富春路'],
  '330127': ['千岛湖镇新安大街', '环湖北路'],
  '330182': ['新安江街道严州大道', '新安路'],
  '330185': ['锦城街道钱王街', '青山湖街道'],
};
const INDUSTRY_WEIGHTS = [30, 12, 2, 10, 14, 8, 6, 14, 4];
const SIZES = ['micro', 'small', 'medium', 'large'] as const;
const SIZE_WEIGHTS = [40, 40, 16, 4];
const CODES = HANGZHOU_DISTRICTS.map((d) => d.code);
const CODE_WEIGHTS = CODES.map((c) => DISTRICT_WEIGHTS[c]);
const NAME_OF = new Map<string, string>(HANGZHOU_DISTRICTS.map((d) => [d.code, d.name]));

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A valid 18-digit resident ID (GB 11643) registered in the district. */
function idNumber(rnd: Random, districtCode: string): string {
  const body = `${districtCode}${rnd.int(1955, 2000)}${pad(rnd.int(1, 12))}${pad(rnd.int(1, 28))}${pad(rnd.int(0, 999), 3)}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = w.reduce((acc, wi, i) => acc + wi * Number(body[i]), 0);
  return body + '10X98765432'[sum % 11];
}

const person = (rnd: Random) => `${rnd.pick(SURNAMES)}${rnd.pick(GIVEN)}`;

function* enterpriseRows(ctx: GenContext, n: number) {
  const { rnd, pii } = ctx;
  const epoch = Date.UTC(2016, 0, 1);
  const span = Date.UTC(2026, 0, 1) - epoch;
  for (let i = 0; i < n; i++) {
    const code = rnd.weighted(CODES, CODE_WEIGHTS);
    const industry = rnd.weighted(INDUSTRIES, INDUSTRY_WEIGHTS);
    const size = rnd.weighted(SIZES, SIZE_WEIGHTS);
    // Recent years are busier: squares bias the year towards 2025.
    const year = 2025 - Math.floor(rnd.next() ** 2 * 30);
    const brand = `${rnd.pick(BRAND_CHARS)}${rnd.pick(BRAND_CHARS)}`;
    const employees = { micro: rnd.int(2, 9), small: rnd.int(10, 99), medium: rnd.int(100, 299), large: rnd.int(300, 5000) }[size];
    const createdAt = new Date(epoch + Math.floor(rnd.next() * span));
    const row = toRow(
      {
        uscc: makeUscc(code, SERIAL_BASE + i),
        name: `${rnd.next() < 0.9 ? '杭州' : '浙江'}${brand}${rnd.pick(SUFFIX[industry])}${rnd.pick(FORMS)}`,
        districtId: ctx.districtIds.get(code)!,
        registeredOn: `${year}-${pad(rnd.int(1, 12))}-${pad(rnd.int(1, 28))}`,
        industry,
        size,
        registeredCapital: rnd.int(3, 20_000) * 10_000,
        employees,
        address: `杭州市${NAME_OF.get(code)}${rnd.pick(ROADS[code])}${rnd.int(1, 999)}号`,
        website: rnd.next() < 0.3 ? `https://www.hz${i.toString(36)}.com.cn` : null,
        legalRepName: person(rnd),
        legalRepPhone: `1${rnd.pick(['3', '5', '7', '8', '9'])}${rnd.int(0, 9)}${pad(rnd.int(0, 99_999_999), 8)}`,
        legalRepIdNumber: rnd.next() < 0.33 ? idNumber(rnd, code) : null,
        contactName: person(rnd),
        contactPhone: `0571${rnd.int(80_000_000, 89_999_999)}`,
      },
      pii,
    );
    yield { ...row, legalRepIdEnc: row.legalRepIdEnc ?? null, legalRepIdHash: row.legalRepIdHash ?? null, createdAt, updatedAt: createdAt };
  }
}

export const enterprisesTable: BulkTable<typeof enterprises> = {
  name: 'enterprises',
  table: enterprises,
  count: (tier, existing, override) => Math.max(0, (override ?? TIERS[tier].enterprises) - existing),
  rows: enterpriseRows,
  // Every enterprise the app registers gets a timeline event (一企一档); bulk rows get theirs too,
  // so the detail endpoint reads a realistic timeline.
  after: (_ctx, [min, max]) => [
    {
      label: 'timeline_events (one per enterprise)',
      sql: `insert into timeline_events (enterprise_id, occurred_at, module, kind, title, ref_type, ref_id)
            select id, created_at, 'enterprises', 'imported', '批量导入建档（基准数据）', 'enterprise', id::text
            from enterprises where id between ${min} and ${max} order by enterprises.id`,
    },
  ],
};
