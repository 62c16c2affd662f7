// 党建 and 教育: theme days, teams, topic meetings; education fund, teaching staff, student aid.
import type { IndicatorDefinition } from '../../../../core/indicators.js';
import { eq, indicator, oneOf, records } from './types.js';

const meetings = (topic: string) => records('meetings', 'count', { dateField: 'held_on', filters: [eq('topic', topic)] });
const teachers = (change: string) => records('teacher_changes', 'count', { dateField: 'changed_on', filters: [eq('change', change)] });

export const PARTY_EDUCATION_INDICATORS: IndicatorDefinition[] = [
  indicator('theme_days_held', '主题党日活动次数', '次', records('party_theme_days', 'count', { dateField: 'held_on' })),
  indicator('theme_day_attendance', '主题党日参加党员人次', '人次', records('party_theme_days', 'sum', { field: 'members', dateField: 'held_on' })),
  indicator(
    'women_work_teams',
    '新成立妇女工作队',
    '支',
    records('party_teams', 'count', { dateField: 'founded_on', filters: [eq('type', '妇女工作队')] }),
  ),
  indicator('epidemic_meetings', '疫情防控专题会议次数', '次', meetings('疫情防控')),
  indicator('house_safety_meetings', '自建房排查整治专题会议次数', '次', meetings('自建房排查整治')),
  indicator('topic_meetings', '专题会议次数', '次', records('meetings', 'count', { dateField: 'held_on' })),

  indicator('education_funds_raised', '教育基金筹集金额', '元', records('education_donations', 'sum', { field: 'amount', dateField: 'donated_on' }), {
    scale: 'wan',
    decimals: 1,
  }),
  indicator('education_donors', '教育基金捐款笔数', '笔', records('education_donations', 'count', { dateField: 'donated_on' })),
  indicator('substitute_teachers_cut', '压减代课教师', '名', teachers('压减代课教师')),
  indicator('teachers_recruited', '新招聘教师', '名', teachers('新招聘教师')),
  indicator('substitute_teachers_to_cut', '计划压减代课教师', '名', teachers('计划压减代课教师'), {
    description: '期间内登记、计划下一阶段压减的代课教师。',
  }),
  indicator(
    'social_aid_students',
    '社会扶贫助学资助人数',
    '人',
    records('student_aid', 'distinct', { field: 'student_id', dateField: 'aided_on', filters: [eq('type', '社会扶贫助学')] }),
  ),
  indicator(
    'education_aid_students',
    '教育助学和雨露计划资助人数',
    '人',
    records('student_aid', 'distinct', { field: 'student_id', dateField: 'aided_on', filters: [oneOf('type', ['教育助学', '雨露计划'])] }),
  ),
  indicator('student_aid_amount', '学生资助金额', '元', records('student_aid', 'sum', { field: 'amount', dateField: 'aided_on' }), {
    scale: 'wan',
    decimals: 2,
  }),
];
