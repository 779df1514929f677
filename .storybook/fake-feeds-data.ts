/**
 * What the fake feed server (fake-feeds.ts) serves: a Shanghai district's
 * notices in Simplified Chinese (as district sites publish them) and in
 * English, written once here and served as JSON Feed, RSS and Atom; CAP 1.2
 * warnings of the Shanghai Meteorological Service with zh-CN and en-US info
 * blocks; and a generated archive of any size. The district is Xuhui, its
 * streets are real, the notices are invented: sample data, not announcements.
 */

export type FeedLanguage = 'zh' | 'en';
type Text = Record<FeedLanguage, string>;

const day = 86_400_000;

// ---- Categories (tags): eight, as a district site's notice board has.

export const categories = {
  traffic: { zh: '交通出行', en: 'Traffic' },
  health: { zh: '卫生健康', en: 'Health' },
  utilities: { zh: '水电燃气', en: 'Utilities' },
  consultation: { zh: '征求意见', en: 'Consultations' },
  community: { zh: '社区服务', en: 'Community' },
  employment: { zh: '就业创业', en: 'Employment' },
  housing: { zh: '住房保障', en: 'Housing' },
  services: { zh: '政务服务', en: 'Services' },
} satisfies Record<string, Text>;

export type CategoryKey = keyof typeof categories;

// ---- The district's notices.

export interface SampleAttachment {
  /** Relative to the feed, as a CMS writes it; the file name is what RSS readers show. */
  path: Text;
  title: Text;
  type: string;
  size: number;
}

export interface SampleNotice {
  id: string;
  /** The notice's own page, relative to the feed. */
  path: string;
  published: string;
  modified?: string;
  pinned?: boolean;
  /** Still in force this many days from now (relative, so the story never goes stale). */
  expiresInDays?: number;
  /** Expired on this date: left out of the board, and of the RSS and Atom feeds (they cannot say so). */
  expired?: string;
  tags: CategoryKey[];
  attachments?: SampleAttachment[];
  title: Text;
  summary: Text;
  /** Left out for a notice that is only a link to its page. */
  html?: Text;
}

