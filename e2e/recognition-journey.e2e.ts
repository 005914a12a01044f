// The recognition journey (issue 3): the enterprise applies to the open 2016 hnte call, the
// district and the city pass it, a panel of experts is drawn and scores it (one member in the
// browser, the others through the API with logins made for them), the officer publishes a notice,
// a visitor files a real-name objection that the officer resolves; the journey's own application
// cannot be decided before its 10 working days have passed, so the decision and the certificate
// are taken on the seeded notice whose period has ended.
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, DEMO_PASSWORD, launch, login, newPage, screenshot } from './support.js';

const ENTERPRISE = '杭州西溪智芯科技有限公司';
const NOTICE_TITLE = '2016年度第三批拟认定高新技术企业名单公示';
const OBJECTOR = '孙建国';
const ENDED_NOTICE = '2016年度第一批（增补）拟认定高新技术企业名单公示';
const ATTACHMENTS = ['businessLicence', 'auditReport', 'rdAudit', 'hightechRevenueAudit', 'ipCertificates'];
const PDF = Buffer.from('%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n', 'latin1');

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** A signed-in API session of its own (fresh context: its own cookies), writes carry the CSRF token. */
interface Api {
  get: <T>(path: string) => Promise<T>;
  send: (method: 'POST' | 'PATCH', path: string, data: unknown) => Promise<{ status: number; body: unknown }>;
}
async function apiAs(username: string, password = DEMO_PASSWORD): Promise<Api> {
  const context = await browser.newContext({ baseURL: baseURL() });
  const request: APIRequestContext = context.request;
  const res = await request.post('/api/auth/login', { data: { username, password } });
  expect(res.status(), `login ${username}`).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    get: async <T>(path: string) => {
      const r = await request.get(path);
      expect(r.status(), `GET ${path}`).toBe(200);
      return (await r.json()) as T;
    },
    send: async (method, path, data) => {
      const r = await request.fetch(path, { method, data, headers: { 'x-csrf-token': csrfToken } });
      return { status: r.status(), body: await r.json().catch(() => null) };
    },
  };
}

interface ScoreItem {
  code: string;
  label: string;
  min: number;
  max: number;
}
interface Member {
  id: number;
  expertId: number;
  name: string;
  status: string;
}

/** Screenshot once the drawers' and modals' opening motions have finished (no half-transparent panels). */
async function shot(page: Page, name: string): Promise<void> {
  // a string: the e2e project compiles without the DOM library
  await page.evaluate('Promise.all(document.getAnimations().filter((a) => a.effect && a.effect.getTiming().iterations !== Infinity).map((a) => a.finished.catch(() => null))).then(() => true)');
  await screenshot(page, name);
}

/** The highest score each item allows (the engine's band for the banded items). */
const topScores = (items: ScoreItem[]) => Object.fromEntries(items.map((i) => [i.code, i.max]));

/** The row of the review list holding the application (the 编号 column). */
const reviewRow = (page: Page, id: number) =>
  page.getByTestId('review-list').getByRole('row').filter({ has: page.getByRole('cell', { name: String(id), exact: true }) });

async function review(page: Page, username: string, id: number): Promise<void> {
  await login(page, username);
  await page.goto('/recognitions/review');
  await reviewRow(page, id).getByText(ENTERPRISE).click();
  const form = page.getByTestId('review-form');
  await form.getByText('通过', { exact: true }).click();
  const reviewed = page.waitForResponse((r) => r.url().endsWith(`/api/recognition-applications/${id}/review`) && r.request().method() === 'POST');
  await page.getByTestId('review-submit').click();
  expect((await reviewed).status()).toBe(200);
}

