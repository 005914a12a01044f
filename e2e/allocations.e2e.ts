// The factor-method journey (issue 11): a city officer builds a plan (factors, weights, the districts'
// values, live shares and amounts), saves it as a draft; the finance reviewer approves it (the
// preparer may not), which books the amounts to the districts; 西湖区 sees its own allocation.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, login, newPage, screenshot } from "./support.js";

const PLAN = "2016年度科技资金因素法切块（浏览器旅程）";
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(
    "Promise.all(document.getAnimations().filter((a) => a.effect && a.effect.getTiming().iterations !== Infinity).map((a) => a.finished.catch(() => null))).then(() => true)",
  );
  await screenshot(page, name);
}

describe("allocations: a factor-method plan from the officer’s table to the districts’ accounts", () => {
  it("when the officer enters factors and values, then shares and amounts are computed live and the draft is saved", async () => {
    const page = await newPage(browser);
    await login(page, "officer");
    await page.goto("/allocations");
    await page.getByRole("button", { name: "新建分配方案" }).click();
    await page.getByLabel("方案名称").fill(PLAN);
    await page.getByLabel("分配总额").fill("1000000");
    const values: Record<string, [number, number, number]> = {
      西湖区: [30, 40, 90],
      滨江区: [50, 40, 85],
      余杭区: [20, 20, 80],
    };
    for (const [d, [rd, hnte, perf]] of Object.entries(values)) {
      await page.getByLabel(`${d}全社会研发投入（亿元）`).fill(String(rd));
      await page.getByLabel(`${d}新认定高新技术企业（家）`).fill(String(hnte));
      await page.getByLabel(`${d}上年度绩效评价得分`).fill(String(perf));
    }
    // 西湖区: 0.4×0.3 + 0.3×0.4 + 0.3×90/255 = 0.345882…
    await expect
      .poll(() => page.getByText("0.345882").isVisible(), { timeout: 15_000 })
      .toBe(true);
    await expect
      .poll(() => page.getByText("345,882.35").first().isVisible())
      .toBe(true);
    await shot(page, "allocations-editor");
    await page.getByRole("button", { name: "保存草稿" }).click();
    await expect
      .poll(() => page.getByText("制单人不能审批自己编制的方案").isVisible())
      .toBe(true);
    expect(await page.getByRole("button", { name: "审批下达" }).count()).toBe(
      0,
    );
    await page.context().close();
  });

  it("when the finance reviewer approves it, then it is booked and 西湖区 sees its own amount", async () => {
    const page = await newPage(browser);
    await login(page, "treasurer");
    await page.goto("/allocations");
    await page.getByRole("button", { name: PLAN }).click();
    await page.getByRole("button", { name: "审批下达" }).click();
    await page
      .locator(".ant-modal-confirm")
      .getByRole("button", { name: "审批下达" })
      .click();
    await expect
      .poll(() => page.getByText(/分录 #\d+/).isVisible(), { timeout: 15_000 })
      .toBe(true);
    await shot(page, "allocations-approved");
    await page.context().close();

    const xihu = await newPage(browser);
    await login(xihu, "xihu");
    await xihu.goto("/allocations");
    await xihu.getByRole("button", { name: PLAN }).waitFor();
    await expect
      .poll(() => xihu.getByText("345,882.35").first().isVisible())
      .toBe(true);
    await shot(xihu, "allocations-district");
    await xihu.context().close();
  });
  it('when the officer opens matching funds and awards, then promises vs payments and the 2015 award counts show', async () => {
    const page = await newPage(browser);
    await login(page, 'officer');
    await page.goto('/allocations?tab=matching');
    await page.getByText('市级配套承诺').waitFor();
    await page.getByText('杭财教〔2015〕79号').first().waitFor();
    await shot(page, 'allocations-matching');
    await page.goto('/awards');
    await page.getByText('提名项目').waitFor();
    await shot(page, 'awards-city');
    await page.getByRole('tab', { name: '国家、省科技奖获奖登记' }).click();
    await expect.poll(() => page.getByText('小分子靶向抗癌药盐酸埃克替尼开发研究、产业化和推广应用').isVisible(), { timeout: 15_000 }).toBe(true);
    await shot(page, 'awards-records');
    await page.context().close();
  });
});
