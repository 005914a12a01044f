import { BorderStyle, PageBorderDisplay, PageBorderOffsetFrom } from 'docx';

/** Millimetres → twentieths of a point (Word's unit). */
export const mm = (v: number) => Math.round((v / 25.4) * 1440);

/** Chinese text with Latin letters and digits in Times New Roman; `eastAsia` the Chinese face (仿宋, 黑体, 楷体…). */
export const cjkFont = (eastAsia: string) => ({ ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia, cs: 'Times New Roman' });

/** English for Latin text, Simplified Chinese for the rest (LibreOffice then picks the SC faces when falling back). */
export const CJK_LANGUAGE = { value: 'en-US', eastAsia: 'zh-CN' };

/** An A4 portrait certificate page: 30/25 mm margins and a double border of `color` inside them. */
export function certificatePage(color: string) {
  const border = { style: BorderStyle.DOUBLE, size: 18, color, space: 20 };
  return {
    size: { width: mm(210), height: mm(297) },
    margin: { top: mm(30), bottom: mm(25), left: mm(25), right: mm(25) },
    borders: { pageBorderTop: border, pageBorderBottom: border, pageBorderLeft: border, pageBorderRight: border, pageBorders: { display: PageBorderDisplay.ALL_PAGES, offsetFrom: PageBorderOffsetFrom.TEXT } },
  };
}
