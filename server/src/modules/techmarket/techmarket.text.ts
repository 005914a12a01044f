import { createRequire } from 'node:module';
import type { Jieba as JiebaType } from '@node-rs/jieba';

/**
 * Chinese text → tsvector / tsquery, built in Node so PGlite and PostgreSQL behave the same
 * (no server-side parser or locale involved; equivalent to the 'simple' configuration: lower
 * case, no stemming, no stop words).
 *
 * Index side, per field: the text is cut into runs of Han characters and runs of letters/digits.
 * A Han run contributes (1) its jieba words and (2) every character bigram of the run, each at
 * the position of its first character; a letter/digit run is one lower-cased token. Bigrams make
 * any substring of two or more Han characters findable through the GIN index even where jieba
 * cut the text differently (芯片组 → 芯片 + 片组), and phrase search over consecutive bigram
 * positions keeps longer terms exact (no false hits: 人工智能 only where those four characters
 * stand together).
 *
 * Query side: the query's Han runs are cut by jieba too; consecutive one-character words are
 * merged back (车/规/级 → 车规级, an unknown word); each word becomes a phrase of its bigrams
 * ('芯片' for a two-character word); a lone character matches itself or any bigram it starts.
 * Words are ANDed, so 芯片 设计 finds listings that mention both, anywhere.
 *
 * Intl.Segmenter was measured against @node-rs/jieba (docs/techmarket.md): it cut 芯片 into
 * 芯/片 and 互联网 into 互/联/网, and was 5.6× slower on listing-sized strings.
 */

const require = createRequire(import.meta.url);
let jieba: JiebaType | null = null;

function segmenter(): JiebaType {
  if (!jieba) {
    const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    jieba = Jieba.withDict(dict);
  }
  return jieba;
}

const RUN = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+)/gu;
const HAN = /\p{Script=Han}/u;
/** tsvector positions are capped at 16383; we stop indexing long texts well before. */
const MAX_POSITION = 16000;

interface Run {
  text: string;
  han: boolean;
  start: number;
}

function runs(text: string): Run[] {
  const out: Run[] = [];
  for (const m of text.normalize('NFKC').matchAll(RUN)) {
    out.push({ text: m[1] ?? m[2].toLowerCase(), han: m[1] !== undefined, start: m.index });
  }
  return out;
}

/** Words of one Han run, as jieba cuts it (HMM off: deterministic dictionary words). */
export function cutWords(run: string): string[] {
  return segmenter()
    .cut(run, false)
    .filter((w) => w.length > 0 && HAN.test(w));
}

// Blocks holding the characters NFKC turns into Han: CJK radicals and Kangxi radicals (⼈ → 人),
// parenthesised/circled/squared ideographs (㍻ → 平成), compatibility ideographs, enclosed ideographic supplement.
const HAN_COMPATIBILITY = /[\u2E80-\u2FDF\u3190-\u319F\u3200-\u33FF\uF900-\uFAFF\u{1F200}-\u{1F2FF}\u{2F800}-\u{2FA1F}]/gu;

/**
 * A listing's title or description as stored: each character whose NFKC form holds Han is replaced
 * by that form (⼈ → 人, 㐀-style compatibility ideographs → their unified ideograph), the rest is
 * kept as typed. The index reads NFKC text, so after this a substring test on the stored text finds
 * exactly what the index finds for Han terms (the search's text windows rely on it).
 */
export function foldHanCompatibility(text: string): string {
  return text.replace(HAN_COMPATIBILITY, (ch) => {
    const folded = ch.normalize('NFKC');
    return HAN.test(folded) ? folded : ch;
  });
}

/** lexeme → positions (1-based) within one field. */
type Postings = Map<string, number[]>;

function addPosting(p: Postings, lexeme: string, pos: number): void {
  const list = p.get(lexeme);
  if (!list) {
    p.set(lexeme, [pos]);
  } else if (list[list.length - 1] !== pos) {
    list.push(pos);
  }
}

/** Postings of one field, positions starting at `from`; returns the next free position. */
function fieldPostings(text: string, p: Postings, from: number): number {
  let pos = from;
  for (const run of runs(text)) {
    if (pos > MAX_POSITION) {
      break;
    }
    if (!run.han) {
      addPosting(p, run.text, pos);
      pos += 2;
      continue;
    }
    let offset = 0;
    for (const w of cutWords(run.text)) {
      addPosting(p, w, pos + offset);
      offset += w.length;
    }
    for (let i = 0; i + 1 < run.text.length; i++) {
      addPosting(p, run.text.slice(i, i + 2), pos + i);
    }
    // A gap keeps phrase matches from running across punctuation or into the next run.
    pos += run.text.length + 1;
  }
  return pos;
}