export const notices: SampleNotice[] = [
  {
    id: 'xh-notice-2026-1020-flu-vaccine',
    path: 'notices/2026/flu-vaccine.html',
    published: '2026-10-20T09:00:00+08:00',
    pinned: true,
    expiresInDays: 60,
    tags: ['health'],
    title: {
      zh: '2026—2027年度60岁以上本区户籍老年人免费接种流感疫苗',
      en: 'Free flu vaccination for residents aged 60 and over, 2026–2027 season',
    },
    summary: {
      zh: '即日起至2027年1月31日，可在全区13家社区卫生服务中心免费接种，需携带身份证和医保卡。',
      en: 'Until 31 January 2027 at any of the district’s 13 community health centres; bring your ID card and medical insurance card.',
    },
    html: {
      zh: `<p>为降低老年人流感发病风险，本区继续为60岁以上本区户籍老年人免费接种流感疫苗。</p>
<h4>接种时间和地点</h4>
<p>即日起至2027年1月31日，周一至周五8:00—11:00、13:30—16:00，在户籍所在街道（镇）社区卫生服务中心接种，无需预约。</p>
<h4>需携带的材料</h4>
<ul><li>本人身份证；</li><li>医保卡或社保卡；</li><li>近期有慢性病就诊记录的，请一并携带病历。</li></ul>
<p>发热、急性疾病期间请暂缓接种。咨询电话：64871234（区疾病预防控制中心）。</p>`,
      en: `<p>To lower the risk of flu for older residents, the district again offers a free flu vaccine to registered residents aged 60 and over.</p>
<h4>When and where</h4>
<p>Until 31 January 2027, Monday to Friday 8:00–11:00 and 13:30–16:00, at the community health centre of your subdistrict or town. No appointment is needed.</p>
<h4>What to bring</h4>
<ul><li>Your ID card;</li><li>your medical insurance or social security card;</li><li>if you have recently been treated for a long-term illness, your medical record.</li></ul>
<p>If you have a fever or an acute illness, please wait until you are well. Questions: 6487 1234 (district Center for Disease Control).</p>`,
    },
  },
  {
    id: 'xh-notice-2026-1118-caoxi-road-works',
    path: 'notices/2026/caoxi-north-road-night-works.html',
    published: '2026-11-18T16:30:00+08:00',
    pinned: true,
    expiresInDays: 30,
    tags: ['traffic'],
    title: {
      zh: '漕溪北路（零陵路—中山南二路）夜间封闭施工交通组织公告',
      en: 'Caoxi North Road (Lingling Road to South Zhongshan No. 2 Road) closed at night for works',
    },
    summary: {
      zh: '11月30日至12月20日每日22:00至次日5:00，北向南方向封闭，车辆请绕行天钥桥路。',
      en: 'From 30 November to 20 December, 22:00–5:00 every night, southbound traffic is closed; use Tianyaoqiao Road instead.',
    },
    html: {
      zh: `<p>因雨污水管道改造工程施工需要，经区交通管理部门同意，对漕溪北路（零陵路—中山南二路）实施夜间封闭施工。</p>
<table><caption>封闭安排</caption><thead><tr><th scope="col">日期</th><th scope="col">时间</th><th scope="col">封闭范围</th></tr></thead>
<tbody><tr><td>11月30日—12月10日</td><td>22:00—次日5:00</td><td>北向南方向全部车道</td></tr>
<tr><td>12月11日—12月20日</td><td>22:00—次日5:00</td><td>南向北方向两根车道</td></tr></tbody></table>
<p>施工期间公交43路、824路夜间班次临时改道，详见站点告示。行人通行不受影响。由此带来的不便，敬请谅解。</p>`,
      en: `<p>For the renewal of the storm and foul water sewers, and with the approval of the district traffic authority, Caoxi North Road between Lingling Road and South Zhongshan No. 2 Road is closed at night.</p>
<table><caption>Closures</caption><thead><tr><th scope="col">Dates</th><th scope="col">Hours</th><th scope="col">Closed</th></tr></thead>
<tbody><tr><td>30 Nov – 10 Dec</td><td>22:00–5:00</td><td>All southbound lanes</td></tr>
<tr><td>11 Dec – 20 Dec</td><td>22:00–5:00</td><td>Two northbound lanes</td></tr></tbody></table>
<p>Night services of bus routes 43 and 824 are diverted; see the notices at the stops. Pedestrians are not affected. We apologise for the inconvenience.</p>`,
    },
  },
  {
    id: 'xh-notice-2026-1125-tianlin-water',
    path: 'notices/2026/tianlin-water-interruption.html',
    published: '2026-11-25T10:00:00+08:00',
    modified: '2026-11-25T15:20:00+08:00',
    tags: ['utilities'],
    title: {
      zh: '12月2日田林街道部分区域临时停水通知',
      en: 'Water off in parts of Tianlin Subdistrict on 2 December',
    },
    summary: {
      zh: '因供水管网改造，12月2日9:00—17:00田林路、桂林路沿线部分小区停水，请提前储水。（15:20更新：停水时间缩短）',
      en: 'Mains renewal: on 2 December, 9:00–17:00, some estates along Tianlin Road and Guilin Road have no water. Please store some in advance. (Updated 15:20: shorter interruption.)',
    },
    html: {
      zh: `<p>因城投水务集团对田林路供水管网进行改造，12月2日（星期三）将暂停以下区域供水：</p>
<table><caption>停水范围</caption><thead><tr><th scope="col">小区</th><th scope="col">停水时间</th></tr></thead>
<tbody><tr><td>田林十二村、田林十三村</td><td>9:00—14:00</td></tr>
<tr><td>桂林苑、宜山路455弄</td><td>9:00—17:00</td></tr></tbody></table>
<p><strong>15:20更新：</strong>田林十二村、十三村停水结束时间由17:00提前至14:00。</p>
<p>恢复供水初期水质可能浑浊，请放水片刻后再使用。供水热线：962424。</p>`,
      en: `<p>Shanghai Chengtou Water is renewing the water mains under Tianlin Road. On Wednesday 2 December the water is off in:</p>
<table><caption>Where the water is off</caption><thead><tr><th scope="col">Estate</th><th scope="col">Hours</th></tr></thead>
<tbody><tr><td>Tianlin No. 12 and No. 13 Estates</td><td>9:00–14:00</td></tr>
<tr><td>Guilin Garden, Lane 455 Yishan Road</td><td>9:00–17:00</td></tr></tbody></table>
<p><strong>Updated 15:20:</strong> in Tianlin No. 12 and No. 13 Estates the water comes back at 14:00, not 17:00.</p>
<p>When the water comes back it may be cloudy: let it run for a moment before use. Water hotline: 962424.</p>`,
    },
  },
  {
    id: 'xh-notice-2026-1124-lift-subsidy-consultation',
    path: 'notices/2026/lift-subsidy-consultation.html',
    published: '2026-11-24T09:30:00+08:00',
    expiresInDays: 20,
    tags: ['consultation', 'housing'],
    attachments: [
      {
        path: { zh: 'files/2026/徐汇区既有多层住宅加装电梯补贴办法（征求意见稿）.pdf', en: 'files/2026/lift-subsidy-draft-en.pdf' },
        title: { zh: '徐汇区既有多层住宅加装电梯补贴办法（征求意见稿）', en: 'Draft rules on subsidies for lifts in existing low-rise housing' },
        type: 'application/pdf',
        size: 412_380,
      },
      {
        path: { zh: 'files/2026/意见反馈表.docx', en: 'files/2026/feedback-form-en.docx' },
        title: { zh: '意见反馈表', en: 'Feedback form' },
        type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        size: 28_672,
      },
    ],
    title: {
      zh: '关于《徐汇区既有多层住宅加装电梯补贴办法（征求意见稿）》公开征求意见的公告',
      en: 'Public consultation: draft rules on subsidies for adding lifts to existing low-rise housing',
    },
    summary: {
      zh: '征求意见时间为11月24日至12月15日，可通过电子邮件、信函或“一网通办”提交意见。',
      en: 'Open from 24 November to 15 December. Send your views by email, by post or through the “One Netcom” portal.',
    },
    html: {
      zh: `<p>为推进既有多层住宅加装电梯工作，区住房保障和房屋管理局起草了《徐汇区既有多层住宅加装电梯补贴办法（征求意见稿）》，现向社会公开征求意见。</p>
<h4>主要内容</h4>
<ul><li>每台电梯最高补贴由28万元提高至35万元；</li><li>居民同意比例按《民法典》第二百七十八条执行；</li><li>低保、低收入家庭分摊费用可申请全额补助。</li></ul>
<h4>提交意见</h4>
<p>请于2026年12月15日前填写意见反馈表，发送至 jiati@xuhui.example.cn，或邮寄至漕溪北路336号区住房保障和房屋管理局（邮编200030），信封注明“加装电梯意见”。</p>`,
      en: `<p>To help residents add lifts to existing low-rise housing, the district Housing Administration has drafted new subsidy rules and asks for the public’s views.</p>
<h4>What changes</h4>
<ul><li>The subsidy per lift rises from ¥280,000 to at most ¥350,000;</li><li>the residents’ consent needed follows Article 278 of the Civil Code;</li><li>households on minimum living allowance or low income can have their whole share paid.</li></ul>
<h4>How to respond</h4>
<p>Fill in the feedback form by 15 December 2026 and send it to jiati@xuhui.example.cn, or post it to the Housing Administration, 336 Caoxi North Road, 200030, marked “Lift consultation”.</p>`,
    },
  },
  {
    id: 'xh-notice-2026-1123-community-canteens',
    path: 'notices/2026/community-canteens.html',
    published: '2026-11-23T14:00:00+08:00',
    tags: ['community'],
    title: {
      zh: '徐家汇街道新增3处社区助餐点，12月1日起开放',
      en: 'Three more community canteens in Xujiahui Subdistrict open on 1 December',
    },
    summary: {
      zh: '新增助餐点位于南丹东路、虹桥路和天平路，60岁以上老人凭敬老卡享受用餐补贴。',
      en: 'On Nandan East Road, Hongqiao Road and Tianping Road; residents aged 60 and over pay less with their senior citizen card.',
    },
    html: {
      zh: `<p>为方便老年人就近用餐，徐家汇街道新增3处社区助餐点，12月1日起对外开放：</p>
<ul><li>南丹东路助餐点（南丹东路238号），供应午餐、晚餐；</li><li>虹桥路助餐点（虹桥路188号社区食堂），供应早餐、午餐；</li><li>天平路助餐点（天平路275号），供应午餐，可预约送餐上门。</li></ul>
<p>60岁以上老人凭敬老卡每餐补贴3元，80岁以上老人补贴5元。送餐预约电话：54231000。</p>`,
      en: `<p>So that older residents can eat well close to home, Xujiahui Subdistrict opens three more community canteens on 1 December:</p>
<ul><li>Nandan East Road (No. 238): lunch and dinner;</li><li>Hongqiao Road (community canteen at No. 188): breakfast and lunch;</li><li>Tianping Road (No. 275): lunch, also delivered to your home on request.</li></ul>
<p>With a senior citizen card, each meal costs ¥3 less from age 60 and ¥5 less from age 80. To order a delivery, call 5423 1000.</p>`,
    },
  },
  {
    id: 'xh-notice-2026-1121-job-fair',
    path: 'notices/2026/winter-job-fair.html',
    published: '2026-11-21T10:00:00+08:00',
    tags: ['employment'],
    attachments: [
      {
        path: { zh: 'files/2026/冬季专场招聘会岗位清单.xlsx', en: 'files/2026/winter-job-fair-vacancies.xlsx' },
        title: { zh: '冬季专场招聘会岗位清单', en: 'Vacancies at the winter job fair' },
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        size: 86_016,
      },
    ],
    title: {
      zh: '2026年徐汇区冬季专场招聘会12月6日举行',
      en: 'Xuhui winter job fair on 6 December 2026',
    },
    summary: {
      zh: '86家用人单位提供1,240个岗位，地点：漕河泾开发区会展中心，免费入场。',
      en: '86 employers with 1,240 vacancies at the Caohejing Development Zone exhibition centre. Free entry.',
    },
    html: {
      zh: `<p>区人力资源和社会保障局将于12月6日（星期六）9:00—15:00在漕河泾开发区会展中心（宜山路900号）举办冬季专场招聘会。</p>
<p>本次招聘会共有86家用人单位参加，提供信息技术、生物医药、现代服务等行业岗位1,240个，另设高校毕业生、退役军人和就业困难人员专区。</p>
<p>求职者请携带身份证和简历，现场可办理失业登记和职业培训报名。</p>`,
      en: `<p>The district Human Resources and Social Security Bureau holds its winter job fair on Saturday 6 December, 9:00–15:00, at the Caohejing Development Zone exhibition centre (900 Yishan Road).</p>
<p>86 employers offer 1,240 jobs in information technology, biomedicine and modern services, with areas for new graduates, veterans and people who find it hard to get work.</p>
<p>Bring your ID card and your CV. You can also register as unemployed and sign up for training on the day.</p>`,
    },
  },
  {
    id: 'xh-notice-2026-1120-public-rental-housing',
    path: 'notices/2026/public-rental-housing-q4.html',
    published: '2026-11-20T09:00:00+08:00',
    tags: ['housing'],
    attachments: [
      {
        path: { zh: 'files/2026/2026年第四季度公共租赁住房房源清单.pdf', en: 'files/2026/public-rental-housing-q4-list.pdf' },
        title: { zh: '2026年第四季度公共租赁住房房源清单', en: 'Public rental homes offered, fourth quarter 2026' },
        type: 'application/pdf',
        size: 1_204_224,
      },
    ],
    title: {
      zh: '2026年第四季度区筹公共租赁住房配租公告',
      en: 'Public rental housing: homes offered in the fourth quarter of 2026',
    },
    summary: {
      zh: '本批次共312套，申请时间为11月20日至12月4日，通过“一网通办”在线申请。',
      en: '312 homes this round. Apply online through the “One Netcom” portal from 20 November to 4 December.',
    },
    html: {
      zh: `<p>本批次区筹公共租赁住房共312套，位于华泾镇和长桥街道，户型为一室户和一室一厅，租金为市场租金的九折。</p>
<p>申请对象为在本区工作、在本市无住房或人均住房面积低于15平方米的人员。申请时间为2026年11月20日至12月4日。</p>`,
      en: `<p>This round offers 312 public rental homes in Huajing Town and Changqiao Subdistrict, studios and one-bedroom flats, at 90% of the market rent.</p>
<p>You can apply if you work in the district and have no home in Shanghai, or less than 15 m² of housing per person. Applications are open from 20 November to 4 December 2026.</p>`,
    },
  },
  {
    id: 'xh-notice-2026-1119-metro-exit',
    path: 'notices/2026/metro-line-11-exit-3.html',
    published: '2026-11-19T17:45:00+08:00',
    tags: ['traffic'],
    title: {
      zh: '地铁11号线龙华中路站3号出入口临时关闭',
      en: 'Metro Line 11: exit 3 of Longhua Middle Road station closed for now',
    },
    summary: {
      zh: '11月20日起因无障碍电梯改造关闭约两个月，请使用1号、2号出入口。',
      en: 'Closed from 20 November for about two months while the step-free lift is rebuilt. Use exits 1 and 2.',
    },
    html: {
      zh: `<p>因无障碍电梯改造施工，地铁11号线龙华中路站3号出入口自11月20日起临时关闭，预计2027年1月下旬恢复。</p>
<p>关闭期间请乘客使用1号、2号出入口；需要无障碍协助的乘客可在站厅服务中心求助，或拨打客服热线 64370000。</p>`,
      en: `<p>While its step-free lift is rebuilt, exit 3 of Longhua Middle Road station (Metro Line 11) is closed from 20 November, probably until late January 2027.</p>
<p>Please use exits 1 and 2. If you need step-free help, ask at the service centre in the station hall or call 6437 0000.</p>`,
    },
  },
  {
    id: 'xh-notice-2026-1117-winter-respiratory',
    path: 'notices/2026/winter-respiratory-infections.html',
    published: '2026-11-17T11:00:00+08:00',
    tags: ['health'],
    title: {
      zh: '冬季呼吸道传染病防治健康提示',
      en: 'Staying well this winter: respiratory infections',
    },
    summary: {
      zh: '勤洗手、常通风，出现发热咳嗽等症状及时就医，老年人和慢性病患者尽早接种疫苗。',
      en: 'Wash your hands, air your rooms, see a doctor if you have a fever or a cough, and get vaccinated early if you are older or have a long-term illness.',
    },
  },
  {
    id: 'xh-notice-2026-1114-bulky-waste',
    path: 'notices/2026/bulky-waste-collection.html',
    published: '2026-11-14T09:00:00+08:00',
    tags: ['community'],
    title: {
      zh: '大件垃圾预约上门回收服务调整',
      en: 'Changes to the bulky waste collection service',
    },
    summary: {
      zh: '自12月1日起，大件垃圾改为每周二、周五上门回收，可通过“随申办”或居委会预约。',
      en: 'From 1 December bulky waste is collected on Tuesdays and Fridays. Book through the Suishenban app or your residents’ committee.',
    },
    html: {
      zh: `<p>为提高大件垃圾收运效率，自2026年12月1日起，全区大件垃圾预约上门回收时间调整为每周二、周五。</p>
<p>请至少提前一天通过“随申办”APP“大件垃圾预约”栏目或所在居委会预约，家具、床垫等大件请在预约时段内放置于小区指定点位。</p>`,
      en: `<p>To collect bulky waste more efficiently, from 1 December 2026 it is collected in the whole district on Tuesdays and Fridays.</p>
<p>Book at least one day ahead in the Suishenban app (“Bulky waste”) or with your residents’ committee, and put furniture and mattresses at your estate’s collection point at the booked time.</p>`,
    },
  },
  {
    id: 'xh-notice-2026-1110-marathon-traffic',
    path: 'notices/2026/riverside-marathon-traffic.html',
    published: '2026-11-10T09:00:00+08:00',
    expired: '2026-11-16T18:00:00+08:00',
    tags: ['traffic'],
    title: {
      zh: '11月15日—16日徐汇滨江马拉松赛交通管制公告',
      en: 'Roads closed for the Xuhui Riverside Marathon, 15–16 November',
    },
    summary: {
      zh: '龙腾大道、瑞宁路等道路分时段封闭。',
      en: 'Longteng Avenue, Ruining Road and other roads closed at times.',
    },
    html: {
      zh: '<p>赛事期间龙腾大道（瑞宁路—龙华港）、瑞宁路实施交通管制，请市民合理安排出行。</p>',
      en: '<p>During the race Longteng Avenue (Ruining Road to Longhua Harbour) and Ruining Road are closed; please plan your journey.</p>',
    },
  },
  {
    id: 'xh-notice-2026-0925-national-day-hours',
    path: 'notices/2026/national-day-opening-hours.html',
    published: '2026-09-25T09:00:00+08:00',
    expired: '2026-10-09T00:00:00+08:00',
    tags: ['services'],
    title: {
      zh: '2026年国庆节假期区行政服务中心办公安排',
      en: 'District service centre opening hours over the National Day holiday 2026',
    },
    summary: {
      zh: '10月1日至8日休息，10月9日起正常办公。',
      en: 'Closed from 1 to 8 October, open as usual from 9 October.',
    },
  },
  {
    id: 'xh-notice-2026-1112-saturday-service-hall',
    path: 'notices/2026/saturday-service-hours.html',
    published: '2026-11-12T09:00:00+08:00',
    tags: ['services'],
    title: {
      zh: '区行政服务中心12月起周六上午延时服务',
      en: 'District service centre open on Saturday mornings from December',
    },
    summary: {
      zh: '每周六9:00—12:00提供户籍、社保、医保等高频事项办理。',
      en: 'Every Saturday, 9:00–12:00, for household registration, social insurance, medical insurance and other common services.',
    },
    html: {
      zh: `<p>为方便工作日无法前来的市民，自2026年12月5日起，区行政服务中心（漠河路66号）每周六9:00—12:00提供延时服务。</p>
<p>可办理事项包括户籍证明、社保卡补换、医保登记、居住证签注等。建议通过“一网通办”预约，现场取号亦可。</p>`,
      en: `<p>For people who cannot come on a weekday, from 5 December 2026 the district service centre (66 Mohe Road) is also open on Saturdays, 9:00–12:00.</p>
<p>You can get household registration certificates, replace a social security card, register for medical insurance and renew a residence permit. Book through the “One Netcom” portal, or take a number on the day.</p>`,
    },
  },
  {
    id: 'xh-notice-2026-1106-gas-safety',
    path: 'notices/2026/winter-gas-safety-checks.html',
    published: '2026-11-06T10:00:00+08:00',
    tags: ['utilities'],
    title: {
      zh: '冬季燃气安全入户检查开始，请认准工作人员证件',
      en: 'Winter gas safety checks begin: ask to see the inspector’s card',
    },
    summary: {
      zh: '11月至次年1月，燃气公司将上门免费检查，不收取任何费用，不推销产品。',
      en: 'From November to January the gas company checks homes free of charge. Inspectors never ask for money or sell anything.',
    },
    html: {
      zh: `<p>11月至2027年1月，大众燃气公司将对本区居民用户开展冬季燃气安全入户检查，检查免费。</p>
<p>检查人员统一着工作服并佩戴工作证，可拨打962777核实身份。凡以检查为名收费或推销燃气报警器、软管等产品的，均非燃气公司人员，请拨打110报警。</p>`,
      en: `<p>From November to January 2027 Dazhong Gas checks the gas installations of homes in the district, free of charge.</p>
<p>Inspectors wear a uniform and an ID card; call 962777 to check who they are. Anyone who asks for money or sells gas alarms or hoses during a “check” is not from the gas company: call 110.</p>`,
    },
  },
];

