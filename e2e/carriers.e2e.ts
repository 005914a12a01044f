// The carriers journey (issue 13): the demo operator applies for municipal recognition of its new
// makerspace; the criteria are checked, the district recommends it and the city passes it for the
// notice, which the city publishes; then the operator files the makerspace's first annual statistics and the district passes
// them. Then the city draws an incubator's expert panel and records 科技部's result on a national recommendation.
// Screenshots of the operator's and the reviewers' pages and of the public list.
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, login, newPage, screenshot } from './support.js';

const MAKERSPACE = '云栖小镇·青年创业苑';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate('Promise.all(document.getAnimations().filter((a) => a.effect && a.effect.getTiming().iterations !== Infinity).map((a) => a.finished.catch(() => null))).then(() => true)');
  await screenshot(page, name);
}

async function act(page: Page, button: string, status: string): Promise<void> {
  await page.getByRole('button', { name: button }).click();
  await expect.poll(() => page.getByText(status, { exact: true }).first().isVisible()).toBe(true);
}

describe('carriers: a makerspace from its application to its first annual statistics', () => {
  let applicationPath = '';
  let statsPath = '';

  it('when the operator applies with too few mentors, then the criterion is shown; corrected, the application is submitted', async () => {
    const page = await newPage(browser);
    await login(page, 'carrier');
    await page.goto('/carriers');
    await page.getByRole('link', { name: MAKERSPACE }).click();
    await page.waitForURL(/\/carriers\/\d+$/);
    await shot(page, 'carriers-operator-profile');
    await page.getByRole('button', { name: '申请市级认定' }).click();
    await page.getByLabel('公共服务面积（平方米）').fill('300');
    await page.getByLabel('创业导师人数').fill('3');
    await page.getByLabel('运营方案').fill('面向高校毕业生创业团队提供工位、创业辅导、投融资对接和路演服务。');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.waitForURL(/\/carriers\/applications\/\d+$/);
    applicationPath = new URL(page.url()).pathname;
    await expect.poll(() => page.getByText('不符合').first().isVisible()).toBe(true);
    await page.getByRole('button', { name: '提交申请' }).click();
    await expect.poll(() => page.getByText(/创业导师应不少于5人/).first().isVisible()).toBe(true);
    await page.getByLabel('创业导师人数').fill('8');
    await act(page, '提交申请', '待区县审核');
    await shot(page, 'carriers-application-submitted');
    await page.context().close();
  });

  it('when the district recommends and the city passes it, then the city publishes its notice', async () => {
    const district = await newPage(browser);
    await login(district, 'xihu');
    await district.goto('/carriers/review');
    await district.getByRole('link', { name: MAKERSPACE }).first().click();
    await district.waitForURL(applicationPath);
    await act(district, '区县审核推荐', '待市科委审核');
    await district.context().close();

    const city = await newPage(browser);
    await login(city, 'officer');
    await city.goto(applicationPath);
    await act(city, '市科委审核通过', '待公示');
    await shot(city, 'carriers-application-city');
    // the notice, from the carriers' review page (the notices kernel publishes it)
    await city.goto('/carriers/review');
    await city.getByLabel(`选择${MAKERSPACE}`).check();
    await city.getByRole('button', { name: /发布公示/ }).click();
    await expect.poll(() => city.getByText(/已发布公示（1 家）/).first().isVisible()).toBe(true);
    await city.goto(applicationPath);
    await expect.poll(() => city.getByText('公示中', { exact: true }).first().isVisible()).toBe(true);
    await city.context().close();
  });

  it('when the operator files the first annual statistics, then inconsistent figures are refused and consistent ones go to the district', async () => {
    const page = await newPage(browser);
    await login(page, 'carrier');
    await page.goto('/carriers');
    await page.getByRole('link', { name: MAKERSPACE }).click();
    await page.getByRole('button', { name: '填报年度统计' }).click();
    const fill = async (label: string, v: string) => page.getByLabel(label, { exact: true }).fill(v);
    await fill('在孵企业数', '14');
    await fill('当年新孵企业数', '14');
    await fill('当年毕业企业数', '20');
    await fill('在孵企业总收入（元）', '3200000');
    await fill('从业人员数', '65');
    await fill('获得投融资额（元）', '5000000');
    await fill('知识产权数', '6');
    await fill('创业活动场次', '18');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.getByText(/当年毕业企业数（20）不能多于在孵企业数（14）/).first().isVisible()).toBe(true);
    await fill('当年毕业企业数', '1');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.waitForURL(/\/carriers\/stats\/\d+$/);
    statsPath = new URL(page.url()).pathname;
    await act(page, '提交统计报表', '待区县审核');
    await shot(page, 'carriers-stats-submitted');
    await page.context().close();

    const district = await newPage(browser);
    await login(district, 'xihu');
    await district.goto(statsPath);
    await act(district, '区县审核通过', '待市科委审核');
    await district.goto('/carriers/review');
    await district.getByRole('tab', { name: '年度统计' }).click();
    await shot(district, 'carriers-review-stats');
    await district.context().close();
  });

  it('when the operator imports its statistics from Excel, then a dialog follows the job: the rows to fix, then what was saved', async () => {
    const page = await newPage(browser);
    await login(page, 'carrier');
    const mine = (await (await page.request.get('/api/carriers')).json()) as { items: { id: number; name: string }[] };
    const chuangke = mine.items.find((c) => c.name === '梦想小镇·创客邦众创空间')!;
    const file = async (graduated: number) => {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('统计').addRows([
        ['载体编号', '年度', '场地面积（平方米）', '在孵企业数', '当年新孵企业数', '当年毕业企业数', '在孵企业总收入（元）', '从业人员数', '获得投融资额（元）', '知识产权数', '创业活动场次'],
        [chuangke.id, 2016, 1200, 20, 6, graduated, 4_000_000, 90, 2_000_000, 5, 24],
      ]);
      return { name: '年度统计2016.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await wb.xlsx.writeBuffer()) };
    };
    await page.goto('/carriers/review?tab=stats');
    const upload = page.getByRole('tabpanel').locator('input[type=file]');
    await upload.setInputFiles(await file(30));
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByTestId('job-failed').isVisible()).toBe(true);
    await expect.poll(() => dialog.getByRole('cell', { name: '当年毕业企业数（30）不能多于在孵企业数（20）' }).isVisible()).toBe(true);
    await shot(page, 'carriers-stats-import-errors');
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await upload.setInputFiles(await file(2));
    await expect.poll(() => dialog.getByTestId('job-done').isVisible()).toBe(true);
    await expect.poll(() => dialog.getByText('已导入 1 份报表（新建 1 份）').isVisible()).toBe(true);
    await page.context().close();
  });

  it('when the public opens the list, then recognised makerspaces are listed with their certificates', async () => {
    const page = await newPage(browser);
    await page.goto('/public/carriers');
    await expect.poll(() => page.getByText(/杭众创认〔2015〕\d{3}号/).first().isVisible()).toBe(true);
    await shot(page, 'carriers-public');
    await page.context().close();
  });
});

