// 乡村振兴: monitored households (防返贫监测) and their assistance, public-welfare posts, poverty-alleviation
// workshops, job fairs, consumption support, industry dividends, support units.
import { boolean, choice, date, decimal, EVENT_DATE, idcard, integer, longtext, mobile, multichoice, text, type BuiltinLedger } from './types.js';
import type { Workflow } from '../../../../core/ledger-workflow.js';

export const MONITOR_TYPES = ['脱贫不稳定户', '边缘易致贫户', '突发严重困难户'];
export const RISK_TYPES = ['因病', '因残', '因学', '因灾', '因意外事故', '缺劳动力', '务工就业不稳', '产业项目失败', '住房安全', '饮水安全', '其他'];
export const ASSISTANCE_TYPES = ['产业帮扶', '就业帮扶', '健康帮扶', '教育帮扶', '综合保障', '小额信贷', '公益岗位', '住房保障'];

const MONITORING: Workflow = {
  states: [
    { key: 'monitoring', label: '监测帮扶中' },
    { key: 'risk_removed', label: '风险已消除' },
  ],
  initial: 'monitoring',
  transitions: [
    { from: 'monitoring', to: 'risk_removed', label: '标注风险消除', requireNote: true },
    { from: 'risk_removed', to: 'monitoring', label: '返回监测', requireNote: true },
  ],
};

export const REVITALIZATION_LEDGERS: BuiltinLedger[] = [
  {
    key: 'monitored_households',
    name: '防返贫监测户台账',
    kind: 'register',
    workLine: '乡村振兴',
    description: '防返贫动态监测对象一户一条：监测类型、风险类别、帮扶措施；风险消除须说明理由。',
    workflow: MONITORING,
    fields: [
      text('head', '户主姓名', { required: true }),
      idcard('head_id', '身份证号码', { required: true, unique: true }),
      mobile('phone', '联系电话'),
      integer('family_size', '家庭人口', '人', { required: true, min: 1, max: 20 }),
      choice('monitor_type', '监测对象类型', MONITOR_TYPES, { required: true }),
      multichoice('risks', '致贫返贫风险', RISK_TYPES, { required: true }),
      date('included_on', '纳入监测日期', EVENT_DATE),
      integer('income_per_capita', '家庭人均纯收入', '元', { required: true }),
      multichoice('assistance', '帮扶措施', ASSISTANCE_TYPES),
      text('helper', '帮扶责任人'),
      mobile('helper_phone', '帮扶责任人电话'),
      date('risk_removed_on', '风险消除日期'),
    ],
  },
  {
    key: 'public_welfare_posts',
    name: '公益性岗位台账',
    kind: 'register',
    workLine: '乡村振兴',
    description: '为脱贫和监测对象开发的公益性岗位，一个岗位一条。',
    fields: [
      choice('post', '岗位类型', ['保洁员', '护林员', '护路员', '水管员', '网格员', '公共服务协管员', '其他'], { required: true }),
      text('holder', '在岗人员', { required: true }),
      idcard('holder_id', '身份证号码', { required: true }),
      date('started_on', '上岗日期', EVENT_DATE),
      integer('monthly_pay', '月补贴', '元', { required: true }),
      boolean('on_post', '在岗', { required: true }),
    ],
  },
  {
    key: 'poverty_workshops',
    name: '扶贫车间台账',
    kind: 'register',
    workLine: '乡村振兴',
    description: '认定的就业帮扶（扶贫）车间：吸纳脱贫劳动力和人均月工资。',
    fields: [
      text('name', '车间名称', { required: true }),
      text('operator', '经营主体', { required: true }),
      text('product', '主要产品'),
      date('recognized_on', '认定日期', EVENT_DATE),
      integer('poor_workers', '吸纳脱贫劳动力', '人', { required: true }),
      integer('avg_monthly_wage', '人均月工资', '元', { required: true }),
    ],
  },
  {
    key: 'job_fairs',
    name: '招聘活动台账',
    kind: 'register',
    workLine: '乡村振兴',
    description: '“春风送暖，就业先行”等专场招聘，一场一条。',
    fields: [
      text('title', '活动名称', { required: true }),
      date('held_on', '举办日期', EVENT_DATE),
      integer('employers', '参会企业', '家'),
      integer('poor_participants', '参加脱贫劳动力', '人', { required: true }),
      integer('intentions', '达成就业意向', '人'),
    ],
  },
  {
    key: 'consumption_support',
    name: '消费帮扶台账',
    kind: 'register',
    workLine: '乡村振兴',
    description: '帮销代售农副产品，一笔一条。',
    fields: [
      text('buyer', '购买单位/个人', { required: true }),
      choice('buyer_type', '购买方类别', ['后盾单位', '企事业单位', '镇村干部', '社会个人'], { required: true }),
      choice('product', '产品', ['蜂蜜', '笋干', '云雾茶', '大米', '茶油', '腊肉', '蔬菜水果', '其他'], { required: true }),
      decimal('amount', '金额', '元', 2, { required: true }),
      date('bought_on', '购买日期', EVENT_DATE),
    ],
  },
  {
    key: 'industry_dividends',
    name: '产业帮扶分红台账',
    kind: 'register',
    workLine: '乡村振兴',
    description: '企业、合作社带动的产业项目分红，一户一次一条。',
    fields: [
      text('head', '户主姓名', { required: true }),
      idcard('head_id', '身份证号码', { required: true }),
      text('partner', '带动主体', { required: true }),
      decimal('amount', '分红金额', '元', 2, { required: true }),
      date('paid_on', '分红日期', EVENT_DATE),
    ],
  },
  {
    key: 'support_units',
    name: '驻村后盾单位台账',
    kind: 'register',
    workLine: '乡村振兴',
    description: '各村的后盾单位和驻村工作队，一个单位一条。',
    fields: [
      text('unit', '后盾单位', { required: true }),
      integer('team_members', '驻村队员', '名', { required: true }),
      text('captain', '工作队长'),
      mobile('captain_phone', '队长电话'),
      boolean('pairing_done', '“一对一”结对帮扶全覆盖'),
      date('since', '派驻日期', EVENT_DATE),
      longtext('note', '备注'),
    ],
  },
];