/** The notices still in force: what the board shows, and all that the RSS and Atom feeds carry. */
export const currentNotices = notices.filter((notice) => !notice.expired);

export function noticeById(id: string): SampleNotice {
  const notice = notices.find((candidate) => candidate.id === id);
  if (!notice) throw new Error(`No sample notice ${id}`);
  return notice;
}

/** A notice's title, as a story's play function looks for it. */
export function titleOf(id: string, language: FeedLanguage): string {
  return noticeById(id).title[language];
}

/** The notices "published" after the board first loaded, in the refresh story: the two newest that are not pinned. */
export const arrivingIds = ['xh-notice-2026-1125-tianlin-water', 'xh-notice-2026-1124-lift-subsidy-consultation'];

/** The version the widget stores for a notice once it is read (packages/notice-board/src/read-state.ts). */
export function readVersion(notice: SampleNotice, which: 'published' | 'current' = 'current'): string {
  return String(Date.parse(which === 'current' ? (notice.modified ?? notice.published) : notice.published));
}

// ---- Serialised as the three formats. Links resolve against the feed's own URL.

const feedTitle: Text = { zh: '徐汇区政务公告（示例数据）', en: 'Xuhui District notices (sample data)' };
const feedDescription: Text = {
  zh: '上海市徐汇区人民政府通知公告。示例数据，并非真实公告。',
  en: 'Notices of Xuhui District, Shanghai. Sample data, not real announcements.',
};
const feedLang: Text = { zh: 'zh-CN', en: 'en' };

