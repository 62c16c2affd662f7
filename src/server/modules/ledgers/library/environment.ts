// 生态环保 and 人居环境: planting, garbage and sewage facilities, environment problems, beautiful hamlets,
// toilet and dilapidated-house renovation, illegal buildings and tomb remediation.
import { boolean, choice, date, decimal, EVENT_DATE, idcard, integer, photos, rectificationWorkflow, text, type BuiltinLedger } from './types.js';

const HOUSEHOLD_CATEGORIES = ['一般户', '脱贫户', '防返贫监测户', '低保户', '分散供养特困人员', '低保边缘户'];

export const ENVIRONMENT_LEDGERS: BuiltinLedger[] = [
  {
    key: 'forest_planting', name: '造林及经济林种植台账', kind: 'register', workLine: '生态环保',
    description: '油茶等经济林、生态林种植，一个地块一条。',
    fields: [
      text('plot', '地块名称', { required: true }),
      choice('species', '树种', ['油茶', '楠木', '杉木', '樱花', '桃树', '其他'], { required: true }),
      integer('trees', '株数', '株', { required: true }),
      decimal('area', '面积', '亩', 1, { required: true }),
      text('grower', '实施主体'),
      date('planted_on', '种植日期', EVENT_DATE),
    ],
  },
  {
    key: 'garbage_facilities', name: '垃圾收运设施台账', kind: 'register', workLine: '人居环境',
    description: '垃圾中转站、投放点和收集设施，一处一条；按建成日期统计新增。',
    fields: [
      text('name', '设施名称', { required: true }),
      choice('type', '设施类型', ['垃圾中转站', '垃圾投放点', '垃圾收集亭', '其他'], { required: true }),
      date('built_on', '建成日期', EVENT_DATE),
      integer('households_served', '服务户数', '户'),
      choice('state', '运行状态', ['正常运行', '停用', '待维修'], { required: true }),
    ],
  },
  {
    key: 'env_problems', name: '人居环境问题整治台账', kind: 'register', workLine: '人居环境',
    description: '违规垃圾点、小微黑臭水体、乱堆乱放等问题，一处一条，整改完成须上传照片。',
    workflow: rectificationWorkflow({ pending: '待整治', doing: '整治中', done: '已整治', closed: '已销号' }),
    fields: [
      choice('type', '问题类型', ['违规垃圾点', '小微黑臭水体', '乱堆乱放', '乱排乱放', '畜禽养殖污染', '其他'], { required: true }),
      text('place', '位置', { required: true }),
      date('found_on', '发现日期', EVENT_DATE),
      date('fixed_on', '整治完成日期'),
      photos('before_photos', '整治前照片'),
      photos('after_photos', '整治后照片'),
    ],
  },
  {
    key: 'sewage_facilities', name: '污水处理设施台账', kind: 'register', workLine: '生态环保',
    description: '污水处理厂（站）和管网工程：管网长度、日处理能力、覆盖人口。',
    fields: [
      text('name', '设施名称', { required: true }),
      choice('stage', '建设状态', ['在建', '建成'], { required: true }),
      date('started_on', '开工日期', EVENT_DATE),
      date('completed_on', '建成日期', { when: { field: 'stage', equals: '建成' } }),
      decimal('pipe_length', '敷设管网', 'km', 2),
      integer('capacity', '日处理能力', '立方米/日'),
      integer('people_served', '覆盖人口', '人'),
    ],
  },
  {
    key: 'beautiful_hamlets', name: '秀美屋场建设台账', kind: 'register', workLine: '人居环境',
    description: '美丽乡村建设中的秀美屋场，一个屋场一条。',
    fields: [
      text('name', '屋场名称', { required: true }),
      integer('plan_year', '计划年度', '年', { required: true, min: 2018, max: 2030 }),
      integer('households', '涉及户数', '户'),
      choice('stage', '建设状态', ['计划', '在建', '建成'], { required: true }),
    ],
  },
  {
    key: 'toilet_renovation', name: '农村改厕台账', kind: 'register', workLine: '人居环境',
    description: '农村户厕改造一户一条；按完成日期统计。',
    fields: [
      text('owner', '户主姓名', { required: true }),
      idcard('owner_id', '户主身份证号码', { unique: true }),
      choice('type', '改厕模式', ['三格式', '双瓮式', '完整下水道水冲式', '其他'], { required: true }),
      date('done_on', '完成日期', EVENT_DATE),
      integer('subsidy', '补助资金', '元'),
      boolean('accepted', '已验收'),
    ],
  },
  {
    key: 'dilapidated_houses', name: '农村危房改造台账', kind: 'register', workLine: '人居环境',
    description: '危房改造一户一条：对象类别、改造方式、完成日期和补助资金。',
    fields: [
      text('owner', '户主姓名', { required: true }),
      idcard('owner_id', '户主身份证号码', { required: true, unique: true }),
      choice('category', '对象类别', HOUSEHOLD_CATEGORIES, { required: true }),
      choice('method', '改造方式', ['修缮加固', '拆除重建', '置换'], { required: true }),
      integer('family_size', '家庭人口', '人'),
      date('done_on', '竣工日期', EVENT_DATE),
      integer('subsidy', '补助资金', '元'),
    ],
  },
  {
    key: 'illegal_buildings', name: '违法建设拆除台账', kind: 'register', workLine: '生态环保',
    description: '控违拆违：存量违法建筑和新增违章建设，一处一条；按拆除日期统计。',
    fields: [
      text('party', '当事人', { required: true }),
      text('place', '位置', { required: true }),
      choice('type', '违建类型', ['存量违法建筑', '新增违章建筑'], { required: true }),
      choice('use', '建筑用途', ['住宅', '附属用房', '厂房', '商铺', '其他']),
      choice('method', '拆除方式', ['自行拆除', '依法强制拆除'], { required: true }),
      date('demolished_on', '拆除日期', EVENT_DATE),
      decimal('area', '拆除面积', '平方米', 1, { required: true }),
    ],
  },
  {
    key: 'tombs', name: '违规墓地整治台账', kind: 'register', workLine: '生态环保',
    description: '违规墓地一座一条：活人墓、已葬墓的整治方式、完成日期和验收。',
    fields: [
      text('owner', '墓主（户主）', { required: true }),
      text('place', '位置', { required: true }),
      choice('type', '墓地类型', ['活人墓', '已葬墓'], { required: true }),
      choice('method', '整治方式', ['拆除', '迁移'], { required: true }),
      date('done_on', '完成日期', EVENT_DATE),
      boolean('accepted', '已验收'),
      boolean('regreened', '已复垦复绿'),
    ],
  },
];