describe('the recognition journey', () => {
  let appId = 0;
  let noticeId = 0;

  it('when the enterprise starts the open 2016 hnte call, uploads the five required attachments and submits, then it waits for the district', async () => {
    const page = await newPage(browser);
    await login(page, 'enterprise');
    const calls = (await (await page.request.get('/api/recognition-calls?year=2016')).json()) as { items: { id: number; type: string; state: string }[] };
    const call = calls.items.find((c) => c.type === 'hnte' && c.state === 'open');
    expect(call).toBeDefined();
    await page.goto('/recognitions/apply');
    await page.getByTestId(`start-${call!.id}`).click();
    await page.waitForURL(/\/recognitions\/apply\/\d+$/);
    appId = Number(/(\d+)$/.exec(new URL(page.url()).pathname)![1]);
    await page.getByTestId('application-form').getByRole('tab', { name: '附件' }).click();
    await page.getByTestId('attachments-panel').waitFor();

    for (const code of ATTACHMENTS) {
      const chooser = page.waitForEvent('filechooser');
      await page.getByTestId(`upload-${code}`).click();
      const uploaded = page.waitForResponse((r) => r.url().includes(`/api/recognition-applications/${appId}/attachments?code=${code}`) && r.request().method() === 'POST');
      await (await chooser).setFiles({ name: `${code}.pdf`, mimeType: 'application/pdf', buffer: PDF });
      expect((await uploaded).status(), code).toBe(201);
      await expect.poll(() => page.getByTestId('attachments-panel').getByRole('button', { name: `删除 ${code}.pdf` }).isVisible()).toBe(true);
    }
    await shot(page, 'recognition-apply-attachments');

    await page.getByTestId('submit-application').click();
    const submitted = page.waitForResponse((r) => r.url().endsWith(`/api/recognition-applications/${appId}/submit`) && r.request().method() === 'POST');
    await page.locator('.ant-popconfirm').getByRole('button', { name: '提交', exact: true }).click();
    expect((await submitted).status()).toBe(200);
    await expect.poll(() => page.getByTestId('application-status').textContent()).toBe('已提交，待区县审核');
    await shot(page, 'recognition-submitted');
  });

  it('when the district (西湖区) and the city pass it, then the city officer draws a panel of five experts', async () => {
    expect(appId).toBeGreaterThan(0);
    await review(await newPage(browser), 'xihu', appId);

    const page = await newPage(browser);
    await review(page, 'officer', appId);
    const panelCard = page.locator('.ant-card').filter({ has: page.locator('.ant-card-head-title', { hasText: '专家评审' }) });
    await panelCard.getByRole('button', { name: '随机抽取评审专家' }).click();
    const modal = page.locator('.ant-modal:visible');
    await modal.getByText('系统按组成规则从专家库随机抽取').waitFor();
    const drawn = page.waitForResponse((r) => r.url().endsWith(`/api/recognition-applications/${appId}/panel`) && r.request().method() === 'POST');
    await modal.getByRole('button', { name: '确定' }).click();
    expect((await drawn).status()).toBe(201);
    await expect.poll(() => panelCard.getByText('待声明').count()).toBe(5);
    await expect.poll(() => panelCard.getByText('抽取记录').isVisible()).toBe(true);
    await shot(page, 'recognition-panel-drawn');
  });

  it('when every drawn expert declares no conflict and scores (one in the browser), then the application is 专家评审完成', async () => {
    const officer = await apiAs('officer');
    const panel = await officer.get<{ members: Member[]; applicationStatus: string }>(`/api/recognition-applications/${appId}/panel`);
    expect(panel.applicationStatus).toBe('expert_review');
    const members = panel.members.filter((m) => m.status !== 'replaced');
    expect(members).toHaveLength(5);

    // a login for each member: 刘振华 already has the demo login `expert`; the others get one made by the admin
    const admin = await apiAs('admin');
    const orgs = await admin.get<{ items: { id: number; name: string }[] }>(`/api/organizations?kind=expert_org`);
    const expertOrg = orgs.items.find((o) => o.name === '杭州市科技评审专家库');
    expect(expertOrg).toBeDefined();
    const loginOf = new Map<number, string>();
    for (const m of members) {
      const expert = await officer.get<{ id: number; userId: number | null; version: number }>(`/api/experts/${m.expertId}`);
      if (m.name === '刘振华') {
        loginOf.set(m.id, 'expert');
        continue;
      }
      const username = `e2e.expert${m.expertId}`;
      const created = await admin.send('POST', '/api/users', { username, displayName: m.name, organizationId: expertOrg!.id, roles: ['expert'], password: DEMO_PASSWORD });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const userId = (created.body as { id: number }).id;
      const linked = await officer.send('PATCH', `/api/experts/${m.expertId}`, { userId, version: expert.version });
      expect(linked.status, JSON.stringify(linked.body)).toBe(200);
      loginOf.set(m.id, username);
    }

    // all but one through the API: declaration, the engine's bands, in-band scores
    const inBrowser = members.find((m) => loginOf.get(m.id) !== 'expert')!;
    for (const m of members.filter((x) => x !== inBrowser)) {
      const expert = await apiAs(loginOf.get(m.id)!);
      const declared = await expert.send('POST', `/api/expert/assignments/${m.id}/declaration`, { noConflict: true });
      expect(declared.status, JSON.stringify(declared.body)).toBe(200);
      const view = await expert.get<{ scoring: { mode: string; items: ScoreItem[] } }>(`/api/expert/assignments/${m.id}`);
      expect(view.scoring.mode).toBe('hnte');
      const scored = await expert.send('POST', `/api/expert/assignments/${m.id}/score`, { scores: topScores(view.scoring.items), comment: '知识产权与成果转化情况较好，研发组织管理规范。' });
      expect(scored.status, JSON.stringify(scored.body)).toBe(200);
    }

    // the last member in the browser: the declaration, the case and the scoring form
    const page = await newPage(browser);
    await login(page, loginOf.get(inBrowser.id)!);
    await page.goto('/expert/assignments');
    const row = page.getByRole('row').filter({ hasText: ENTERPRISE });
    await row.getByRole('button', { name: '利益冲突声明' }).click();
    const modal = page.locator('.ant-modal:visible');
    await modal.getByLabel('本人与该企业不存在利益冲突').check();
    const declared = page.waitForResponse((r) => r.url().endsWith(`/api/expert/assignments/${inBrowser.id}/declaration`) && r.request().method() === 'POST');
    await modal.getByRole('button', { name: '提交声明' }).click();
    expect((await declared).status()).toBe(200);
    const drawer = page.locator('.ant-drawer').filter({ hasText: `评审：${ENTERPRISE}` });
    await drawer.getByRole('button', { name: '提交评分' }).waitFor();
    // closed and opened again from the list: 查看并评分
    await drawer.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });
    await row.getByRole('button', { name: '查看并评分' }).click();
    await drawer.getByRole('button', { name: '提交评分' }).waitFor();
    const view = (await (await page.request.get(`/api/expert/assignments/${inBrowser.id}`)).json()) as { scoring: { items: ScoreItem[] } };
    for (const item of view.scoring.items) {
      await drawer.locator(`input[aria-label^="${item.label}，允许范围"]`).fill(String(item.max));
    }
    const total = view.scoring.items.reduce((s, i) => s + i.max, 0);
    await expect.poll(() => drawer.getByText(`合计：${total.toFixed(1)} 分`).isVisible()).toBe(true);
    await drawer.getByLabel('评审意见').fill('技术先进，核心知识产权支撑主要产品，成长性良好。');
    await shot(page, 'recognition-expert-score');
    const scored = page.waitForResponse((r) => r.url().endsWith(`/api/expert/assignments/${inBrowser.id}/score`) && r.request().method() === 'POST');
    await drawer.getByRole('button', { name: '提交评分' }).click();
    expect((await scored).status()).toBe(200);
    await expect.poll(() => drawer.getByText(`您已提交评分，总分 ${total} 分`).isVisible()).toBe(true);

    await expect.poll(async () => (await officer.get<{ status: string }>(`/api/recognition-applications/${appId}`)).status).toBe('scored');
    const after = await officer.get<{ panelScore: number | null }>(`/api/recognition-applications/${appId}/panel`);
    expect(after.panelScore).toBeGreaterThan(70);
  });

  it('when the officer publishes a notice with the scored application, then it shows on the public notices with the computed end date', async () => {
    const page = await newPage(browser);
    await login(page, 'officer');
    await page.goto('/notices');
    await page.getByRole('tab', { name: '发布公示' }).click();
    await page.getByLabel('年度').fill('2016');
    const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: String(appId), exact: true }) });
    await row.getByRole('checkbox').check();
    await page.getByLabel('公示标题').fill(NOTICE_TITLE);
    await expect.poll(() => page.getByTestId('notice-ends-on').textContent()).toMatch(/^\d{4}-\d{2}-\d{2} 24:00$/);
    const endsOn = (await page.getByTestId('notice-ends-on').textContent())!.replace(' 24:00', '');
    await page.getByRole('button', { name: '发布公示（已选 1 家）' }).click();
    const confirm = page.locator('.ant-modal-confirm');
    await expect.poll(() => confirm.getByText(`${endsOn} 24:00`).isVisible()).toBe(true);
    await shot(page, 'recognition-publish-confirm');
    const published = page.waitForResponse((r) => r.url().endsWith('/api/notices') && r.request().method() === 'POST');
    await confirm.getByRole('button', { name: '发布' }).click();
    const res = await published;
    expect(res.status()).toBe(201);
    const notice = (await res.json()) as { id: number; endsOn: string };
    expect(notice.endsOn).toBe(endsOn);
    noticeId = notice.id;
    await expect.poll(() => page.getByRole('row', { name: new RegExp(NOTICE_TITLE) }).isVisible()).toBe(true);
  });

  it('when a visitor files a real-name objection on the journey enterprise and the officer dismisses it, then the item still waits for its period', async () => {
    expect(noticeId).toBeGreaterThan(0);
    const visitor = await newPage(browser);
    await visitor.goto('/public/notices');
    await visitor.getByRole('link', { name: NOTICE_TITLE }).click();
    await visitor.waitForURL(`**/public/notices/${noticeId}`);
    await expect.poll(() => visitor.getByText('公示名单（1 家）').isVisible()).toBe(true);
    const target = visitor.locator('.ant-form-item').filter({ hasText: '异议对象' });
    // typed and chosen with the keyboard: a click on an option of a list still sliding open can miss
    const chosen = async () => ((await target.locator('.ant-select').first().textContent()) ?? '').includes(ENTERPRISE);
    for (let attempt = 0; attempt < 3 && !(await chosen()); attempt++) {
      await visitor.getByLabel('异议对象').click();
      await visitor.getByLabel('异议对象').fill('西溪智芯');
      await visitor.locator('.ant-select-dropdown:visible .ant-select-item-option-active').filter({ hasText: ENTERPRISE }).waitFor();
      await visitor.getByLabel('异议对象').press('Enter');
      await expect.poll(chosen).toBe(true);
    }
    expect(await chosen()).toBe(true);
    await visitor.getByLabel('真实姓名').fill(OBJECTOR);
    await visitor.getByLabel('联系电话').fill('13900002222');
    await visitor.getByLabel('异议理由').fill('该企业高新技术产品收入占比与实际经营情况不符，请核查其专项审计报告。');
    const filed = visitor.waitForResponse((r) => r.url().endsWith(`/api/notices/${noticeId}/objections`) && r.request().method() === 'POST');
    await visitor.getByRole('button', { name: '提交异议' }).click();
    expect((await filed).status()).toBe(201);
    await expect.poll(() => visitor.getByText('异议已受理').isVisible()).toBe(true);
    await expect.poll(() => visitor.getByText(/^YY\d{14}$/).isVisible()).toBe(true);
    await shot(visitor, 'recognition-objection-receipt');

    const page = await newPage(browser);
    await login(page, 'officer');
    await page.goto('/objections');
    await page.getByRole('row', { name: new RegExp(OBJECTOR) }).getByRole('button', { name: '处理' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByText(`${ENTERPRISE}（西湖区，申报 #${appId}）`).isVisible()).toBe(true);
    await dialog.getByLabel('异议不成立（可作出认定）').check();
    await dialog.getByLabel('核查处理意见').fill('经核查专项审计报告，高新技术产品收入占比符合要求，异议不成立。');
    const resolved = page.waitForResponse((r) => /\/api\/objections\/\d+\/resolve$/.test(r.url()) && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: '提交处理结论' }).click();
    expect((await resolved).status()).toBe(200);
    await expect.poll(() => page.getByText('异议已处理').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('row', { name: new RegExp(OBJECTOR) }).count()).toBe(0);

    // no decision before the 10 working days have passed (RULES.md §4)
    await page.goto('/notices');
    await page.getByRole('tab', { name: '公示与认定决定' }).click();
    await page.getByRole('row', { name: new RegExp(NOTICE_TITLE) }).getByRole('button', { name: '办理' }).click();
    const drawer = page.locator('.ant-drawer');
    const item = drawer.getByRole('row').filter({ hasText: ENTERPRISE });
    await expect.poll(() => item.getByText('不成立 1').isVisible()).toBe(true);
    await expect.poll(() => item.getByText('暂不能决定').isVisible()).toBe(true);
    await expect.poll(() => drawer.getByText(/公示期满（.* 24:00）后方可作出认定决定。/).isVisible()).toBe(true);
    await shot(page, 'recognition-notice-items');
    const officer = await apiAs('officer');
    const early = await officer.send('POST', `/api/recognition-applications/${appId}/decision`, { approve: true });
    expect(early.status).toBe(409);
    expect((early.body as { error: { code: string } }).error.code).toBe('notice_open');
  });

  it('when the officer approves one hnte item of the notice whose period has ended, then it is recommended upward; the upper body’s result recorded, its certificate is in the register and downloads as Word', async () => {
    const page = await newPage(browser);
    await login(page, 'officer');
    await page.goto('/notices');
    await page.getByRole('tab', { name: '公示与认定决定' }).click();
    await page.getByRole('row', { name: new RegExp(ENDED_NOTICE.replace(/[（）]/g, '.')) }).getByRole('button', { name: '办理' }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText(ENDED_NOTICE).waitFor();
    const approvable = drawer.getByRole('row').filter({ has: page.getByRole('button', { name: '认定', exact: true }) });
    await expect.poll(() => approvable.count()).toBeGreaterThan(0);
    const before = await approvable.count();
    const first = approvable.first();
    const name = (await first.locator('td').nth(1).textContent())!;
    await first.getByRole('button', { name: '认定', exact: true }).click();
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.getByText(/推荐上报/).waitFor();
    const decided = page.waitForResponse((r) => /\/api\/recognition-applications\/\d+\/decision$/.test(r.url()) && r.request().method() === 'POST');
    await confirm.getByRole('button', { name: '认定', exact: true }).click();
    const res = await decided;
    expect(res.status()).toBe(200);
    expect(((await res.json()) as { status: string }).status).toBe('recommended');
    await expect.poll(() => page.getByText('已推荐上报，待上级认定后登记结果').isVisible()).toBe(true);
    await expect.poll(() => approvable.count()).toBe(before - 1);
    await expect.poll(() => drawer.getByRole('row').filter({ hasText: name }).getByText('已推荐上报，待上级认定').isVisible()).toBe(true);
    await shot(page, 'recognition-decided');

    // the provincial body's result, recorded with its document number and certificate number
    await page.goto('/recognitions/recommendations');
    const pending = page.getByTestId('recommendations').getByRole('row').filter({ hasText: name });
    await pending.getByRole('button', { name: '登记结果' }).click();
    const modal = page.locator('.ant-modal:visible');
    await modal.getByLabel('认定文件文号').fill('浙科发高〔2016〕100号');
    const certificateNo = 'GR201633000777';
    await modal.getByLabel(/证书编号/).fill(certificateNo);
    await modal.getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect.poll(() => page.getByText(`已登记，证书编号 ${certificateNo}`).isVisible()).toBe(true);
    await shot(page, 'recognition-upper-result');

    await page.goto('/recognitions/register');
    await page.getByLabel('搜索').fill(certificateNo);
    await page.getByLabel('搜索').press('Enter');
    const row = page.getByTestId('register-table').getByRole('row').filter({ hasText: certificateNo });
    await expect.poll(() => row.count()).toBe(1);
    await expect.poll(() => row.getByText(name).isVisible()).toBe(true);
    await row.getByText(certificateNo).click();
    const detail = page.getByTestId('recognition-detail');
    await expect.poll(() => detail.getByText(certificateNo).isVisible()).toBe(true);
    await shot(page, 'recognition-register-detail');
    const download = page.waitForEvent('download');
    await page.getByTestId('certificate-download').click();
    expect((await download).suggestedFilename()).toMatch(/\.docx$/);
  });

  it('when the enterprise opens its application, then 办理进度 shows 公示中 and the objection filed and resolved', async () => {
    const page = await newPage(browser);
    await login(page, 'enterprise');
    await page.goto(`/recognitions/apply/${appId}`);
    const progress = page.getByTestId('application-progress');
    await expect.poll(() => page.getByTestId('application-status').textContent()).toBe('公示中');
    await expect.poll(() => progress.getByText('收到实名异议', { exact: true }).isVisible()).toBe(true);
    await expect.poll(() => progress.getByText('公示异议核查完毕', { exact: true }).isVisible()).toBe(true);
    await shot(page, 'recognition-enterprise-progress');
  });
});
