/**
 * English of names the API sends from maps that are not exported (each listed with its source),
 * and of the demo seed's districts, the industry list and the public holidays.
 */
export const LOCAL_NAMES_EN: Readonly<Record<string, string>> = {
  // cases/case-view.ts, recognitions/applications.service.ts ACTION_LABELS: the 'create' action
  创建申请: 'Create application',
  创建申报草稿: 'Create application draft',
  // programmes/applications.service.ts, supervision/cases.service.ts, carriers/case-view.ts: the 'create' action
  创建申报: 'Create application',
  立案: 'Open case',
  创建: 'Create',
  // cases/cases.service.ts, notices/objections.service.ts: actorLabel
  系统: 'System',
  '公众（实名异议）': 'Public (real-name objection)',
  // cases/calls.ts STATE_NAMES
  未开始: 'Not yet open',
  申报中: 'Open for applications',
  已截止: 'Closed',
  // supervision/reports.service.ts STATUS_NAMES
  '已提交，待审核': 'Submitted, awaiting review',
  审核通过: 'Approved',
  // supervision/spotchecks.service.ts FINDING_NAMES
  符合认定条件: 'Meets the recognition criteria',
  // recognitions/recommend.service.ts RESULT_NAMES, resultName
  未予认定: 'Not recognised',
  待上级认定: 'Awaiting higher-level recognition',
  // carriers/carriers.service.ts FIRM_STATUS_NAMES
  在孵: 'Incubating',
  已毕业: 'Graduated',
  // funds/funds.stats.ts: districtName of an investment outside the city
  '市外/未登记': 'Outside the city / unregistered',
  // loans/loans.service.ts KIND_NAMES (pool accounts)
  注入资本金: 'Capital injected',
  资金池可用余额: 'Pool balance available',
  在贷周转金: 'Bridge loans outstanding',
  风险池余额: 'Risk pool balance',
  累计代偿: 'Compensation to date',
  担保费补助预算余额: 'Guarantee fee subsidy budget remaining',
  '担保费补助（平台办理）': 'Guarantee fee subsidies (handled on the platform)',
  历年已结清周转金: 'Bridge loans settled in past years',
  历年担保费补助: 'Guarantee fee subsidies of past years',
  // reports/annual.compose.ts MODULE_NAMES
  孵化载体: 'Incubation carriers',
  科技项目与奖励: 'S&T projects and awards',
  // indicators/indicators.routes.ts KIND_NAMES, indicators/sources/* record types
  统计数据: 'Statistics',
  目标: 'Targets',
  创新券发放: 'Innovation voucher issued',
  创新券兑付: 'Innovation voucher redeemed',
  创新券持有人: 'Innovation voucher holder',
  科技下乡: 'Rural S&T outreach',
  重大科技创新项目立项: 'Major S&T innovation project funded',
  技术合同登记: 'Technology contract registration',
  // experts/panel.draw.ts CATEGORY_NAMES, KIND_NAMES
  技术: 'Technical',
  财务: 'Finance',
  管理: 'Management',
  持股: 'Shareholding',
  // vouchers/vouchers.excel.ts MODE_NAMES
  通兑: 'Tongdui',
  通用: 'Tongyong',
  // jobs/jobs.repo.ts: a background job's first stage
  排队中: 'Queued',
  // ledger books (carriers/subsidy.ts, funds/funds.book.ts, programmes/book.ts, programmes/tranche.ts)
  创新载体绩效补助资金: 'Innovation carrier performance subsidy funds',
  创新载体考核补助: 'Innovation carrier assessment subsidy',
  引导基金阶段参股资金: 'Guidance fund equity participation funds',
  科技计划项目资金: 'S&T programme project funds',
  科技计划项目拨款: 'S&T programme project payment',
  // funds/funds.schema.ts ROUNDS, EXIT_METHODS
  种子轮: 'Seed',
  天使轮: 'Angel',
  A轮: 'Series A',
  B轮: 'Series B',
  C轮及以后: 'Series C and later',
  并购: 'Merger or acquisition',
  股权转让: 'Share transfer',
  回购: 'Buy-back',
  清算: 'Liquidation',
  // db/seed/districts.ts: Hangzhou's districts (2015)
  上城区: 'Shangcheng District',
  下城区: 'Xiacheng District',
  江干区: 'Jianggan District',
  拱墅区: 'Gongshu District',
  西湖区: 'Xihu District',
  滨江区: 'Binjiang District',
  萧山区: 'Xiaoshan District',
  余杭区: 'Yuhang District',
  富阳区: 'Fuyang District',
  桐庐县: 'Tonglu County',
  淳安县: "Chun'an County",
  建德市: 'Jiande City',
  临安市: "Lin'an City",
  // enterprises/enterprises.schema.ts INDUSTRIES (the high-tech fields, plus "other")
  电子信息: 'Electronic information',
  生物与新医药: 'Biotechnology and new medicine',
  航空航天: 'Aerospace',
  新材料: 'New materials',
  高技术服务: 'High-tech services',
  新能源与节能: 'New energy and energy saving',
  资源与环境: 'Resources and environment',
  先进制造与自动化: 'Advanced manufacturing and automation',
  其他: 'Other',
  // calendar/calendar.data.ts: public holidays (`name`)
  元旦: "New Year's Day",
  春节: 'Spring Festival',
  清明节: 'Qingming Festival',
  劳动节: 'Labour Day',
  端午节: 'Dragon Boat Festival',
  中秋节: 'Mid-Autumn Festival',
  国庆节: 'National Day',
  '国庆节、中秋节': 'National Day and Mid-Autumn Festival',
  '中秋节、国庆节': 'Mid-Autumn Festival and National Day',
  纪念日: 'Anniversary',
  中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日: "70th anniversary of the victory in the Chinese People's War of Resistance against Japanese Aggression and the World Anti-Fascist War",
};
