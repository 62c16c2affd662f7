// The demo cadre organisation of 川山坪镇, as the 2022 half-year report describes it: "将机关干部分为四个大组
// 十六个小组，采取组线包村的形式" — 4 big groups led by the principal leaders, 16 small groups each led by a
// 党政负责干部 and covering the villages, plus the work lines with their responsible leaders.
// Fixed lists, no randomness: the demo is the same on every machine.
import type { ServiceContext } from '../src/server/http/context.js';
import { createGroup, setMembers, setVillages } from '../src/server/modules/cadre/index.js';
import { createWorkLine } from '../src/server/modules/cadre/index.js';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六'];

type Person = [name: string, position: string];

// Each big group: its leader, then its own members (the small-group leaders sit in the small groups).
const BIG_GROUPS: Person[][] = [
  [
    ['李建国', '党委书记'],
    ['黄志明', '党政办主任'],
  ],
  [
    ['王志强', '镇长'],
    ['谢丽华', '财政所所长'],
  ],
  [
    ['刘卫东', '党委副书记'],
    ['彭海燕', '综治办主任'],
  ],
  [
    ['陈国华', '人大主席'],
    ['邓小军', '社会事务办主任'],
  ],
];

const SMALL_GROUP_LEADERS: Person[] = [
  ['张文军', '常务副镇长'],
  ['杨红梅', '纪委书记'],
  ['赵德明', '组织委员'],
  ['吴海波', '宣传委员'],
  ['周立新', '武装部长'],
  ['徐建华', '副镇长'],
  ['孙志刚', '副镇长'],
  ['胡晓东', '副镇长'],
  ['朱永清', '政法委员'],
  ['高春花', '统战委员'],
  ['林益民', '人大副主席'],
  ['何卫平', '党委委员'],
  ['郭爱华', '纪委副书记'],
  ['马湘平', '党建办主任'],
  ['罗国平', '经管站站长'],
  ['梁建军', '应急管理办主任'],
];

const MEMBER_NAMES = [
  '宋振华',
  '郑丽娟',
  '唐勇',
  '冯静',
  '韩磊',
  '曹秀兰',
  '袁涛',
  '邓艳',
  '许明辉',
  '傅娜',
  '沈超',
  '曾桂英',
  '彭洋',
  '吕敏',
  '苏杰',
  '卢芳',
  '蒋平',
  '蔡霞',
  '贾刚',
  '丁娟',
  '魏小红',
  '薛强',
  '叶文静',
  '余德胜',
  '潘丽',
  '杜建平',
  '戴湘君',
  '夏志勇',
  '钟玉兰',
  '汪涛',
  '田春燕',
  '任志华',
  '姜敏',
  '范立军',
  '方红霞',
  '石磊',
  '姚丽萍',
  '谭湘云',
  '廖伟',
  '邹建新',
  '熊芳',
  '金晓燕',
  '陆国强',
  '孔德华',
  '白雪梅',
  '崔宏伟',
  '毛新民',
];
const MEMBER_POSITIONS = [
  '党政办干部',
  '经管站干部',
  '民政专干',
  '应急办干部',
  '卫健办干部',
  '自然资源所干部',
  '水利站干部',
  '综治办干部',
  '林业站干部',
  '农业综合服务中心干部',
  '退役军人服务站干部',
  '财政所干部',
  '司法所干部',
  '文化站干部',
  '城建办干部',
  '社保站干部',
  '乡村振兴办干部',
  '党建办干部',
  '团委书记',
  '妇联主席',
];
// Members per small group besides its leader (2–4), 47 in all.
const MEMBER_COUNTS = [3, 2, 4, 3, 2, 3, 4, 2, 3, 3, 2, 4, 3, 2, 3, 4];

const WORK_LINES: [name: string, leaderName: string, description: string][] = [
  ['疫情防控', '王志强', '疫苗接种、重点人员排查、返乡人员健康管理'],
  ['安全生产', '张文军', '安全生产大排查大整治，自建房、燃气、道路交通和消防安全'],
  ['防汛抗旱', '周立新', '汛期值班值守、山塘水库巡查、抗旱保供水'],
  ['生态环保', '徐建华', '河长制、林长制、禁燃禁烧、环保督察问题整改'],
  ['人居环境', '何卫平', '农村人居环境整治、厕所革命、垃圾分类与清运'],
  ['乡村振兴', '刘卫东', '巩固拓展脱贫攻坚成果、防返贫动态监测与帮扶'],
  ['民生保障', '胡晓东', '低保特困、医保社保参保、残疾人和困难群众救助'],
  ['教育', '高春花', '控辍保学、校园及周边安全、学生资助'],
  ['党建', '赵德明', '基层党组织建设、党员发展教育管理、村级组织运转'],
  ['产业发展', '孙志刚', '招商引资、重点项目建设、茶叶油茶等特色产业'],
];

export interface DemoSmallGroup {
  id: number;
  name: string;
  /** The group's leader, e.g. for the display name of the demo group-leader account. */
  leaderName: string;
}

/**
 * Creates the groups, members, covered villages and work lines through the cadre services (so each write is
 * validated and audited like a user's). Villages are dealt out in turn, so with 17 villages the first small
 * group covers two. Returns the small groups, in order.
 */
export async function seedDemoCadre(ctx: ServiceContext, villageCodes: string[]): Promise<DemoSmallGroup[]> {
  const smallGroups: DemoSmallGroup[] = [];
  let nextMember = 0;
  for (const [b, [leader, ...others]] of BIG_GROUPS.entries()) {
    const big = await createGroup(ctx, { name: `第${NUMERALS[b]}大组`, kind: 'big' });
    await setMembers(ctx, big.id, [
      { name: leader[0], position: leader[1], isLeader: true },
      ...others.map(([name, position]) => ({ name, position, isLeader: false })),
    ]);
    for (let s = b * 4; s < b * 4 + 4; s++) {
      const small = await createGroup(ctx, { name: `第${NUMERALS[s]}小组`, kind: 'small', parentId: big.id });
      const [name, position] = SMALL_GROUP_LEADERS[s];
      const members = [{ name, position, isLeader: true }];
      for (let m = 0; m < MEMBER_COUNTS[s]; m++, nextMember++) {
        members.push({ name: MEMBER_NAMES[nextMember], position: MEMBER_POSITIONS[nextMember % MEMBER_POSITIONS.length], isLeader: false });
      }
      await setMembers(ctx, small.id, members);
      await setVillages(
        ctx,
        small.id,
        villageCodes.filter((_, v) => v % SMALL_GROUP_LEADERS.length === s),
      );
      smallGroups.push({ id: small.id, name: small.name, leaderName: name });
    }
  }
  for (const [name, leaderName, description] of WORK_LINES) {
    await createWorkLine(ctx, { name, leaderName, description });
  }
  return smallGroups;
}
