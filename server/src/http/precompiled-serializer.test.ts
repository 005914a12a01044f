import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { enterprisePage } from '../modules/enterprises/enterprises.schema.js';
import { compilePicker, precompiledSerializer } from './precompiled-serializer.js';

const serialize = precompiledSerializer({ schema: enterprisePage });
const item = {
  id: 7,
  uscc: '913301066829115517',
  name: '杭州"引号"\\反斜杠科技有限公司',
  districtId: 2,
  districtCode: '330106',
  districtName: '西湖区',
  registeredOn: '2020-01-01',
  industry: '电子信息',
  size: null,
  sizeName: null,
  employees: null,
  version: 3,
};

describe('precompiled response serializer', () => {
  it('when a page is serialized, then the bytes are those of the zod encoding (escapes, nulls, enums)', () => {
    const page = { items: [item, { ...item, id: 6, size: 'small', sizeName: '小型', employees: 12 }, { ...item, id: 5, size: 'large', sizeName: '大型', employees: 0 }], nextCursor: 'abc' };
    expect(serialize(page)).toBe(JSON.stringify(z.encode(enterprisePage, page as z.input<typeof enterprisePage>)));
    expect(serialize({ items: [], nextCursor: null })).toBe('{"items":[],"nextCursor":null}');
  });

  it('when the service hands over a field the schema does not name, then it is not written', () => {
    const out = JSON.parse(serialize({ items: [{ ...item, idNumberEnc: 'ciphertext', contactPhone: '13800000000' }], nextCursor: null }));
    expect(Object.keys(out.items[0]).sort()).toEqual(Object.keys(item).sort());
    expect(Object.keys(JSON.parse(serialize({ items: [], nextCursor: null, total: 5 })) as object)).toEqual(['items', 'nextCursor']);
  });

  it('when a value the schema declares as text or a number is an object, then nothing is written (the object could carry anything)', () => {
    expect(() => serialize({ items: [{ ...item, name: { legalRepIdEnc: 'ciphertext' } }], nextCursor: null })).toThrow(TypeError);
    expect(() => serialize({ items: [{ ...item, employees: [1, 2] }], nextCursor: null })).toThrow(TypeError);
    expect(() => serialize({ items: [{ ...item, version: undefined }], nextCursor: null })).toThrow(TypeError);
  });

  it('when a schema has a shape the picker does not handle, then fast-json-stringify writes it', () => {
    const loose = precompiledSerializer({ schema: z.object({ a: z.union([z.string(), z.number()]), rest: z.record(z.string(), z.number()) }) });
    expect(loose({ a: 1, rest: { x: 2 } })).toBe('{"a":1,"rest":{"x":2}}');
    expect(compilePicker({ type: 'object', properties: { a: { oneOf: [{ type: 'string' }, { type: 'number' }] } } })).toBeNull();
  });
});