export interface FeedOptions {
  /** Notices to leave out (not yet published). */
  without?: readonly string[];
}

function selected(list: SampleNotice[], options: FeedOptions): SampleNotice[] {
  return list.filter((notice) => !options.without?.includes(notice.id));
}

function expiresOf(notice: SampleNotice, now: number): string | undefined {
  if (notice.expired) return notice.expired;
  if (notice.expiresInDays !== undefined) return new Date(Math.floor(now / day) * day + notice.expiresInDays * day).toISOString();
  return undefined;
}

export function jsonFeed(language: FeedLanguage, options: FeedOptions = {}): string {
  const now = Date.now();
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: feedTitle[language],
    description: feedDescription[language],
    home_page_url: '../',
    language: feedLang[language],
    items: selected(notices, options).map((notice) => ({
      id: notice.id,
      url: notice.path,
      title: notice.title[language],
      summary: notice.summary[language],
      ...(notice.html ? { content_html: notice.html[language] } : {}),
      date_published: notice.published,
      ...(notice.modified ? { date_modified: notice.modified } : {}),
      tags: notice.tags.map((tag) => categories[tag][language]),
      ...(notice.attachments
        ? {
            attachments: notice.attachments.map((attachment) => ({
              url: encodeURI(attachment.path[language]),
              title: attachment.title[language],
              mime_type: attachment.type,
              size_in_bytes: attachment.size,
            })),
          }
        : {}),
      _civic: { ...(notice.pinned ? { pinned: true } : {}), ...(expiresOf(notice, now) ? { expires: expiresOf(notice, now) } : {}) },
    })),
  });
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** RFC 822, as RSS dates are written: `Wed, 25 Nov 2026 10:00:00 +0800`. */
function rfc822(iso: string): string {
  const local = new Date(Date.parse(iso) + 8 * 3_600_000);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const two = (value: number) => String(value).padStart(2, '0');
  return `${days[local.getUTCDay()]}, ${two(local.getUTCDate())} ${months[local.getUTCMonth()]} ${local.getUTCFullYear()} ${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())} +0800`;
}

