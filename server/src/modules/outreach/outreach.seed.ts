import type { Tx } from '../../db/client.js';
import { districts } from '../../db/schema/index.js';
import type { RequestContext } from '../../http/context.js';
import { recordAuditMany } from '../audit/index.js';
import * as repo from './outreach.repo.js';

/** 2015: the six 科技下乡 events of the year's summary; 2016 (to the demo date): three, towards the target of five. */
const EVENTS: { title: string; heldOn: string; district: string; place: string; organisers: string; participants: number; content: string }[] = [
  { title: '2015年科技下乡暨科技特派员服务活动（淳安）', heldOn: '2015-03-18', district: '淳安县', place: '淳安县千岛湖镇文化广场', organisers: '杭州市科学技术委员会、淳安县科技局', participants: 420, content: '茶叶与山核桃栽培技术咨询，科技特派员现场问诊，发放农业实用技术资料。' },
  { title: '科技下乡：水产养殖与“五水共治”技术服务（建德）', heldOn: '2015-04-23', district: '建德市', place: '建德市大同镇农技服务中心', organisers: '杭州市科学技术委员会、建德市科技局、杭州市农业科学研究院', participants: 260, content: '生态养殖尾水治理技术讲座，草莓种苗脱毒技术示范，农户技术咨询。' },
  { title: '科技下乡：中药材与香榧种植技术培训（临安）', heldOn: '2015-05-20', district: '临安市', place: '临安市太湖源镇', organisers: '杭州市科学技术委员会、临安市科技局', participants: 310, content: '中药材规范化种植与香榧病虫害防治培训，展示农业物联网监测设备。' },
  { title: '科技下乡：科普进农村与安全用药宣传（桐庐）', heldOn: '2015-06-17', district: '桐庐县', place: '桐庐县分水镇', organisers: '杭州市科学技术委员会、桐庐县科技局', participants: 380, content: '农药安全使用与农产品质量安全科普，科技特派员技术咨询，发放科普读物。' },
  { title: '科技下乡：农产品电商与冷链技术服务（富阳）', heldOn: '2015-09-16', district: '富阳区', place: '富阳区新登镇', organisers: '杭州市科学技术委员会、富阳区科技局', participants: 240, content: '农产品电子商务与冷链保鲜技术讲座，对接科技型农业企业。' },
  { title: '科技下乡：苗木花卉与设施农业技术服务（萧山）', heldOn: '2015-11-11', district: '萧山区', place: '萧山区河上镇', organisers: '杭州市科学技术委员会、萧山区科技局、浙江农林大学', participants: 290, content: '设施农业水肥一体化技术示范，苗木花卉病害诊断，科技特派员结对服务签约。' },
  { title: '2016年科技下乡活动启动仪式（余杭）', heldOn: '2016-03-23', district: '余杭区', place: '余杭区径山镇', organisers: '杭州市科学技术委员会、余杭区科技局', participants: 450, content: '径山茶绿色生产技术培训，科技特派员服务签约，农业科技成果展示。' },
  { title: '科技下乡：山区民宿与乡村旅游科技服务（淳安）', heldOn: '2016-05-18', district: '淳安县', place: '淳安县枫树岭镇', organisers: '杭州市科学技术委员会、淳安县科技局', participants: 280, content: '乡村旅游信息化与民宿节能技术讲座，农村生活污水处理技术咨询。' },
  { title: '科技下乡：蚕桑与水果提质增效技术服务（桐庐）', heldOn: '2016-06-22', district: '桐庐县', place: '桐庐县钟山乡', organisers: '杭州市科学技术委员会、桐庐县科技局、浙江省农业科学院', participants: 230, content: '水果提质增效栽培技术培训，蚕桑综合利用技术示范。' },
];

const COMMISSIONERS: { name: string; organization: string; title: string; expertise: string; since: number; district: string; township: string; task: string }[] = [
  { name: '方建华', organization: '浙江农林大学', title: '教授', expertise: '经济林栽培（山核桃、香榧）', since: 2012, district: '临安市', township: '太湖源镇', task: '山核桃生态栽培与病害防治技术指导' },
  { name: '陈晓燕', organization: '杭州市农业科学研究院', title: '研究员', expertise: '茶叶栽培与加工', since: 2013, district: '淳安县', township: '千岛湖镇', task: '茶园绿色防控与名优茶加工技术服务' },
  { name: '王立明', organization: '浙江省农业科学院', title: '副研究员', expertise: '水产养殖', since: 2014, district: '建德市', township: '大同镇', task: '生态养殖与尾水治理技术示范' },
  { name: '李红梅', organization: '浙江大学', title: '副教授', expertise: '设施园艺', since: 2014, district: '萧山区', township: '河上镇', task: '设施蔬菜水肥一体化技术推广' },
  { name: '周国强', organization: '杭州市农业科学研究院', title: '高级农艺师', expertise: '果树栽培', since: 2015, district: '桐庐县', township: '钟山乡', task: '水果提质增效技术服务' },
  { name: '沈丽娟', organization: '浙江农林大学', title: '副教授', expertise: '中药材种植', since: 2015, district: '富阳区', township: '新登镇', task: '中药材规范化种植技术指导' },
  { name: '徐志刚', organization: '浙江理工大学', title: '教授', expertise: '蚕桑与丝绸', since: 2016, district: '余杭区', township: '径山镇', task: '蚕桑综合利用与茶叶机械化加工服务' },
];

/** The demo's outreach: events (exactly six in 2015), commissioners with their assignments and 2015 service records. */
export async function seedOutreach(opts: { tx: Tx; ctx: RequestContext }): Promise<void> {
  const { tx, ctx } = opts;
  const ds = new Map((await tx.select({ id: districts.id, name: districts.name }).from(districts)).map((d) => [d.name, d.id]));
  const events = await repo.insertEvents(
    tx,
    EVENTS.map(({ district, ...e }) => ({ ...e, districtId: ds.get(district)! })),
  );
  const people = await repo.insertCommissioners(
    tx,
    COMMISSIONERS.map((c) => ({ name: c.name, organization: c.organization, title: c.title, expertise: c.expertise, since: c.since })),
  );
  await repo.insertAssignments(
    tx,
    COMMISSIONERS.map((c, i) => ({ commissionerId: people[i].id, districtId: ds.get(c.district)!, township: c.township, startOn: `${c.since}-03-01`, endOn: null, task: c.task })),
  );
  await repo.insertRecords(
    tx,
    COMMISSIONERS.flatMap((c, i) =>
      c.since <= 2015
        ? [{ commissionerId: people[i].id, year: 2015, serviceDays: 40 + ((i * 7) % 25), enterprisesServed: 12 + ((i * 5) % 20), trainings: 3 + (i % 4), technologiesIntroduced: 1 + (i % 3), summary: `全年驻${c.township}开展${c.task}，入户指导、举办培训并参加科技下乡活动。` }]
        : [],
    ),
  );
  await recordAuditMany(tx, ctx, [
    ...events.map((e) => ({ action: 'outreach_event.seed', objectType: 'outreach_event', objectId: e.id, after: { title: e.title, heldOn: e.heldOn } })),
    ...people.map((c) => ({ action: 'commissioner.seed', objectType: 'commissioner', objectId: c.id, after: { name: c.name } })),
  ]);
}