const quote = (lexeme: string) => `'${lexeme.replace(/'/g, "''").replace(/\\/g, '\\\\')}'`;

/** The tsvector literal for a listing: title positions weighted A, description B. */
export function buildSearchVector(title: string, description: string): string {
  const a: Postings = new Map();
  const b: Postings = new Map();
  const next = fieldPostings(title, a, 1);
  fieldPostings(description, b, next + 1);
  const lexemes = new Map<string, string[]>();
  for (const [weight, postings] of [['A', a], ['B', b]] as const) {
    for (const [lexeme, positions] of postings) {
      const list = lexemes.get(lexeme) ?? [];
      list.push(...positions.map((x) => `${x}${weight}`));
      lexemes.set(lexeme, list);
    }
  }
  return [...lexemes].map(([lexeme, positions]) => `${quote(lexeme)}:${positions.join(',')}`).join(' ');
}

/** One search term: what is shown highlighted and how it is matched. */
export interface QueryTerm {
  text: string;
  han: boolean;
}

/** The words of a query (see above); empty when it holds no letters, digits or Han characters. */
export function queryTerms(q: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  for (const run of runs(q)) {
    if (!run.han) {
      terms.push({ text: run.text, han: false });
      continue;
    }
    // consecutive one-character words merge back (车/规/级 → 车规级); a lone character left next to
    // a word joins it (量子/点 → 量子点: the substring, not 量子 and any word starting with 点)
    const words: string[] = [];
    let single = false;
    for (const w of cutWords(run.text)) {
      if (w.length === 1 && single) {
        words[words.length - 1] += w;
      } else {
        words.push(w);
      }
      single = w.length === 1;
    }
    for (let i = 0; i < words.length; i++) {
      if (words[i].length === 1 && words.length > 1) {
        if (i > 0) {
          words[i - 1] += words[i];
        } else {
          words[1] = words[0] + words[1];
        }
        words.splice(i--, 1);
      }
    }
    terms.push(...words.map((text) => ({ text, han: true })));
  }
  const seen = new Set<string>();
  return terms.filter((t) => (seen.has(t.text) ? false : (seen.add(t.text), true)));
}

function termQuery(t: QueryTerm, weight: '' | 'A'): string {
  const w = weight ? `:${weight}` : '';
  if (!t.han || t.text.length === 2) {
    return `${quote(t.text)}${w}`;
  }
  if (t.text.length === 1) {
    return `(${quote(t.text)}${w} | ${quote(t.text)}:*${weight})`;
  }
  const bigrams: string[] = [];
  for (let i = 0; i + 1 < t.text.length; i++) {
    bigrams.push(`${quote(t.text.slice(i, i + 2))}${w}`);
  }
  return `(${bigrams.join(' <-> ')})`;
}

/** tsquery literal: all terms; with weight 'A', all terms in the title. */
export function buildTsQuery(terms: QueryTerm[], weight: '' | 'A' = ''): string {
  return terms.map((t) => termQuery(t, weight)).join(' & ');
}

/** Character ranges [start, end) of the terms in a text, merged, for highlighting. */
export function matchRanges(text: string, terms: QueryTerm[]): [number, number][] {
  const lower = text.toLowerCase();
  const ranges: [number, number][] = [];
  for (const t of terms) {
    let i = lower.indexOf(t.text);
    while (i >= 0) {
      ranges.push([i, i + t.text.length]);
      i = lower.indexOf(t.text, i + t.text.length);
    }
  }
  ranges.sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) {
      last[1] = Math.max(last[1], r[1]);
    } else {
      merged.push([r[0], r[1]]);
    }
  }
  return merged;
}

/** A window of the description around the first match, with its highlight ranges. */
export function snippet(text: string, terms: QueryTerm[], width = 80): { text: string; highlights: [number, number][] } {
  const all = matchRanges(text, terms);
  const first = all[0]?.[0] ?? 0;
  const start = Math.max(0, Math.min(first - 20, text.length - width));
  const end = Math.min(text.length, start + width);
  const body = text.slice(start, end);
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  const shift = prefix.length - start;
  return {
    text: `${prefix}${body}${suffix}`,
    highlights: all.filter(([s, e]) => s >= start && e <= end).map(([s, e]) => [s + shift, e + shift]),
  };
}

/** Distinct words (≥ 2 characters) and letter/digit tokens of a text, for matching. */
export function keywords(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of runs(text)) {
    if (!run.han) {
      if (run.text.length >= 2) {
        out.add(run.text);
      }
      continue;
    }
    for (const w of cutWords(run.text)) {
      if (w.length >= 2) {
        out.add(w);
      }
    }
  }
  return out;
}