/** RSS 2.0 as district CMSs write it: the summary as an escaped `description`, the full text in `content:encoded`. */
export function rssFeed(language: FeedLanguage, options: FeedOptions = {}): string {
  const items = selected(currentNotices, options).map((notice) => {
    const categoryElements = [...(notice.pinned ? ['pinned'] : []), ...notice.tags.map((tag) => categories[tag][language])]
      .map((category) => `<category>${escapeXml(category)}</category>`)
      .join('');
    const enclosures = (notice.attachments ?? [])
      .map((attachment) => `<enclosure url="${escapeXml(encodeURI(attachment.path[language]))}" length="${attachment.size}" type="${attachment.type}"/>`)
      .join('');
    const html = notice.html?.[language];
    return `
    <item>
      <title>${escapeXml(notice.title[language])}</title>
      <link>${notice.path}</link>
      <guid isPermaLink="false">${notice.id}</guid>
      <pubDate>${rfc822(notice.published)}</pubDate>
      ${categoryElements}
      <description>${escapeXml(`<p>${escapeXml(notice.summary[language])}</p>`)}</description>
      ${html ? `<content:encoded><![CDATA[<p>${escapeXml(notice.summary[language])}</p>${html}]]></content:encoded>` : ''}
      ${enclosures}
    </item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>${escapeXml(feedTitle[language])}</title>
    <link>../</link>
    <description>${escapeXml(feedDescription[language])}</description>
    <language>${feedLang[language]}</language>${items.join('')}
  </channel>
</rss>
`;
}

/** Atom 1.0: `summary` as text, `content` as escaped HTML, attachments as `enclosure` links, pinned as a category. */
export function atomFeed(language: FeedLanguage, options: FeedOptions = {}): string {
  const list = selected(currentNotices, options);
  const updated = list.map((notice) => notice.modified ?? notice.published).sort().at(-1) ?? '2026-11-26T00:00:00+08:00';
  const entries = list.map((notice) => {
    const categoryElements = [
      ...(notice.pinned ? ['<category term="pinned"/>'] : []),
      ...notice.tags.map((tag) => `<category term="${tag}" label="${escapeXml(categories[tag][language])}"/>`),
    ].join('');
    const enclosures = (notice.attachments ?? [])
      .map(
        (attachment) =>
          `<link rel="enclosure" href="${escapeXml(encodeURI(attachment.path[language]))}" type="${attachment.type}" length="${attachment.size}" title="${escapeXml(attachment.title[language])}"/>`,
      )
      .join('');
    const html = notice.html?.[language];
    return `
  <entry>
    <id>tag:xuhui.example.cn,2026:${notice.id}</id>
    <title type="text">${escapeXml(notice.title[language])}</title>
    <link rel="alternate" type="text/html" href="${notice.path}"/>
    ${enclosures}
    <published>${notice.published}</published>
    <updated>${notice.modified ?? notice.published}</updated>
    ${categoryElements}
    <summary type="text">${escapeXml(notice.summary[language])}</summary>
    ${html ? `<content type="html">${escapeXml(html)}</content>` : ''}
  </entry>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${feedLang[language]}">
  <id>tag:xuhui.example.cn,2026:notices-${language}</id>
  <title>${escapeXml(feedTitle[language])}</title>
  <subtitle>${escapeXml(feedDescription[language])}</subtitle>
  <updated>${updated}</updated>
  <author><name>${language === 'zh' ? '徐汇区人民政府办公室' : 'Xuhui District Government Office'}</name></author>
  <link rel="self" href="notices.${language}.atom"/>${entries.join('')}
</feed>
`;
}

export function emptyFeed(language: FeedLanguage): string {
  return JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: feedTitle[language], language: feedLang[language], items: [] });
}

/**
 * An RSS feed as a CMS broke it: a bare `&` in a title, which no XML parser
 * accepts (one of the most common ways real feeds break).
 */
export function brokenFeed(language: FeedLanguage): string {
  const title = language === 'zh' ? '12月2日停水 & 停电通知' : 'Water & power off on 2 December';
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>${escapeXml(feedTitle[language])}</title>
    <link>../</link>
    <description>${escapeXml(feedDescription[language])}</description>
    <item>
      <title>${title}</title>
      <link>notices/2026/water-and-power.html</link>
      <pubDate>Wed, 25 Nov 2026 10:00:00 +0800</pubDate>
    </item>
  </channel>
</rss>
`;
}

// ---- A generated archive: years of a district's notices, for the 10,000-item story.

const places = [
  { zh: '徐家汇街道', en: 'Xujiahui Subdistrict' },
  { zh: '天平路街道', en: 'Tianping Road Subdistrict' },
  { zh: '湖南路街道', en: 'Hunan Road Subdistrict' },
  { zh: '枫林路街道', en: 'Fenglin Road Subdistrict' },
  { zh: '斜土路街道', en: 'Xietu Road Subdistrict' },
  { zh: '长桥街道', en: 'Changqiao Subdistrict' },
  { zh: '田林街道', en: 'Tianlin Subdistrict' },
  { zh: '虹梅路街道', en: 'Hongmei Road Subdistrict' },
  { zh: '康健新村街道', en: 'Kangjian Subdistrict' },
  { zh: '漕河泾街道', en: 'Caohejing Subdistrict' },
  { zh: '凌云路街道', en: 'Lingyun Road Subdistrict' },
  { zh: '龙华街道', en: 'Longhua Subdistrict' },
  { zh: '华泾镇', en: 'Huajing Town' },
];

const roads = [
  { zh: '漕溪北路', en: 'Caoxi North Road' },
  { zh: '天钥桥路', en: 'Tianyaoqiao Road' },
  { zh: '肇嘉浜路', en: 'Zhaojiabang Road' },
  { zh: '宜山路', en: 'Yishan Road' },
  { zh: '龙华中路', en: 'Longhua Middle Road' },
  { zh: '虹漕路', en: 'Hongcao Road' },
  { zh: '零陵路', en: 'Lingling Road' },
  { zh: '钦州路', en: 'Qinzhou Road' },
  { zh: '桂林路', en: 'Guilin Road' },
  { zh: '田林路', en: 'Tianlin Road' },
];

/** What a template is filled in with; `monthName` and `day` are the English forms (“November”, “26 November”). */
type Fill = { place: Text; road: Text; month: number; date: number; monthName: string; day: string; count: number };

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
interface Template {
  tag: CategoryKey;
  title: (fill: Fill) => Text;
  summary: (fill: Fill) => Text;
  paragraphs: (fill: Fill) => Text[];
  attachment?: { type: string; name: Text };
}

const templates: Template[] = [
  {
    tag: 'traffic',
    title: (f) => ({ zh: `${f.road.zh}夜间施工交通组织调整公告`, en: `${f.road.en}: traffic changes for night works` }),
    summary: (f) => ({ zh: `${f.month}月${f.date}日起每日22:00至次日5:00，${f.road.zh}部分车道封闭。`, en: `From ${f.day}, 22:00–5:00 every night, some lanes of ${f.road.en} are closed.` }),
    paragraphs: (f) => [
      { zh: `因管线改造施工需要，${f.road.zh}（${f.place.zh}段）实施夜间分段封闭施工，请过往车辆减速慢行，服从现场指挥。`, en: `For utility works, ${f.road.en} (in ${f.place.en}) is closed section by section at night. Please slow down and follow the directions on site.` },
      { zh: '施工期间公交线路临时绕行，具体以站点告示为准。行人通行不受影响。', en: 'Buses are diverted while the works last; see the notices at the stops. Pedestrians are not affected.' },
      { zh: '由此带来的不便，敬请谅解。咨询电话：12345。', en: 'We apologise for the inconvenience. Questions: call 12345.' },
    ],
  },
  {
    tag: 'health',
    title: (f) => ({ zh: `${f.place.zh}社区卫生服务中心${f.month}月义诊和健康讲座安排`, en: `${f.place.en} community health centre: free check-ups and health talks in ${f.monthName}` }),
    summary: (f) => ({ zh: `${f.month}月${f.date}日上午开展免费血压、血糖检测，并举办慢病管理讲座。`, en: `Free blood pressure and blood sugar checks on the morning of ${f.day}, and a talk on managing long-term illness.` }),
    paragraphs: (f) => [
      { zh: `${f.place.zh}社区卫生服务中心将于${f.month}月${f.date}日8:30—11:00在中心一楼大厅开展义诊活动。`, en: `The ${f.place.en} community health centre holds free check-ups on ${f.day}, 8:30–11:00, in its ground-floor hall.` },
      { zh: '家庭医生将提供血压、血糖检测和用药咨询，请携带医保卡和近期病历。', en: 'Family doctors check blood pressure and blood sugar and answer questions about medicines. Bring your medical insurance card and recent records.' },
      { zh: `讲座名额${f.count}个，可通过家庭医生或电话预约。`, en: `The talk has ${f.count} places; book through your family doctor or by phone.` },
    ],
  },
  {
    tag: 'utilities',
    title: (f) => ({ zh: `${f.month}月${f.date}日${f.place.zh}部分区域临时停水通知`, en: `Water off in parts of ${f.place.en} on ${f.day}` }),
    summary: (f) => ({ zh: `因供水管网改造，${f.road.zh}沿线${f.count}个小区9:00—17:00停水，请提前储水。`, en: `Mains renewal: ${f.count} estates along ${f.road.en} have no water from 9:00 to 17:00. Please store some in advance.` }),
    paragraphs: (f) => [
      { zh: `因城投水务集团对${f.road.zh}供水管网进行改造，${f.month}月${f.date}日9:00—17:00暂停沿线小区供水。`, en: `Shanghai Chengtou Water is renewing the mains under ${f.road.en}; on ${f.day} the water is off from 9:00 to 17:00 in the estates along it.` },
      { zh: '恢复供水初期水质可能浑浊，请放水片刻后再使用。', en: 'When the water comes back it may be cloudy: let it run for a moment before use.' },
      { zh: '供水热线：962424。', en: 'Water hotline: 962424.' },
    ],
  },
  {
    tag: 'consultation',
    title: (f) => ({ zh: `关于${f.place.zh}${f.road.zh}沿线街面更新方案公开征求意见的公告`, en: `Consultation: plans to renew the street front along ${f.road.en}, ${f.place.en}` }),
    summary: (f) => ({ zh: `征求意见期为${f.month}月${f.date}日起30日，欢迎通过电子邮件或信函提出意见。`, en: `Open for 30 days from ${f.day}. Send your views by email or by post.` }),
    paragraphs: (f) => [
      { zh: `为提升${f.road.zh}沿线街区环境，区规划资源局编制了街面更新方案，现公开征求意见。`, en: `To improve the street along ${f.road.en}, the district Planning and Natural Resources Bureau has drawn up plans and asks for the public’s views.` },
      { zh: '方案包括人行道拓宽、增设非机动车停放点、沿街绿化和无障碍设施改造。', en: 'The plans widen the pavements, add cycle parking, plant trees and make the street step-free.' },
      { zh: '方案全文及意见反馈表见附件。', en: 'The full plans and a feedback form are attached.' },
    ],
    attachment: { type: 'application/pdf', name: { zh: '街面更新方案', en: 'Street renewal plans' } },
  },
  {
    tag: 'community',
    title: (f) => ({ zh: `${f.place.zh}${f.month}月社区活动预告`, en: `What’s on in ${f.place.en} in ${f.monthName}` }),
    summary: (f) => ({ zh: `书画展、老年智能手机课堂和亲子阅读等${f.count}项活动，欢迎居民参加。`, en: `${f.count} events including a painting show, smartphone classes for older people and family reading.` }),
    paragraphs: (f) => [
      { zh: `${f.month}月，${f.place.zh}社区文化活动中心将举办书画展、老年智能手机课堂和亲子阅读等活动。`, en: `In ${f.monthName} the ${f.place.en} community centre holds a painting show, smartphone classes for older people and family reading.` },
      { zh: '活动免费，部分项目需提前预约，名额有限。', en: 'Events are free; some need booking, and places are limited.' },
      { zh: '预约方式：关注街道微信公众号或到社区文化活动中心服务台登记。', en: 'To book, follow the subdistrict’s WeChat account or ask at the community centre’s desk.' },
    ],
  },
  {
    tag: 'employment',
    title: (f) => ({ zh: `${f.place.zh}${f.month}月就业援助专场招聘会`, en: `${f.place.en} job fair for people who find it hard to get work, ${f.monthName}` }),
    summary: (f) => ({ zh: `${f.count}家用人单位提供岗位，${f.month}月${f.date}日在社区事务受理服务中心举行。`, en: `${f.count} employers, on ${f.day} at the community affairs service centre.` }),
    paragraphs: (f) => [
      { zh: `${f.place.zh}将于${f.month}月${f.date}日举办就业援助专场招聘会，共有${f.count}家用人单位参加。`, en: `${f.place.en} holds a job fair on ${f.day} with ${f.count} employers.` },
      { zh: '现场提供职业指导、政策咨询和技能培训报名服务。', en: 'Careers advice, help with benefits and sign-up for training are on offer too.' },
      { zh: '求职者请携带身份证和简历。', en: 'Bring your ID card and your CV.' },
    ],
    attachment: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', name: { zh: '岗位清单', en: 'Vacancies' } },
  },
  {
    tag: 'housing',
    title: (f) => ({ zh: `${f.place.zh}旧住房成套改造项目签约情况公示`, en: `${f.place.en}: residents signed up to the old housing renewal project` }),
    summary: (f) => ({ zh: `${f.road.zh}沿线旧住房成套改造项目签约率已达${80 + (f.count % 20)}%。`, en: `${80 + (f.count % 20)}% of households along ${f.road.en} have signed up for the renewal.` }),
    paragraphs: (f) => [
      { zh: `${f.road.zh}沿线旧住房成套改造项目自启动以来，居民签约踊跃。`, en: `Since the renewal of old housing along ${f.road.en} began, residents have been keen to sign up.` },
      { zh: '签约率达到规定比例后，项目将进入施工准备阶段，届时另行公告。', en: 'Once enough households have signed, the project prepares for building work; a further notice will follow.' },
      { zh: '如有疑问，请咨询项目现场接待点。', en: 'Questions: ask at the project’s reception point on site.' },
    ],
  },
  {
    tag: 'services',
    title: (f) => ({ zh: `${f.place.zh}社区事务受理服务中心${f.month}月办公时间调整`, en: `${f.place.en} community affairs service centre: opening hours in ${f.monthName}` }),
    summary: (f) => ({ zh: `${f.month}月${f.date}日起工作日延长至18:00，周六上午开放。`, en: `From ${f.day} open until 18:00 on weekdays and on Saturday mornings.` }),
    paragraphs: (f) => [
      { zh: `为方便居民办事，${f.place.zh}社区事务受理服务中心自${f.month}月${f.date}日起调整办公时间。`, en: `To make things easier for residents, the ${f.place.en} community affairs service centre changes its hours from ${f.day}.` },
      { zh: '工作日8:30—18:00，周六9:00—12:00，法定节假日除外。', en: 'Weekdays 8:30–18:00, Saturdays 9:00–12:00, except public holidays.' },
      { zh: '可通过“一网通办”预约办理。', en: 'You can book through the “One Netcom” portal.' },
    ],
  },
];

/** A small deterministic generator, so the archive is the same on every load. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * `count` notices as a JSON Feed, the newest on 26 November 2026, one every
 * few hours before it (10,000 reach back about four years): titles, summaries,
 * three paragraphs of content, eight categories, an attachment on one in
 * five, two pinned, one in twenty expired.
 */
export function archiveFeed(language: FeedLanguage, count: number): string {
  const next = random(20261126);
  const newest = Date.parse('2026-11-26T09:00:00+08:00');
  const items = [];
  let time = newest;
  for (let index = 0; index < count; index++) {
    const template = templates[Math.floor(next() * templates.length)]!;
    const published = new Date(time);
    const local = new Date(time + 8 * 3_600_000);
    const fill: Fill = {
      place: places[Math.floor(next() * places.length)]!,
      road: roads[Math.floor(next() * roads.length)]!,
      month: local.getUTCMonth() + 1,
      date: local.getUTCDate(),
      monthName: monthNames[local.getUTCMonth()]!,
      day: `${local.getUTCDate()} ${monthNames[local.getUTCMonth()]}`,
      count: 5 + Math.floor(next() * 60),
    };
    const expired = next() < 0.05;
    const withAttachment = Boolean(template.attachment) || next() < 0.1;
    const attachmentName = template.attachment?.name ?? { zh: '通知原文', en: 'Full notice' };
    items.push({
      id: `xh-archive-${String(count - index).padStart(6, '0')}`,
      url: `archive/${count - index}.html`,
      title: template.title(fill)[language],
      summary: template.summary(fill)[language],
      content_html: template.paragraphs(fill).map((paragraph) => `<p>${paragraph[language]}</p>`).join('\n'),
      date_published: published.toISOString(),
      tags: [categories[template.tag][language]],
      ...(withAttachment
        ? {
            attachments: [
              {
                url: `files/archive/${count - index}.${template.attachment?.type.includes('sheet') ? 'xlsx' : 'pdf'}`,
                title: attachmentName[language],
                mime_type: template.attachment?.type ?? 'application/pdf',
                size_in_bytes: 20_000 + Math.floor(next() * 2_000_000),
              },
            ],
          }
        : {}),
      _civic: {
        ...(index < 2 ? { pinned: true } : {}),
        ...(expired ? { expires: new Date(time + 7 * day).toISOString() } : {}),
      },
    });
    time -= Math.floor((2 + next() * 4) * 3_600_000);
  }
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: feedTitle[language],
    language: feedLang[language],
    items,
  });
}

// ---- CAP 1.2 warnings of the Shanghai Meteorological Service, in Chinese and English.

export type AlertKind = 'cold-wave-orange' | 'gale-blue' | 'fog-yellow' | 'fog-orange' | 'road-icing-yellow' | 'road-icing-cancel';

interface AlertInfoText {
  event: string;
  headline: string;
  description: string;
  instruction: string;
  senderName: string;
  areaDesc: string;
}

interface AlertSpec {
  /** Sent this many hours before the current hour. */
  sentHoursAgo: number;
  msgType: 'Alert' | 'Update' | 'Cancel';
  /** The alert it updates or cancels. */
  references?: AlertKind;
  urgency: string;
  severity: string;
  certainty: string;
  /** Hours after the current hour; the warning ends then. */
  expiresInHours: number;
  web: string;
  zh: AlertInfoText;
  en: AlertInfoText;
}

const sender = 'sh-meteo-warnings@cma.example.cn';
const meteoZh = '上海中心气象台';
const meteoEn = 'Shanghai Central Meteorological Observatory';

const alertSpecs: Record<AlertKind, AlertSpec> = {
  'cold-wave-orange': {
    sentHoursAgo: 2,
    msgType: 'Alert',
    urgency: 'Expected',
    severity: 'Severe',
    certainty: 'Likely',
    expiresInHours: 36,
    web: 'warnings/cold-wave-orange.html',
    zh: {
      event: '寒潮',
      headline: '上海中心气象台发布寒潮橙色预警信号',
      description: '受强冷空气影响，预计未来24小时内本市最低气温将下降12℃以上，郊区最低气温可降至-2℃左右，并伴有陆地阵风8级、沿江沿海地区9级的偏北大风。',
      instruction: '注意添衣保暖，老人、儿童和体弱人群减少外出；做好水管、水表防冻；高空、水上等户外作业人员停止作业；农业、养殖业做好防冻措施。',
      senderName: meteoZh,
      areaDesc: '上海市（含徐汇区）',
    },
    en: {
      event: 'Cold wave',
      headline: 'Orange cold wave warning for Shanghai',
      description:
        'A strong cold front will bring the lowest temperatures down by more than 12 °C within 24 hours, to about −2 °C in the suburbs, with northerly gusts of force 8 on land and force 9 along the river and the coast.',
      instruction:
        'Dress warmly; older people, children and anyone frail should stay indoors. Protect water pipes and meters from frost. Stop work at height and on the water. Farms should protect crops and animals from frost.',
      senderName: meteoEn,
      areaDesc: 'Shanghai (including Xuhui District)',
    },
  },
  'gale-blue': {
    sentHoursAgo: 1,
    msgType: 'Alert',
    urgency: 'Expected',
    severity: 'Minor',
    certainty: 'Likely',
    expiresInHours: 20,
    web: 'warnings/gale-blue.html',
    zh: {
      event: '大风',
      headline: '上海中心气象台发布大风蓝色预警信号',
      description: '预计今天夜间到明天白天，本市陆地将出现平均风力6级、阵风7级的偏北大风，沿江沿海地区阵风8级。',
      instruction: '关好门窗，加固阳台花盆、空调外机等易被风吹动的搭建物；行人和骑车人员注意避开广告牌、临时搭建物。',
      senderName: meteoZh,
      areaDesc: '上海市（含徐汇区）',
    },
    en: {
      event: 'Gale',
      headline: 'Blue gale warning for Shanghai',
      description: 'From tonight into tomorrow northerly winds of force 6, gusting 7, are expected on land, gusting 8 along the river and the coast.',
      instruction: 'Close doors and windows and secure flower pots, air-conditioner units and anything else the wind could move. On foot or by bike, keep away from billboards and temporary structures.',
      senderName: meteoEn,
      areaDesc: 'Shanghai (including Xuhui District)',
    },
  },
  'fog-yellow': {
    sentHoursAgo: 3,
    msgType: 'Alert',
    urgency: 'Expected',
    severity: 'Moderate',
    certainty: 'Likely',
    expiresInHours: 6,
    web: 'warnings/fog-yellow.html',
    zh: {
      event: '大雾',
      headline: '上海中心气象台发布大雾黄色预警信号',
      description: '预计未来12小时内，本市中心城区和西部地区将出现能见度小于500米的雾。',
      instruction: '驾驶人员注意雾天行车安全，减速慢行；机场、高速公路、轮渡码头等注意调度。',
      senderName: meteoZh,
      areaDesc: '中心城区（含徐汇区）、闵行区、松江区、青浦区',
    },
    en: {
      event: 'Fog',
      headline: 'Yellow fog warning for central and western Shanghai',
      description: 'Within 12 hours fog with visibility below 500 m is expected in the city centre and the west of Shanghai.',
      instruction: 'Drive slowly and carefully. Airports, motorways and ferry piers should adjust their operations.',
      senderName: meteoEn,
      areaDesc: 'City centre (including Xuhui), Minhang, Songjiang, Qingpu',
    },
  },
  'fog-orange': {
    sentHoursAgo: 1,
    msgType: 'Update',
    references: 'fog-yellow',
    urgency: 'Immediate',
    severity: 'Severe',
    certainty: 'Observed',
    expiresInHours: 6,
    web: 'warnings/fog-orange.html',
    zh: {
      event: '大雾',
      headline: '上海中心气象台将大雾黄色预警信号升级为橙色',
      description: '目前本市中心城区和西部地区已出现能见度小于200米的浓雾，预计将持续到中午前后。',
      instruction: '驾驶人员必须开启雾灯，减速慢行，保持车距；尽量减少户外活动；高速公路可能临时封闭，出行前请查询路况。',
      senderName: meteoZh,
      areaDesc: '中心城区（含徐汇区）、闵行区、松江区、青浦区',
    },
    en: {
      event: 'Fog',
      headline: 'Fog warning raised from yellow to orange',
      description: 'Dense fog with visibility below 200 m now covers the city centre and the west of Shanghai and is expected to last until about noon.',
      instruction: 'Drivers must use fog lights, slow down and keep their distance. Stay indoors if you can. Motorways may close: check the roads before you set out.',
      senderName: meteoEn,
      areaDesc: 'City centre (including Xuhui), Minhang, Songjiang, Qingpu',
    },
  },
  'road-icing-yellow': {
    sentHoursAgo: 6,
    msgType: 'Alert',
    urgency: 'Expected',
    severity: 'Moderate',
    certainty: 'Likely',
    expiresInHours: 10,
    web: 'warnings/road-icing-yellow.html',
    zh: {
      event: '道路结冰',
      headline: '上海中心气象台发布道路结冰黄色预警信号',
      description: '预计未来12小时内，本市郊区将出现对交通有影响的道路结冰。',
      instruction: '驾驶人员注意路况，安全行驶；行人出门注意防滑，老人减少外出。',
      senderName: meteoZh,
      areaDesc: '上海市郊区',
    },
    en: {
      event: 'Road icing',
      headline: 'Yellow road icing warning for suburban Shanghai',
      description: 'Within 12 hours icy roads that will disrupt traffic are expected in the suburbs.',
      instruction: 'Drive carefully. On foot, watch out for ice; older people should stay indoors.',
      senderName: meteoEn,
      areaDesc: 'Suburban Shanghai',
    },
  },
  'road-icing-cancel': {
    sentHoursAgo: 1,
    msgType: 'Cancel',
    references: 'road-icing-yellow',
    urgency: 'Past',
    severity: 'Minor',
    certainty: 'Observed',
    expiresInHours: 1,
    web: 'warnings/road-icing-cancel.html',
    zh: {
      event: '道路结冰',
      headline: '上海中心气象台解除道路结冰黄色预警信号',
      description: '气温回升，道路结冰现象已基本消除。',
      instruction: '',
      senderName: meteoZh,
      areaDesc: '上海市郊区',
    },
    en: {
      event: 'Road icing',
      headline: 'Road icing warning lifted',
      description: 'Temperatures have risen and the roads are largely free of ice.',
      instruction: '',
      senderName: meteoEn,
      areaDesc: 'Suburban Shanghai',
    },
  },
};

/** The headline a story's play function looks for. */
export function alertHeadline(kind: AlertKind, language: FeedLanguage): string {
  return alertSpecs[kind][language].headline;
}

const hour = 3_600_000;

/** `2026-11-26T14:00:00+08:00`: CAP dates carry the sender's offset. */
function capTime(time: number): string {
  return `${new Date(time + 8 * hour).toISOString().slice(0, 19)}+08:00`;
}

/**
 * Times are counted from the start of the current hour, so a warning is always
 * in force when a story opens, and the same document (same `sent`, so the same
 * version for dismissals) is served all hour.
 */
function sentOf(kind: AlertKind, anchor: number): number {
  return anchor - alertSpecs[kind].sentHoursAgo * hour;
}

function identifierOf(kind: AlertKind, anchor: number): string {
  const stamp = capTime(sentOf(kind, anchor)).slice(0, 19).replace(/\D/g, '');
  // As China's national warning system numbers them: the issuing office, then the time.
  return `31000041600000_${stamp}_${kind.split('-')[0]}`;
}

function infoBlock(spec: AlertSpec, language: FeedLanguage, anchor: number): string {
  const text = spec[language];
  return `
  <info>
    <language>${language === 'zh' ? 'zh-CN' : 'en-US'}</language>
    <category>Met</category>
    <event>${escapeXml(text.event)}</event>
    <urgency>${spec.urgency}</urgency>
    <severity>${spec.severity}</severity>
    <certainty>${spec.certainty}</certainty>
    <effective>${capTime(anchor - spec.sentHoursAgo * hour)}</effective>
    <expires>${capTime(anchor + spec.expiresInHours * hour)}</expires>
    <senderName>${escapeXml(text.senderName)}</senderName>
    <headline>${escapeXml(text.headline)}</headline>
    <description>${escapeXml(text.description)}</description>
    ${text.instruction ? `<instruction>${escapeXml(text.instruction)}</instruction>` : ''}
    <web>${spec.web}</web>
    <area>
      <areaDesc>${escapeXml(text.areaDesc)}</areaDesc>
    </area>
  </info>`;
}

/** One CAP 1.2 `<alert>` element (no XML declaration), with a zh-CN and an en-US info block. */
function alertElement(kind: AlertKind, anchor: number): string {
  const spec = alertSpecs[kind];
  const references = spec.references
    ? `\n  <references>${sender},${identifierOf(spec.references, anchor)},${capTime(sentOf(spec.references, anchor))}</references>`
    : '';
  return `<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>${identifierOf(kind, anchor)}</identifier>
  <sender>${sender}</sender>
  <sent>${capTime(sentOf(kind, anchor))}</sent>
  <status>Actual</status>
  <msgType>${spec.msgType}</msgType>
  <scope>Public</scope>${references}${infoBlock(spec, 'zh', anchor)}${infoBlock(spec, 'en', anchor)}
</alert>`;
}

function currentHour(): number {
  return Math.floor(Date.now() / hour) * hour;
}

/**
 * A CAP 1.2 document, as `alerts-src` may point at one. `anchor` is the hour
 * its times count from: a feed that links to it passes its own, so the
 * references still match across the turn of an hour.
 */
export function capDocument(kind: AlertKind, anchor = currentHour()): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${alertElement(kind, anchor)}\n`;
}

/**
 * An Atom feed of warnings, as national and city warning services publish
 * them: each entry either carries its CAP alert (`embed`) or links to it
 * (`application/cap+xml`, under `linkBase`).
 */
export function capAtomFeed(kinds: AlertKind[], how: 'embed' | 'link', linkBase: string): string {
  const anchor = currentHour();
  const entries = kinds.map((kind) => {
    const spec = alertSpecs[kind];
    const body =
      how === 'embed'
        ? `<content type="application/cap+xml">${alertElement(kind, anchor)}</content>`
        : `<link rel="alternate" type="application/cap+xml" href="${linkBase}${kind}.xml?hour=${anchor / hour}"/>`;
    return `
  <entry>
    <id>urn:oid:${identifierOf(kind, anchor)}</id>
    <title>${escapeXml(spec.zh.headline)}</title>
    <updated>${capTime(sentOf(kind, anchor))}</updated>
    ${body}
  </entry>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>tag:cma.example.cn,2026:shanghai-warnings</id>
  <title>上海市气象灾害预警信号（示例数据）</title>
  <updated>${capTime(anchor)}</updated>
  <author><name>${meteoZh}</name></author>${entries.join('')}
</feed>
`;
}

export const alertKinds = Object.keys(alertSpecs) as AlertKind[];
