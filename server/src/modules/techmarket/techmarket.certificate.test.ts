import JSZip from 'jszip';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestApp } from '../../test/harness.js';
import { renderRegistrationCertificate, yuan } from './techmarket.certificate.js';

let t: TestApp;
let officer: Session;

beforeAll(async () => {
  t = await createTestApp();
  officer = await loginAs(t.app, 'officer');
});
afterAll(async () => {
  await t.close();
});

describe('the technology contract registration certificate (技术合同登记证明)', () => {
  it('when a registered contract\'s certificate is downloaded, then the Word file names the number, contract, parties, amounts in yuan and the registering body', async () => {
    const [r] = await t.deps.database.rows<{ id: number }>(sql`select id from tm_contract_registrations where status = 'registered' order by id limit 1`);
    const reg = (await officer.request('GET', `/api/techmarket/registrations/${r.id}`)).json<{ registrationNo: string; contractTitle: string; sellerName: string; buyerName: string; amount: number }>();
    const res = await officer.request('GET', `/api/techmarket/registrations/${r.id}/certificate.docx`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const s of ['技术合同登记证明', reg.registrationNo, reg.contractTitle, reg.sellerName, reg.buyerName, yuan(reg.amount), '杭州市科学技术委员会', '盖章处']) {
      expect(text, s).toContain(s);
    }
    expect(xml).toContain('w:pgBorders');
  });

  it('when the contract is not registered yet, then it has no certificate: 409 with a Chinese message', async () => {
    const contract = { status: 'submitted' as const, registrationNo: null, contractTitle: '某技术开发合同', contractTypeName: '技术开发', sellerName: '卖方', buyerName: '买方', signedOn: '2016-03-01', amount: 100000, nonTechnical: 0, technicalIncome: null, registeredOn: null, districtName: '西湖区', domain: '电子信息' };
    await expect(renderRegistrationCertificate(contract)).rejects.toMatchObject({ code: 'invalid_state', message: '该合同尚未认定登记，没有登记证明' });
  });

  it('when amounts are written, then with thousands separators and two decimals', () => {
    expect(yuan(7_742_000_000)).toBe('7,742,000,000.00元');
    expect(yuan(1234.5)).toBe('1,234.50元');
  });
});
