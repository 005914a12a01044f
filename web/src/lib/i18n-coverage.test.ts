// One language system: every user-facing string of the SPA comes from a message catalogue (the core
// `lib/i18n-messages.ts` or a feature's `messages.ts`), each entry complete in Chinese and English.
// This test reads the source: a Chinese string literal or JSX text outside a catalogue fails it, except
// in the paths still listed in NOT_YET_TRANSLATED, which may only shrink.
/// <reference types="node" />
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { Catalogue } from './i18n';

const WEB_SRC = fileURLToPath(new URL('..', import.meta.url));
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Feature folders and files whose text is still hard-coded; remove a line when it is translated. */
const NOT_YET_TRANSLATED: string[] = [];

/** Not UI text: catalogues themselves, tests, and the types generated from the API's OpenAPI document. */
function exempt(path: string): boolean {
  return (
    path.endsWith('/messages.ts') ||
    path === 'lib/i18n-messages.ts' ||
    path === 'lib/api-types.ts' ||
    /\.test\.tsx?$/.test(path)
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name: string) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {return sourceFiles(full);}
    return /\.tsx?$/.test(name) ? [relative(WEB_SRC, full).split(sep).join('/')] : [];
  });
}

/** The Chinese string literals, template parts and JSX texts of one file (comments do not count). */
function chineseTexts(path: string): string[] {
  const text = readFileSync(join(WEB_SRC, path), 'utf8');
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isStringLiteral(node) ||
        ts.isNoSubstitutionTemplateLiteral(node) ||
        ts.isTemplateHead(node) ||
        ts.isTemplateMiddle(node) ||
        ts.isTemplateTail(node) ||
        ts.isJsxText(node)) &&
      HAN.test(node.text)
    ) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      found.push(`${path}:${line + 1} ${node.text.trim().slice(0, 40)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const pending = (path: string) => NOT_YET_TRANSLATED.some((p) => path === p || path.startsWith(`${p}/`));
const files = sourceFiles(WEB_SRC).filter((path) => !exempt(path));

describe('one language system', () => {
  it('has no Chinese text outside the message catalogues (except the paths still listed as not yet translated)', () => {
    const offenders = files.filter((path) => !pending(path)).flatMap(chineseTexts);
    expect(offenders).toEqual([]);
  });

  it('lists as not yet translated only paths that still hold Chinese text', () => {
    const done = NOT_YET_TRANSLATED.filter((p) => files.filter((f) => f === p || f.startsWith(`${p}/`)).flatMap(chineseTexts).length === 0);
    expect(done).toEqual([]);
  });

  const catalogues = import.meta.glob<Record<string, Catalogue>>(['../**/messages.ts', './i18n-messages.ts'], { eager: true });

  it.each(Object.keys(catalogues))('%s: every entry has Chinese and English, the same placeholders, no Chinese in English', (file) => {
    const problems: string[] = [];
    for (const catalogue of Object.values(catalogues[file]!)) {
      for (const [key, [zh, en]] of Object.entries(catalogue)) {
        if (!zh.trim() || !en.trim()) {problems.push(`${key}: empty`);}
        if (HAN.test(en)) {problems.push(`${key}: Chinese in the English text`);}
        const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');
        if (holes(zh) !== holes(en)) {problems.push(`${key}: placeholders differ`);}
      }
    }
    expect(problems).toEqual([]);
  });
});
