// Journeys of the rule engines and the calendar: a visitor who is not logged in assesses an
// enterprise against the high-tech enterprise and S&T SME rules; the admin loads next year's holidays.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, login, newPage, pickOption, screenshot } from './support.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function fill(page: Page, id: string, value: string | number) {
  await page.locator(`#${id}`).fill(String(value));
}

async function pickDate(page: Page, id: string, date: string) {
  const input = page.locator(`#${id}`);
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

const row = (page: Page, table: string, code: string) => page.getByTestId(table).locator(`tr[data-code="${code}"]`);

describe('public self-assessment', () => {
  it('when a visitor without an account fills in the figures, then each hnte condition shows pass or fail with its numbers and bands', async () => {
    const page = await newPage(browser);
    await page.goto('/login');
    await page.getByTestId('login-public-self-assessment').click();
    await page.waitForURL('**/public/self-assessment');
    await expect.poll(() => page.getByRole('heading', { name: '企业认定条件自评' }).isVisible()).toBe(true);

    await pickDate(page, 'hnte_applicationDate', '2016-06-01');
    await pickDate(page, 'hnte_registeredOn', '2012-03-15');
    await pickOption(page, page.locator('.ant-select').filter({ has: page.locator('#hnte_domain') }).first(), '电子信息');
    await fill(page, 'hnte_employees', 120);
    await fill(page, 'hnte_stEmployees', 30);
    const years = [
      [2013, 30_000_000, 10_000_000, 1_800_000, 1_800_000],
      [2014, 40_000_000, 11_000_000, 2_000_000, 2_000_000],
      // sales 30M → 40M → 46M: ½(40/30 + 46/40) − 1 = 24.17% (B below 25%); net assets 10 → 11 → 13.2M: exactly 15.00% → C
      [2015, 46_000_000, 13_200_000, 2_200_000, 2_200_000],
    ];
    for (const [i, [year, sales, net, rd, rdDomestic]] of years.entries()) {
      await fill(page, `hnte_years_${i}_year`, year);
      await fill(page, `hnte_years_${i}_salesRevenue`, sales);
      await fill(page, `hnte_years_${i}_netAssets`, net);
      await fill(page, `hnte_years_${i}_rdExpenses`, rd);
      await fill(page, `hnte_years_${i}_rdDomestic`, rdDomestic);
    }
    await fill(page, 'hnte_totalRevenue', 46_000_000);
    await fill(page, 'hnte_highTechRevenue', 27_600_000); // exactly 60%
    await fill(page, 'hnte_classI', 0);
    await fill(page, 'hnte_classII', 3);
    await fill(page, 'hnte_conversions_0', 2);
    await fill(page, 'hnte_conversions_1', 4);
    await fill(page, 'hnte_conversions_2', 3);

    const answered = page.waitForResponse((r) => r.url().endsWith('/api/rules/hnte/evaluate') && r.status() === 200);
    await page.getByTestId('hnte-submit').click();
    await answered;
    await page.getByTestId('hnte-result').waitFor();
    expect(await row(page, 'hnte-conditions', 'hightech_revenue_ratio').getAttribute('data-status')).toBe('passed');
    expect(await row(page, 'hnte-conditions', 'hightech_revenue_ratio').innerText()).toContain('60.00%');
    expect(await row(page, 'hnte-conditions', 'rd_ratio').getAttribute('data-status')).toBe('passed');
    expect(await row(page, 'hnte-conditions', 'rd_ratio').innerText()).toContain('5.00%');
    expect(await row(page, 'hnte-conditions', 'innovation_score').getAttribute('data-status')).toBe('pending');
    const bands = await page.getByTestId('hnte-bands').innerText();
    expect(bands).toContain('15.00%，C档（5–6分）');
    expect(bands).toContain('24.17%，C档');
    expect(bands).toContain('C档（3–4分）'); // three Class II rights
    expect(bands).toContain('年均3.00项，C档（13–18分）');
    await screenshot(page, 'public-hnte-self-assessment');

    // Experts scored exactly 70: not enough (must be above 70).
    await fill(page, 'hnte_innovationScore', 70);
    await page.getByTestId('hnte-submit').click();
    await expect.poll(() => row(page, 'hnte-conditions', 'innovation_score').getAttribute('data-status')).toBe('failed');

    // More S&T staff than staff: the server's Chinese message shows on the field.
    await fill(page, 'hnte_stEmployees', 121);
    const refused = page.waitForResponse((r) => r.url().endsWith('/api/rules/hnte/evaluate') && r.status() === 400);
    await page.getByTestId('hnte-submit').click();
    await refused;
    await expect.poll(() => page.getByTestId('hnte-error').innerText()).toContain('科技人员数不能多于职工总数');
  });

  it('when a visitor assesses an S&T SME, then the scores and the total show, and direct qualification waives the score', async () => {
    const page = await newPage(browser);
    await page.goto('/public/self-assessment');
    await page.getByRole('tab', { name: '科技型中小企业' }).click();
    await page.getByTestId('sme-example').click();
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/rules/tech-sme/evaluate') && r.status() === 200);
    await page.getByTestId('sme-submit').click();
    await answered;
    expect(await page.getByTestId('sme-total').innerText()).toBe('68分');
    expect(await row(page, 'sme-conditions', 'score').getAttribute('data-status')).toBe('passed');

    await fill(page, 'sme_stEmployees', 0);
    await page.getByTestId('sme-submit').click();
    await expect.poll(() => row(page, 'sme-conditions', 'score').getAttribute('data-status')).toBe('failed');
    await page.getByLabel('拥有有效期内高新技术企业资格证书').check();
    await page.getByTestId('sme-submit').click();
    await expect.poll(() => row(page, 'sme-conditions', 'score').getAttribute('data-status')).toBe('waived');
    expect(await page.getByTestId('sme-result').innerText()).toContain('符合直接确认条件');
    await screenshot(page, 'public-sme-self-assessment');
  });
});

describe('calendar', () => {
  it('when the admin loads 2027 with its notice, then the public lookup knows its New Year holiday', async () => {
    const page = await newPage(browser);
    await login(page, 'admin');
    await page.goto('/admin/calendar');
    await page.getByTestId('calendar-years').locator('tr[data-row-key="2015"]').waitFor();
    expect(await page.getByTestId('calendar-years').innerText()).toContain('国办发明电〔2014〕28号');

    await page.getByTestId('calendar-add-year').click();
    await page.getByTestId('calendar-year-input').fill('2027');
    await page.getByLabel('通知标题').fill('国务院办公厅关于2027年部分节假日安排的通知');
    await page.getByLabel('文号').fill('国办发明电〔2026〕1号');
    await page.getByLabel('节日名称').fill('元旦');
    const range = page.locator('.ant-modal .ant-picker-range input');
    await range.first().click();
    await range.first().fill('2027-01-01');
    await range.first().press('Enter');
    await range.last().fill('2027-01-03');
    await range.last().press('Enter');
    await page.getByRole('button', { name: '添加区间' }).click();
    await expect.poll(() => page.getByTestId('calendar-holidays').locator('tbody tr.ant-table-row').count()).toBe(3);
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/calendar/years/2027') && r.request().method() === 'PUT' && r.ok());
    await page.getByRole('button', { name: '保存整年' }).click();
    await saved;
    await page.getByTestId('calendar-years').locator('tr[data-row-key="2027"]').waitFor();
    await screenshot(page, 'admin-calendar');

    const visitor = await newPage(browser);
    await visitor.goto('/public/calendar');
    const looked = visitor.waitForResponse((r) => r.url().endsWith('/api/calendar/days/2027-01-01') && r.ok());
    await pickDate(visitor, 'calendar-day', '2027-01-01');
    await looked;
    const result = await visitor.getByTestId('calendar-day-result').innerText();
    expect(result).toContain('休息日');
    expect(result).toContain('元旦');
  });
});
