// 安全生产: self-built houses, hazards and their rectification, enforcement and inspection actions, meetings.
import { boolean, choice, date, decimal, EVENT_DATE, idcard, integer, longtext, mobile, photos, rectificationWorkflow, text, type BuiltinLedger } from './types.js';

export const HAZARD_CATEGORIES = [
  '自建房', '校园校车', '消防', '燃气', '道路交通', '企业生产', '地质灾害', '水库山塘', '烟花爆竹', '一氧化碳中毒', '其他',
];

export const ACTION_TYPES = [
  '交通安全集中执法', '烟花爆竹打非禁燃巡查', '控违拆违集中行动', '疫情防控督查', '疫苗接种志愿劝导', '非法采砂打击', '其他',
];

export const SAFETY_LEDGERS: BuiltinLedger[] = [
  {
    key: 'self_built_houses', name: '农村自建房排查台账', kind: 'register', workLine: '安全生产',
    description: '全镇乡居民自建房拉网式排查，一栋房屋一条；按排查日期统计排查进度。',
    fields: [
      text('owner', '户主姓名', { required: true }),
      idcard('owner_id', '户主身份证号码'),
      mobile('phone', '联系电话'),
      text('address', '房屋地址', { required: true }),
      integer('built_year', '建成年份', '年', { min: 1950, max: 2030 }),
      integer('floors', '层数', '层', { required: true, min: 1, max: 10 }),
      decimal('floor_area', '建筑面积', '平方米', 1, { required: true, max: 5000 }),
      choice('structure', '结构类型', ['砖混', '砖木', '框架', '土木', '石木', '钢结构', '其他'], { required: true }),
      choice('use', '房屋用途', ['自住', '出租', '经营', '自住兼经营', '闲置'], { required: true }),
      date('inspected_on', '排查日期', EVENT_DATE),
      choice('conclusion', '排查结论', ['未发现安全隐患', '存在一般隐患', '存在较大隐患', '初判危房'], { required: true }),
      boolean('needs_fix', '纳入整治', { required: true }),
      text('inspector', '排查人'),
    ],
  },
  {
    key: 'safety_hazards', name: '安全隐患排查整治台账', kind: 'register', workLine: '安全生产',
    description: '各类安全隐患一处一条，按“待整改→整改中→已整改→已销号”闭环管理，整改完成须上传整改后照片。',
    workflow: rectificationWorkflow({ pending: '待整改', doing: '整改中', done: '已整改', closed: '已销号' }),
    fields: [
      text('title', '隐患描述', { required: true }),
      choice('category', '隐患类别', HAZARD_CATEGORIES, { required: true }),
      choice('level', '隐患等级', ['一般隐患', '重大隐患'], { required: true }),
      text('place', '场所/单位', { required: true }),
      date('found_on', '发现日期', EVENT_DATE),
      text('responsible', '整改责任人'),
      mobile('phone', '责任人电话'),
      longtext('measures', '整改措施'),
      date('deadline', '整改期限'),
      date('rectified_on', '整改完成日期'),
      photos('before_photos', '整改前照片', { maxFiles: 9 }),
      photos('after_photos', '整改后照片', { maxFiles: 9 }),
    ],
  },
  {
    key: 'enforcement_actions', name: '专项行动台账', kind: 'register', workLine: '安全生产',
    description: '集中执法、巡查、督查和劝导行动一次一条：类型、日期、出动人数和战果。',
    fields: [
      text('title', '行动名称', { required: true }),
      choice('type', '行动类型', ACTION_TYPES, { required: true }),
      date('acted_on', '行动日期', EVENT_DATE),
      text('partners', '联合单位'),
      integer('staff', '出动人数', '人'),
      integer('detained', '拘留人数', '人'),
      integer('vehicles_seized', '扣押车辆', '台'),
      integer('seizure_lists', '下发收缴清单', '份'),
      integer('persuaded', '劝导人次', '人次'),
      longtext('result', '行动成效'),
    ],
  },
  {
    key: 'meetings', name: '专题会议台账', kind: 'register', workLine: '党建',
    description: '镇党委、政府召开的专题会议：主题、日期、主持人和参会人数。',
    fields: [
      text('title', '会议名称', { required: true }),
      choice('topic', '会议主题', ['疫情防控', '自建房排查整治', '安全生产', '防汛抗旱', '森林防灭火', '重点项目', '其他'], { required: true }),
      date('held_on', '会议日期', EVENT_DATE),
      text('chair', '主持人'),
      integer('attendees', '参会人数', '人'),
    ],
  },
];
