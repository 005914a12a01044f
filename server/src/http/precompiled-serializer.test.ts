import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { enterprisePage } from '../modules/enterprises/enterprises.schema.js';
import { precompiledSerializer } from './precompiled-serializer.js';

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
  });
});