describe('carriers: an incubator\'s expert panel and a national recommendation\'s result', () => {
  it('when the city opens an incubator passed by its district, then it draws the expert panel from the pool and the application is under expert review', async () => {
    const city = await newPage(browser);
    await login(city, 'officer');
    const res = await city.request.get('/api/carrier-applications?status=district_passed');
    const incubator = ((await res.json()) as { items: { id: number; instrument: string }[] }).items.find((a) => a.instrument === 'incubator')!;
    await city.goto(`/carriers/applications/${incubator.id}`);
    await expect.poll(() => city.getByText('孵化器认定须经专家评审', { exact: false }).first().isVisible()).toBe(true);
    await city.getByRole('button', { name: '随机抽取评审专家' }).click();
    await city.getByRole('dialog').getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect.poll(() => city.getByText('专家评审中', { exact: true }).first().isVisible()).toBe(true);
    await expect.poll(() => city.getByText('抽取记录').isVisible()).toBe(true);
    await shot(city, 'carriers-incubator-panel');
    await city.context().close();
  });

  it('when 科技部\'s result is recorded for a recommended incubator, then the recommendation shows it with the document number', async () => {
    const city = await newPage(browser);
    await login(city, 'officer');
    await city.goto('/carriers/review?tab=national');
    await city.getByRole('button', { name: '登记认定结果' }).first().click();
    const dialog = city.getByRole('dialog');
    await dialog.getByLabel('上级文件文号').fill('国科发高〔2016〕318号');
    await dialog.getByLabel('文件日期').fill('2016-09-09');
    await dialog.getByRole('button', { name: '登 记' }).or(dialog.getByRole('button', { name: '登记' })).click();
    await expect.poll(() => city.getByText(/已登记/).first().isVisible()).toBe(true);
    await city.getByLabel('推荐状态').click();
    await city.getByTitle('上级已认定').click();
    await expect.poll(() => city.getByText('国科发高〔2016〕318号（2016-09-09）').isVisible()).toBe(true);
    await shot(city, 'carriers-national-result');
    await city.context().close();
  });
});

