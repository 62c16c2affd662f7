// 党建 and 教育: party theme days and teams; education fund donations, teaching staff changes, student aid.
import { choice, date, decimal, EVENT_DATE, idcard, integer, text, type BuiltinLedger } from './types.js';

export const PARTY_EDUCATION_LEDGERS: BuiltinLedger[] = [
  {
    key: 'party_theme_days',
    name: '主题党日活动台账',
    kind: 'register',
    workLine: '党建',
    description: '“四亮创建”中各党支部围绕中心工作开展的主题党日活动，一次一条。',
    fields: [
      text('title', '活动主题', { required: true }),
      choice('focus', '中心工作', ['疫情防控', '森林防灭火', '违规墓地整治', '防溺水', '人居环境', '其他'], { required: true }),
      text('branch', '党支部', { required: true }),
      date('held_on', '活动日期', EVENT_DATE),
      integer('members', '参加党员', '人'),
    ],
  },
  {
    key: 'party_teams',
    name: '党员志愿服务队台账',
    kind: 'register',
    workLine: '党建',
    description: '妇女工作队、党员先锋队等服务队伍，一支一条。',
    fields: [
      text('name', '队伍名称', { required: true }),
      choice('type', '队伍类型', ['妇女工作队', '党员先锋队', '志愿服务队'], { required: true }),
      text('leader', '队长', { required: true }),
      integer('members', '队员人数', '人'),
      date('founded_on', '成立日期', EVENT_DATE),
    ],
  },
  {
    key: 'education_donations',
    name: '教育基金捐款台账',
    kind: 'register',
    workLine: '教育',
    description: '响应市教育基金会号召的捐款，一笔一条。',
    fields: [
      text('donor', '捐款人/单位', { required: true }),
      choice('donor_type', '捐款人类别', ['党员干部', '企业老板', '部门单位', '乡友乡贤', '社会爱心人士'], { required: true }),
      decimal('amount', '捐款金额', '元', 2, { required: true, min: 1 }),
      date('donated_on', '捐款日期', EVENT_DATE),
    ],
  },
  {
    key: 'teacher_changes',
    name: '教师队伍变动台账',
    kind: 'register',
    workLine: '教育',
    description: '代课教师压减和新教师招聘，一人一条；“计划压减”在下半年兑现后改为“压减代课教师”。',
    fields: [
      text('name', '姓名', { required: true }),
      text('school', '学校', { required: true }),
      choice('change', '变动类型', ['压减代课教师', '新招聘教师', '计划压减代课教师'], { required: true }),
      date('changed_on', '变动日期', EVENT_DATE),
    ],
  },
  {
    key: 'student_aid',
    name: '学生资助台账',
    kind: 'register',
    workLine: '教育',
    description: '社会扶贫助学、教育助学和雨露计划资助，一名学生一次资助一条。',
    fields: [
      text('student', '学生姓名', { required: true }),
      idcard('student_id', '学生身份证号码', { required: true }),
      text('school', '就读学校', { required: true }),
      choice('type', '资助类型', ['社会扶贫助学', '教育助学', '雨露计划'], { required: true }),
      integer('amount', '资助金额', '元', { required: true }),
      date('aided_on', '资助日期', EVENT_DATE),
    ],
  },
];
