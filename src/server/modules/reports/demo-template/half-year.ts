// The demo township's half-year work report as a template (key `half-year`): the six sections of the 2022 report
// (../shared/seed/half-year-report-2022.txt) in the project's own words, with a placeholder for every figure that
// docs/report-mapping.md says Zhenwu holds. Rows the mapping calls "text" are plain wording here.

/** Options shared by the placeholders of one record, so a project's figures cannot drift apart. */
const HYDROGEN = 'where=name~氢-农业';
const YUJIAN = 'where=name~峪涧麋峰';
const SHINIUCHONG = 'where=name~石牛冲';
const ASPHALT = 'where=type:沥青路面,stage:在建';
const PUMPED_STORAGE = '玉池抽水蓄能电站服务保障';
const REVIEW_TASK = '迎接玉池抽水蓄能电站三大专题现场评审 node=迎接三大专题现场评审';
/** 亩 → 万平方米: ×666.67 ㎡, then in 万. */
const MU_TO_WAN_M2 = 'times=666.67 scale=万';

const BODY = [
  '# {{township unit}}{{date period}}工作汇报',
  '',
  '今年是党的二十大召开之年，是“十四五”规划承前启后的关键一年，也是开启全面建设社会主义现代化国家新征程的打基础之年。{{date period}}，{{township name}}紧紧抓住抽水蓄能电站这一百年难遇的重大项目落地机遇，对标市委“{{township campaign}}”争先创优目标，坚持“{{township motto}}”工作总方针，奋力建设更高质量的生态{{township short}}、平安{{township short}}、文化{{township short}}、幸福{{township short}}。现将有关工作情况汇报如下。',
  '{{date period format=year}}年，{{township name}}确定的工作目标是建设更高质量的生态平安文化幸福{{township short}}。在发展要求上，突出开放开明、善作善成、创先争优：优化环境、创新理念、全面融入长沙发展，转变作风、踔厉奋发、抓好落实，单项工作争先进、整体工作夺红旗。在发展路径上，坚持“一三五”思路：建强一支镇村组党员干部队伍；规范发展麻石产业、全力服务能源产业、做大做强农旅产业三大产业；实施基础建设、教育振兴、基层治理、财源建设、生态建设五个三年行动。在工作机制上，将机关干部编为四个大组、十六个小组，实行组线包村，由党政负责干部担任组长，另选派十六名骨干干部充实联村力量，指导村干部合理分工，推动各项工作有序落地。围绕六个方面，全镇抓发展、强落实，主要做了以下工作。',
  '',
  '## 一、围绕“方向更明”，全力攻坚“三个一”',
  '为贯彻市委“抓住一大重点、突破一个难题、推动一项创新”的争先创优“{{township campaign}}”行动部署，镇里组建由党委书记、镇长牵头的工作专班，逐项研究行动内容，按照任务清单化、时限节点化、目标清晰化的要求制定专项工作方案，以推进工作、推动发展、激发活力、干出成效为目标，推动“三个一”行动落地落实。',
  '### （一）抓住一大重点：服务玉池抽水蓄能电站建设',
  `今年全镇的头号重点，是集中全镇力量服务玉池抽水蓄能电站建设，确保电站顺利完成可行性研究，力争年内完成招投标并启动征地拆迁。我们以更高的站位、更实的作风、更快的效率，协调服务好平硐开挖、材料运输、爆破影响等各项事务。截至目前，平硐勘探累计进尺{{project ${PUMPED_STORAGE} figure=总进尺}}米，其中主洞{{project ${PUMPED_STORAGE} figure=主洞}}米、支洞{{project ${PUMPED_STORAGE} figure=支洞}}米。下水库至S308衔接道路和库区间连接公路的初步规划已经完成，移民安置规划同步编制，涵盖地理位置、环境容量、生产规划、迁建规划和移民补偿投资等内容。{{task ${REVIEW_TASK} format=month}}月{{task ${REVIEW_TASK} format=day}}日，电站建设征地移民安置、水土保持、环境影响三大专题现场评审在我镇进行，全镇各组线、各村和各部门单位服从市委市政府及能源指挥部统一调度，保障评审工作圆满完成。`,
  '### （二）突破一个难题：推动绿色建材产业园取得实质进展',
  '我镇把推动绿色建材产业园建设作为今年要突破的难题，目标是完成园区规划选址和招商引资，用足用活政策，引导分散经营的麻石加工企业集中入园，根治“小散乱”问题，推动麻石产业转型升级。目前园区选址已经确定，用地调规正在推进，经与发改部门衔接，已争取调规指标{{project 绿色建材产业园 figure=取得}}余亩；同时与{{value building_materials_talks}}家国内建材行业大型企业开展前期洽谈，初步形成合作意向。',
  '### （三）推动一项创新：撤并村民小组，探索基层治理新路子',
  '我镇确定的创新事项是探索基层治理新模式。镇里引导各村结合实际撤并村民小组，拟将全镇{{merge groups_before}}个村民小组整合为{{merge groups_planned}}个左右，以村为主体、以组为单位聘用网格员，打造人人有责、人人尽责、充满活力、运转高效的基层社会治理共同体。经过充分的前期准备，这项工作已在全镇全面推开：按照计划，全镇{{merge groups_before}}个村民小组将合并为{{merge groups_planned}}个；参与合组的{{merge villages}}个村中，已有{{merge villages_done}}个村全面完成合组，累计撤并小组{{merge merged}}个，完成进度{{merge progress}}%。',
  '',
  '## 二、围绕“基础更实”，夯实基层党建',
  '深入开展“四亮创建”活动。紧扣疫情防控、森林防灭火、违规墓地整治、防溺水等中心任务，{{date period}}共组织主题党日活动{{value theme_days_held}}次，把各级党组织和广大党员的力量凝聚到中心工作上来。玉池山村围绕防返贫监测、志愿服务、联络在外乡友等重点任务，组建“妇女工作队”{{value women_work_teams}}支，选拔有决心、有爱心、有公心的女党员担任队长，做到中心工作推进到哪里，党旗就飘扬到哪里，组织保障就跟进到哪里。',
  '从严从实管党治党。重新制定出台《机关管理制度》，对考勤、财经管理、公务接待、集中学习等方面作出明确规定，把纪律和规矩挺在前面，机关带头守规矩，带动全镇党员干部严守廉洁纪律、群众纪律、工作纪律和生活纪律，让铁的纪律内化为日常习惯。',
  '',
  '## 三、围绕“实力更强”，聚焦发展强产业',
  '始终把产业发展作为工作主线，推动镇域经济高质量发展。{{date period}}，全镇土地流转面积{{growth land_transferred}}，早稻种植面积{{growth early_rice_sown_area}}，农业、农旅和项目建设齐头并进。',
  '### （一）农业基础不断夯实',
  '截至{{date asof}}，全镇共流转土地{{value land_transferred}}亩，其中耕地{{value land_transferred_cultivated}}亩、林地{{value land_transferred_forest}}亩，流转耕地占计税总面积的{{value land_transferred_taxable_share}}%；与上年同期相比，流转面积净增{{value land_transferred_yoy_increase}}亩，增幅达{{value land_transferred_growth}}%，今年新增的流转面积已超过此前多年流转面积的总和。依托土地规模流转，全镇早稻集中育秧{{value early_rice_seedling_area}}亩，早稻种植总面积达到{{value early_rice_sown_area}}亩，上年同期为{{value early_rice_sown_area period=ly}}亩。',
  `在燕塘村引进中新农科院建设“氢-农业”示范项目，计划总投资{{field industry_projects.planned_investment ${HYDROGEN}}}万元，用地{{field industry_projects.land_area ${HYDROGEN} ${MU_TO_WAN_M2}}}万㎡、试验田{{field industry_projects.trial_area ${HYDROGEN} ${MU_TO_WAN_M2}}}万㎡，重点研究氢水在农业灌溉和滴灌中的应用，改良土壤性状，提升农产品品质。`,
  '在市农业农村局指导下，{{field crop_planting.village where=grower~万平大棚}}合作社启动“万平大棚计划”，大棚集中育秧{{value greenhouse_seedling_area}}亩；育秧结束后接茬种植高档大红椒{{value greenhouse_pepper_area}}亩，预计亩产{{value pepper_yield_min_qianjin}}至{{value pepper_yield_max_qianjin}}千斤，平均每斤收益约{{value pepper_price_avg}}元，预计可实现经济效益{{value pepper_expected_income}}万元。下一步计划再建2至3处“万平大棚”，逐步覆盖全镇。',
  `推进农旅融合发展。桥坪村借助宅基地制度改革，盘活万家湾组闲置宅基地{{field industry_projects.land_area ${YUJIAN} approx=10}}余亩，建设“峪涧麋峰”项目，计划投资{{field industry_projects.planned_investment ${YUJIAN} scale=万}}亿元发展民宿和文旅，第{{field industry_projects.phase ${YUJIAN}}}期{{field industry_projects.phase_investment ${YUJIAN}}}万元正在建设，土地平整和樱花、桃树等景观苗木栽植已经完成，旧民宅改造装修正在推进。{{field industry_projects.village ${SHINIUCHONG}}}通过土地流转，把石牛冲{{value land_transferred_to_yuchi_shanju approx=10}}余亩土地流转给玉池山居旅游发展有限公司开发民宿、农家乐，项目一期投资{{field industry_projects.phase_investment ${SHINIUCHONG}}}万元，已开工建设。达摩岭村克服地处山区、产业基础薄弱的困难，引进能人大户租用村内闲置住房，开发本地蜂蜜、笋干、云雾野茶等农特产品，预计每年可为村集体增收{{field industry_projects.collective_income where=name~达摩岭}}万元。`,
  '### （二）营商环境持续优化',
  '开展干部联企业行动，走访辖区内{{value large_enterprises_visited}}家大型企业，摸清企业生产经营状况和突出困难，帮助协调解决实际问题；{{value commerce_projects_started}}家签约多年、因群众纠纷迟迟未能落地的加油站今年顺利开工，惠企助企政策落地见效，市场主体稳定发展。',
  '### （三）项目建设扎实推进',
  '在深入调研、摸清底数的基础上，建立{{township name}}重点工程项目“龙虎榜”，梳理出重点工程项目{{project count}}项（见附表），每个项目都明确了责任党政班子成员、责任组线和所在村，按季度分解阶段任务，要求责任同志练就“盯”项目的韧劲、“跟”项目的本领和“谈”项目的水平，力促{{project count}}个项目全部落地见效。',
  '',
  '## 四、围绕“底线更牢”，守土尽责保平安',
  '以更高的政治站位、更严的工作标准、更细的工作举措，毫不动摇守牢各项底线。',
  '### （一）凝心聚力抓好疫情防控',
  '今年“奥密克戎”疫情发生以来，镇党委、政府高度重视，书记、镇长每天亲自调度，通报当天疫苗接种情况，部署次日工作任务。{{date period}}共召开疫情防控专题会议{{value epidemic_meetings}}次，逐级分解任务、传导压力，形成联村干部、村干部、党小组长齐抓共管的防控格局。在摸清底数的基础上多措并举筑牢防线，开展集镇片区督查{{value epidemic_inspections}}次、全镇志愿者劝导活动{{value vaccination_persuasion_actions}}次，逐户上门动员接种。加强针昨日接种{{value booster_doses period=yesterday}}剂，近7日累计接种{{value booster_doses period=last7}}剂，近7日接种进度靠前的是{{top booster_doses period=last7 n=3}}；60岁以上人群接种任务{{value vaccination_target_60}}人，已完成{{value first_doses_60_done}}人，完成率{{value vaccination_60_completion}}%。同时主动摸排返乡人员，全面推广场所码，每周组织机关干部职工开展全员核酸检测。',
  '### （二）常抓不懈守牢安全生产',
  '按照上级部署和我镇实际，安全生产组开展“小火亡人”和一氧化碳中毒大排查、大管控，对特殊人群实行精准监控，建立排查管控台账；加强企业复工复产检查和工贸企业安全生产检查，压实企业主体责任；开展校园及校车安全大检查，组织校车驾驶员培训，排查整改隐患{{value school_bus_hazards}}处；加大交通安全执法和宣传力度，联合交警五中队、镇执法大队开展集中执法行动{{value traffic_enforcement_actions}}次，拘留{{value traffic_detained}}人，暂扣摩托车、电动车{{value vehicles_seized}}台；烟花爆竹打非禁燃巡查和宣传常态化开展，组织巡查{{value fireworks_patrols}}次，下发收缴清单{{value fireworks_seizure_lists}}份。',
  '### （三）闻令而动抓实防汛抗旱',
  '汛期期间，全镇干部职工主动放弃端午假期，全镇{{value small_reservoirs}}座小（一）型、小（二）型水库实行{{value reservoir_duty_hours}}小时专人值守，累计转移地质灾害点和风险区群众{{value evacuated_households}}户{{value evacuated_people}}人；针对高山挂壁水库防汛，累计清淤砍青{{value channel_cleared_length}}公里，整治风险隐患{{value reservoir_hazards_rectified}}处，切实保障人民群众生命财产安全。',
  '### （四）不留死角抓细自建房排查',
  '深入贯彻习近平总书记重要指示精神，坚持人民至上、生命至上，对全镇城乡居民自建房开展拉网式、地毯式、全覆盖排查整治，{{date period}}共召开专题会议{{value house_safety_meetings}}次，全体镇村干部放弃周末休息下沉一线。截至目前，全镇（含玉池林场）{{value houses_inspected}}栋房屋的排查任务已全部完成，为下一步整治打下坚实基础。',
  '',
  '## 五、围绕“生态更美”，标本兼治优环境',
  '### （一）生态环境持续向好',
  '全面落实林长制，规范林长和护林员巡林，深入开展“虎威行动”，严格落实森林督查图斑整改，严厉打击侵占林地、毁坏林木行为；加强森林防火宣传，严防一般及以上森林火灾，松材线虫病防治稳步推进，“山有人管、林有人护、火有人防、责有人担”的管护格局基本形成。深入推进2022年污染防治攻坚战“夏季攻势”，加强饮用水水源保护地日常监管，常态化巡河，依法严厉打击非法采砂；统筹推进工矿企业、城镇生活、畜禽养殖、水产养殖和农业面源污染治理，严把新建项目环境准入关，坚决取缔不符合产业政策、严重污染水环境的“十小”企业，推进重点行业清洁化改造。着力防范化解重大环保督察和信访风险，跟踪协调泉昇帮农猪场问题，加强望塔水库、谭公塘水库饮用水水源地巡查，监测养殖业氮磷排放，严厉整治矿山、麻石厂、镜片厂等企业乱排乱堆乱放，严防重大环境事故发生。全镇种植油茶等经济林约{{value trees_planted scale=万 approx=1:nearest}}万株、{{value forest_planted_area approx=10}}余亩，欧投森林提质项目已完成前期选址，后续工作正在跟进。',
  '### （二）人居环境不断改善',
  '城乡生活垃圾一体化清运市场化运作在全镇推开，按照“户分类、村收集、镇转运、市处理”的模式，从源头管控生活面源污染。今年新建燕塘村垃圾中转站{{value garbage_stations_built}}个，新增垃圾投放点{{value garbage_points_added approx=10}}余个，整治违规垃圾点{{value illegal_dumps_cleared}}处，垃圾收运能力明显提升。建成高家坊污水处理厂，完成三姊污水处理一期工程，新敷设污水管网{{value sewage_pipe_length}}公里，新增日处理污水能力{{value sewage_capacity}}立方米，覆盖人口{{value sewage_people_served scale=万 dp=2}}万人。美丽乡村建设逐步铺开，计划在三姊村打造秀美屋场{{value beautiful_hamlets_planned unit=三姊村}}个、燕塘村{{value beautiful_hamlets_planned unit=燕塘村}}个；整治房前屋后小微黑臭水体，完成农村改厕{{value toilets_renovated}}户；完成危房改造{{value dilapidated_houses_renovated}}户，部分群众住房条件得到改善。',
  '### （三）控违拆违成效明显',
  '国土、规划、执法等部门加强沟通、共享信息，加大全镇日常巡查力度，畅通群众举报渠道，开通镇、村24小时举报电话，对违法建设做到早发现、早到场、早处置，全方位、立体化的举报监督网络初步形成。通过集中清理整治，依法强制拆除存量违法建筑，依法查处新增违法建设。今年以来共组织集中行动{{value demolition_actions period=year}}次，拆除存量违法建筑{{value existing_illegal_buildings_demolished period=year}}栋、新增违章建筑{{value new_illegal_buildings_demolished period=year}}起，拆除面积{{value illegal_building_area_demolished period=year approx=100}}余平方米。',
  '### （四）违规墓地整治有序推进',
  '全面开展违规墓地整治，从严治理乱埋乱葬。通过讲透决心、讲透政策、讲透利弊，引导群众走“自主配合、自发整治、自愿行动”的绿色整治路子，最大限度保护墓地周边自然生态，有力遏制违规建坟行为，树立文明节俭的丧葬新风。全镇已拆除活人墓{{value living_tombs_removed}}座并全部通过验收；整治已葬墓{{value buried_tombs_remediated}}座，其中迁移{{value buried_tombs_relocated}}座、拆除{{value buried_tombs_demolished}}座，整治区域同步复垦复绿，迁坟腾地服务经济建设和乡村振兴。',
  '',
  '## 六、围绕“满意更多”，真抓实干惠民生',
  '### （一）教育事业蓬勃发展',
  '积极响应汨罗市教育基金会倡议，广泛发动镇村党员干部、企业家、部门单位、乡友乡贤和社会爱心人士捐资助学，已筹集教育资金{{value education_funds_raised scale=万 approx=1}}余万元。加强教师队伍建设，{{date period}}压减代课教师{{value substitute_teachers_cut}}名，新招聘年轻教师{{value teachers_recruited}}名，预计下半年还可压减代课教师{{value substitute_teachers_to_cut}}名。多方筹措资金改善办学条件，启动{{project 青江学校}}、{{project 川山坪中学运动场}}、{{project 川山坪中学校门改造}}、{{project 万家小学食堂}}等项目建设，其中青江学校一期年内建成，其余项目年内可全部完工。资助社会扶贫助学对象{{value social_aid_students}}人、教育助学和雨露计划对象{{value education_aid_students}}人。',
  '### （二）基础设施建设有力推进',
  `全镇完成道路硬化{{value roads_hardened}}公里、提质改造{{value roads_upgraded}}公里，{{field road_works.village ${ASPHALT}}}正在修建该村第一条沥青公路，全长{{field road_works.length ${ASPHALT}}}公里。完成{{value reservoirs_reinforced}}座水库除险加固，计划新增除险加固水库{{value reservoirs_reinforcement_planned}}座；芭蕉水示范河段建设已经开工，范围为芭基桥上游{{project 芭蕉水示范河段 figure=上游}}米至下游{{project 芭蕉水示范河段 figure=下游}}米。`,
  '### （三）民生保障落实到位',
  '对全镇{{value households_checked approx=10}}余户、{{value household_check_people approx=10}}余人的低保户、监测户和低保申请户逐户入户调查、核算家庭收入，做到精准救助；累计救助{{value assistance_recipients approx=10}}余人，发放救助资金{{value assistance_paid scale=万 approx=1}}余万元。社会保险方面，截至{{date asof}}，全镇完成{{date period format=year}}年度城乡居民养老保险缴费{{value pension_contributors period=year approx=100}}余人、生存认证{{value survival_checks period=year approx=100}}余人，追回死亡后多领冒领、企保居保重复领取、异地重复领取的社保基金{{value fund_recovery_people}}人{{value fund_recovered}}元；完成城乡居民医疗保险缴费{{value medical_insurance_paid period=year}}人，为困难群体办理医保全免、半免缴费退费{{value medical_refunds period=year}}人，完成异地就医一类、二类困难群体医疗救助{{value medical_aid_remote period=year}}人。对{{value full_employment_villages}}个充分就业村的{{value labor_force scale=万 approx=0.1}}万余名劳动力开展就业状况摸排登记，为有就业、培训意愿的人员提供针对性服务，成功申报“五类人员”创业补贴{{value five_groups_startup_subsidies}}户、小微企业创业贴息贷款{{value startup_loans approx=10}}余户。',
  '### （四）乡村振兴稳步推进',
  '健全防止返贫动态监测和帮扶机制，结合“三大排查”行动，对照各类重点人群和风险情形应纳尽纳，将{{value monitored_households}}户{{value monitored_people}}名易返贫致贫人口纳入监测范围，实行动态监测、精准帮扶。开发公益性岗位{{value public_welfare_posts}}个并全部安排到位；建成扶贫车间{{value poverty_workshops}}个，吸纳脱贫劳动力{{value workshop_poor_workers}}人，人均月工资超过{{value workshop_avg_wage approx=100}}元；举办“春风送暖，就业先行”专场招聘会，组织{{value job_fair_poor_participants approx=10}}余名脱贫群众参加，多渠道促进就业。针对农副产品销售难，镇村干部主动帮销代售，发动驻村后盾单位和各级企事业单位参与，完成消费扶贫{{value consumption_support_amount scale=万 dp=1}}万元。延续产业帮扶利益联结机制，依托本地企业和合作社带动，{{value dividend_households approx=10}}余户享受产业项目分红。全镇现有驻村后盾单位{{value support_units}}个、驻村队员{{value support_team_members}}名，“一对一”结对帮扶实现全覆盖。',
  '',
  '以上成绩的取得，得益于市委、市政府和镇党委的坚强领导。{{date period format=year}}年下半年，{{township name}}上下将大力弘扬“砥砺求索的求索精神、团结拼搏的龙舟精神、负重奋进的骆驼精神”，以敢闯的精神、敢创的劲头、实干的作风，坚决完成市委、市政府交办的中心工作和重点任务，努力把{{township short}}的各项工作做到让上级肯定、让社会认同、让群众满意，以优异成绩迎接党的二十大胜利召开！',
  '',
  '{{table projects caption="附表：重点工程项目“龙虎榜”"}}',
].join('\n');

export const HALF_YEAR_TEMPLATE = {
  key: 'half-year',
  name: '半年工作汇报',
  description: '全镇上半年（或全年）重点工作汇报，六个部分，附重点工程项目“龙虎榜”附表；选择村（社区）即为该村的工作小结。',
  body: BODY,
};

/** The township's profile the template quotes (简称, 四个“更高质量”的目标, 工作总方针, 市委行动). */
export const DEMO_PROFILE = { short: '川山坪', goal: '生态平安文化幸福川山坪', motto: '生态优先、稳中求进、产业富民、融长发展', campaign: '三个一' };
