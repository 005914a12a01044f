// Journeys of the foundation issue: an officer lists, filters and opens enterprises, is told
// about a wrong credit code, and a district officer sees only its own district.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, login, newPage, pickOption, screenshot, selectLabelled } from './support.js';

const OTHER_DISTRICTS = ['上城区', '下城区', '江干区', '拱墅区', '滨江区', '萧山区', '余杭区', '富阳区', '桐庐县', '淳安县', '建德市', '临安市'];

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function tableRows(page: Page) {
  const rows = page.getByTestId('enterprise-table').locator('tbody tr.ant-table-row');
  await rows.first().waitFor();
  return rows;
}

/** The input behind a test id, whether the id sits on the input or on its form item. */
const input = (page: Page, id: string) => page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();

async function chooseOption(page: Page, label: string, option: string) {
  await pickOption(page, selectLabelled(page, label), option);
}

describe('enterprise registry', () => {
  it('when the officer filters by district and opens an enterprise, then the profile and its timeline show', async () => {
    const page = await newPage(browser);
    await login(page, 'officer');
    await page.goto('/enterprises');
    await tableRows(page);
    const filtered = page.waitForResponse((r) => r.url().includes('/api/enterprises?') && r.url().includes('district=') && r.ok());
    await chooseOption(page, '所属区县', '西湖区');
    await filtered;
    const rows = await tableRows(page);
    const texts = await rows.allInnerTexts();
    expect(texts.length).toBeGreaterThan(0);
    for (const t of texts) {
      expect(t).toContain('西湖区');
    }
    await screenshot(page, 'officer-enterprises-xihu');
    const firstName = (await rows.first().locator('a').first().innerText()).trim();
    await rows.first().locator('a').first().click();
    await expect.poll(() => page.getByTestId('enterprise-profile').isVisible()).toBe(true);
    expect(await page.getByTestId('enterprise-profile').innerText()).toContain(firstName);
    await page.getByTestId('enterprise-timeline').waitFor();
    expect(await page.getByTestId('enterprise-timeline').innerText()).toContain('录入企业库');
    await screenshot(page, 'officer-enterprise-detail');
    await page.context().close();
  });

  it('when the officer registers an enterprise with a wrong credit code, then the form says which check failed', async () => {
    const page = await newPage(browser);
    await login(page, 'officer');
    await page.goto('/enterprises');
    await tableRows(page);
    await page.getByTestId('enterprise-create').click();
    const form = page.getByTestId('enterprise-create-form');
    await form.waitFor();
    await input(page, 'enterprise-form-uscc').fill('91330106MA2CFXXXX1');
    await input(page, 'enterprise-form-name').fill('杭州端到端测试科技有限公司');
    await pickOption(page, page.getByTestId('enterprise-form-district'), '西湖区');
    const date = input(page, 'enterprise-form-registered-on');
    await date.click();
    await date.fill('2015-06-01');
    await date.press('Enter');
    await expect.poll(() => date.inputValue()).toBe('2015-06-01');
    await pickOption(page, page.getByTestId('enterprise-form-industry'), '电子信息');
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/enterprises') && r.request().method() === 'POST');
    await page.getByTestId('enterprise-form-submit').click();
    expect((await answer).status()).toBe(400);
    await expect.poll(() => form.innerText()).toContain('校验位错误');
    await screenshot(page, 'officer-create-wrong-uscc');
    await page.context().close();
  });

  it('when the 西湖区 officer opens the registry, then only 西湖区 enterprises are listed', async () => {
    const page = await newPage(browser);
    await login(page, 'xihu');
    await page.goto('/enterprises');
    const rows = await tableRows(page);
    const text = (await rows.allInnerTexts()).join('\n');
    expect(text).toContain('西湖区');
    for (const d of OTHER_DISTRICTS) {
      expect(text).not.toContain(d);
    }
    await screenshot(page, 'xihu-enterprises');
    await page.context().close();
  });
});
