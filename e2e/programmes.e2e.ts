// The programmes journey (issue 11): the public reads a call; the enterprise applies and submits;
// its district recommends; the bureau passes the formal check and draws the panel; on the ranking
// page the bureau moderates; a project whose notice has ended is approved (立项), its signed task
// contract uploaded, and tranche 1 is approved, sent and confirmed by the treasurer.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, login, newPage, pickOption, screenshot, selectLabelled } from './support.js';

const CALL = '2016年度杭州市一般科研项目申报指南（第二批）';
const TITLE = '基于机器视觉的纺织品瑕疵在线检测装备研发';
const PDF = Buffer.from('%PDF-1.4\n% 任务书签字盖章页\n%%EOF\n');

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

/** A button of the project page's 办理 card, then the comment modal's OK. */
async function step(page: Page, name: string, comment = ''): Promise<void> {
  await page.getByRole('button', { name, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('审核意见').fill(comment);
  await dialog.getByRole('button', { name: /OK|确\s?定/ }).click();
}

const statusTag = (page: Page, text: string) => page.locator('.ant-tag').filter({ hasText: new RegExp(`^${text}$`) }).first();

describe('programmes: from a call to the first tranche paid', () => {
  let projectUrl = '';

  it('when the public opens the calls, then the open call is listed without login', async () => {
    const page = await newPage(browser);
    await page.goto('/public/programme-calls');
    await page.getByText(CALL).waitFor();
    await shot(page, 'programmes-public-calls');
    await page.context().close();
  });

  it('when the enterprise fills in its application and submits it, then it waits for its district', async () => {
    const page = await newPage(browser);
    await login(page, 'enterprise');
    await page.goto('/programmes/projects');
    await page.getByRole('button', { name: '申报项目' }).click();
    const dialog = page.getByRole('dialog');
    await pickOption(page, selectLabelled(dialog, '申报指南'), CALL);
    await dialog.getByLabel('项目名称').fill(TITLE);
    await dialog.getByRole('button', { name: '创建申报书' }).click();
    await page.waitForURL(/\/programmes\/projects\/\d+$/);
    projectUrl = new URL(page.url()).pathname;
    const id = Number(projectUrl.split('/').pop());
    await page.getByText('提交前需完善').waitFor();
    // the plan's tables are saved through the API the form uses; the form then loads and submits them
    const { csrfToken } = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
    const saved = await page.request.put(`/api/project-applications/${id}`, {
      headers: { 'x-csrf-token': csrfToken },
      data: {
        title: TITLE,
        topicCode: 'G2',
        plan: {
          summary: '研制基于深度学习机器视觉的纺织品瑕疵在线检测装备，实现布面疵点实时识别、分类与定位，替代人工验布。',
          objectives: '形成在线检测装备一套并在本市3家印染企业示范应用。',
          content: '高速线阵成像、瑕疵检测模型训练与压缩、边缘推理部署、与验布机联动控制。',
          basis: '企业已研发工业视觉检测产品两代。',
          team: [{ name: '陈静', title: '高级工程师', role: '负责人' }],
          partners: [{ name: '浙江理工大学', role: '瑕疵数据集与算法' }],
        },
        budgetLines: [
          { category: 'equipment', city: 300000, self: 500000, note: '' },
          { category: 'materials', city: 200000, self: 200000, note: '' },
          { category: 'labour', city: 100000, self: 200000, note: '' },
          { category: 'management', city: 0, self: 40000, note: '' },
        ],
        kpis: [
          { key: 'patents', name: '申请发明专利', unit: '件', target: 2 },
          { key: 'revenue', name: '新增销售收入', unit: '万元', target: 1500 },
        ],
        milestones: [
          { name: '样机完成', due: '2017-06-30' },
          { name: '示范应用', due: '2018-06-30' },
        ],
        startOn: '2016-12-01',
        endOn: '2018-11-30',
      },
    });
    expect(saved.status()).toBe(200);
    await page.reload();
    await page.getByRole('button', { name: '提交申报' }).waitFor();
    await shot(page, 'programmes-application-form');
    await page.getByRole('button', { name: '提交申报' }).click();
    await expect.poll(() => statusTag(page, '待区县推荐').isVisible()).toBe(true);
    await page.context().close();
  });

  it('when the district recommends it and the bureau passes the formal check and draws the panel, then it is under expert review', async () => {
    const district = await newPage(browser);
    await login(district, 'xihu');
    await district.goto(projectUrl);
    await step(district, '区县推荐', '企业研发基础好，同意推荐');
    await expect.poll(() => statusTag(district, '待形式审查').isVisible()).toBe(true);
    await district.context().close();

    const page = await newPage(browser);
    await login(page, 'officer');
    await page.goto(projectUrl);
    await page.getByText('重复资助核查').waitFor();
    await step(page, '形式审查通过');
    await expect.poll(() => statusTag(page, '待专家评审').isVisible()).toBe(true);
    await page.getByRole('button', { name: '抽取评审专家', exact: true }).click();
    await expect.poll(() => statusTag(page, '专家评审中').isVisible()).toBe(true);
    await shot(page, 'programmes-project-officer');
    await page.context().close();
  });

  it('when the bureau moderates the ranking and approves a project after its notice, then the contract starts it and the treasurer pays tranche 1', async () => {
    const page = await newPage(browser);
    await login(page, 'officer');
    const calls = (await (await page.request.get('/api/programme-calls?year=2016')).json()) as { items: { id: number; title: string }[] };
    const first = calls.items.find((c) => c.title === '2016年度杭州市一般科研项目申报指南（第一批）')!;
    await page.goto(`/programmes/calls/${first.id}/ranking`);
    await page.getByRole('button', { name: '列入' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('审定理由').fill('技术路线先进，予以支持');
    await dialog.getByRole('button', { name: /OK|确\s?定/ }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await shot(page, 'programmes-ranking');

    // a project whose notice has ended: the decision 立项 commits its amount
    const inNotice = (await (await page.request.get(`/api/project-applications?callId=${first.id}&status=in_notice`)).json()) as { items: { id: number; dueOn: string | null }[] };
    const ended = inNotice.items.find((i) => i.dueOn !== null && i.dueOn < '2016-09-12')!;
    await page.goto(`/programmes/projects/${ended.id}`);
    await page.getByRole('button', { name: '立项', exact: true }).click();
    await expect.poll(() => statusTag(page, '已立项，待签任务书').isVisible()).toBe(true);
    await page.locator('input[type=file]').setInputFiles({ name: '任务书（签章）.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect.poll(() => statusTag(page, '执行中').isVisible()).toBe(true);
    const tag = page.getByText(/^#\d+ 待审批$/);
    await tag.waitFor();
    const orderId = Number(/#(\d+)/.exec((await tag.textContent()) ?? '')![1]);
    await shot(page, 'programmes-contract-tranches');
    await page.context().close();

    const fin = await newPage(browser);
    await login(fin, 'treasurer');
    await fin.goto('/payments');
    await fin.getByTestId(`approve-${orderId}`).click();
    await fin.getByRole('button', { name: '审批通过' }).click();
    await fin.getByRole('tab', { name: /待提交银行/ }).click();
    await fin.getByTestId(`send-${orderId}`).click();
    await fin.getByRole('tab', { name: /待确认到账/ }).click();
    await fin.getByTestId(`confirm-${orderId}`).click();
    await fin.getByLabel('银行流水号').fill('ICBC2016091200731');
    await fin.getByRole('dialog').getByRole('button', { name: '确认到账' }).click();
    await expect.poll(() => fin.getByTestId(`confirm-${orderId}`).count()).toBe(0);
    await fin.context().close();

    const ent = await newPage(browser);
    await login(ent, 'officer');
    await ent.goto(`/programmes/projects/${ended.id}`);
    await ent.getByText(`#${orderId} 已到账`).waitFor();
    await ent.context().close();
  });
});

describe('programmes: a designed call, its invitation, attachments and a withdrawn draft', () => {
  const DESIGNED = '2016年度杭州市重大科技创新项目申报指南（第二批·定向邀请）';
  const FEASIBILITY = Buffer.from('%PDF-1.4\n% 可行性研究报告\n%%EOF\n');

  it('when the bureau invites the enterprise to a designed call, then the enterprise applies, attaches and removes a file, and withdraws its draft', async () => {
    const page = await newPage(browser);
    await login(page, 'officer');
    const existing = (await (await page.request.get('/api/programme-calls?year=2016')).json()) as { items: { title: string }[] };
    if (!existing.items.some((c) => c.title === DESIGNED)) {
      const { csrfToken } = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
      const programmes = (await (await page.request.get('/api/programmes')).json()) as { items: { id: number; code: string }[] };
      const created = await page.request.post('/api/programme-calls', {
        headers: { 'x-csrf-token': csrfToken },
        data: {
          programmeId: programmes.items.find((p) => p.code === 'major_innovation')!.id,
          year: 2016,
          batch: 2,
          title: DESIGNED,
          eligibility: '市科委定向邀请的行业骨干企业',
          topics: [{ code: 'M9', title: '工业机器人核心部件', description: '精密减速器与伺服系统' }],
          ceiling: 5_000_000,
          totalBudget: 10_000_000,
          opensOn: '2016-09-01',
          closesOn: '2016-11-30',
        },
      });
      expect(created.status()).toBe(201);
    }
    await page.goto('/programmes');
    const row = page.locator('tr').filter({ hasText: DESIGNED });
    await row.getByRole('button', { name: /邀请申报单位/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('受邀企业').fill('西溪智芯');
    // the options re-render when the search answers: click until the enterprise is picked (a click on an
    // option that was replaced meanwhile picks nothing)
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '杭州西溪智芯科技有限公司' });
    const picked = dialog.locator('.ant-select-selection-item', { hasText: '杭州西溪智芯科技有限公司' });
    await expect
      .poll(async () => {
        if ((await picked.count()) === 0) {
          await option.click({ timeout: 2_000 }).catch(() => undefined);
        }
        return picked.count();
      })
      .toBeGreaterThan(0);
    await shot(page, 'programmes-invite');
    await dialog.getByRole('button', { name: '邀 请' }).or(dialog.getByRole('button', { name: '邀请' })).click();
    await row.getByRole('button', { name: '邀请申报单位（1）' }).waitFor();
    await page.context().close();

    const ent = await newPage(browser);
    await login(ent, 'enterprise');
    await ent.goto('/programmes/projects');
    await ent.getByRole('button', { name: '申报项目' }).click();
    const apply = ent.getByRole('dialog');
    await pickOption(ent, selectLabelled(apply, '申报指南'), `【主动设计·已受邀】${DESIGNED}`);
    await apply.getByLabel('项目名称').fill('工业机器人精密减速器研发及产业化');
    await apply.getByRole('button', { name: '创建申报书' }).click();
    await ent.waitForURL(/\/programmes\/projects\/\d+$/);

    await ent.getByText('允许格式：pdf、jpg、png、docx、xlsx；单个文件不超过 20 MB').waitFor();
    await ent.locator('input[type=file]').setInputFiles({ name: '可行性研究报告.pdf', mimeType: 'application/pdf', buffer: FEASIBILITY });
    await ent.getByRole('button', { name: '可行性研究报告.pdf' }).waitFor();
    await shot(ent, 'programmes-attachments');
    await ent.getByRole('button', { name: '删除', exact: true }).or(ent.getByRole('button', { name: '删 除', exact: true })).first().click();
    await ent.locator('.ant-popconfirm').getByRole('button', { name: /删\s?除/ }).click();
    await ent.getByText('尚无附件').waitFor();

    await ent.getByRole('button', { name: '撤回申报' }).click();
    await ent.getByRole('dialog').getByRole('button', { name: '撤回删除' }).click();
    await ent.waitForURL(/\/programmes\/projects$/);
    await ent.context().close();
  });
});
