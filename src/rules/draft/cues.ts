// The drafter's knowledge of how Chinese health notices are written: facility types, tiers and roles,
// contact labels, page furniture, organ names. General vocabulary of the health system and of news pages,
// never the words of one notice. Matched against NFKC-normalised, simplified text.

/** Endings of a facility's name; a name is a proper prefix plus one of these (longest first). */
export const FACILITY_SUFFIXES = [
  '妇幼保健计划生育服务中心',
  '计划生育服务中心',
  '社区卫生服务中心',
  '社区卫生服务站',
  '卫生服务中心',
  '卫生服务站',
  '中心卫生院',
  '人民医院',
  '中医医院',
  '中医院',
  '妇幼保健院',
  '妇幼保健所',
  '妇幼保健站',
  '保健院',
  '医学中心',
  '医疗中心',
  '康复中心',
  '卫生院',
  '卫生室',
  '医院',
  '门诊部',
  '诊所',
  '医务室',
  '方舱医院',
];

/** Parts of a hospital that continue its name (江城市医院高新区院区, 某医院东院区). */
export const BRANCH_SUFFIXES = ['院区', '分院', '院部', '分部'];

/**
 * Tiers and kinds of facility that a notice names without a proper name (乡镇卫生院, 村卫生室): drafted as
 * generic facilities. `variants` are other spellings of the same tier, merged into one facility.
 */
export const TIER_NOUNS: { name: string; variants: string[] }[] = [
  { name: '社区卫生服务中心', variants: [] },
  { name: '社区卫生服务站', variants: [] },
  { name: '乡镇卫生院', variants: ['乡镇（街道）卫生院', '乡镇(街道)卫生院'] },
  { name: '村卫生室', variants: ['村诊所'] },
  { name: '基层医疗卫生机构', variants: ['基层医疗机构'] },
  { name: '发热哨点诊室', variants: ['发热哨点'] },
  { name: '发热诊疗站', variants: [] },
  { name: '临时医疗点', variants: ['临时医疗服务点'] },
  { name: '县级医院', variants: ['县级综合医院'] },
  { name: '方舱医院', variants: [] },
];

/** Regex source: a tier by level (二、三级定点医院, 二级及以上医院, 二级及以上综合性医院, 三级医院). */
export const LEVEL_TIER = '(?:[一二三]、)?[一二三]级(?:及以上|以上)?(?:综合性|综合|专科|公立|定点)*(?:医院|医疗机构)';

/**
 * Role words: what a facility is *for* in this notice. Drafted as a generic facility only when the notice
 * designates no named facility in that role (a provincial plan's 定点医院、亚定点医院).
 */
export const ROLE_NOUNS = ['定点医院', '亚定点医院'];

/** Words that qualify a facility noun without naming one (后备医院, 上级医院, 城乡医院, 二甲公立医院). */
export const GENERIC_MODIFIERS = new Set([
  '后备', '定点', '亚定点', '指定', '上级', '下级', '大', '小', '城乡', '城市', '农村', '省内', '市内', '县内', '区内', '辖区', '属地',
  '综合', '综合性', '专科', '基层', '公立', '民营', '私立', '二甲', '三甲', '二级', '三级', '一级', '附近', '周边', '就近', '对口', '帮扶',
  '牵头', '县域', '医共体', '医联体', '县级', '市级', '省级', '区级', '乡级', '村级', '其他', '其它', '相关', '有关', '所在', '各级', '各类',
  '各', '本', '该', '我市', '我区', '我县', '全市', '全区', '全县', '本市', '本区', '本县', '上述', '以下', '下列', '原', '新', '备用', '收治',
  '救治', '隔离', '实施', '治疗', '就诊', '接诊', '外地', '本地', '异地', '医疗', '一般', '普通', '非', '第一', '第二', '第三', '第四', '第五',
]);

/** Tokens that end a facility name when walking back from its suffix (verbs, prepositions, particles). */
export const NAME_STOPS = new Set([
  '为', '是', '与', '和', '及', '或', '到', '至', '在', '由', '向', '对', '从', '将', '把', '被', '经', '往', '去', '了', '的', '等', '并', '但',
  '需', '要', '可', '请', '送', '接', '赴', '选', '即', '则', '于', '以', '如', '若', '也', '都', '均', '已', '所', '其', '之', '上', '下',
  '联系', '预约', '前往', '启动', '启用', '安排', '转入', '转至', '转诊', '送至', '接送', '协调', '签订', '就诊', '就医', '设在', '位于',
  '作为', '确定', '指定', '选择', '包括', '分别', '以及', '或者', '同时', '通过', '利用', '依托', '按照', '根据', '报告', '提供', '开展',
  '有', '没有', '无', '按', '来', '进', '回', '住', '派', '让', '使', '给', '找', '看', '设', '建', '每', '共', '含', '像', '如同',
  '进行', '负责', '承担', '做好', '落实', '加强', '发挥', '形成', '建立', '组建', '遴选', '推动', '引导', '协助', '鼓励', '支持', '保障',
  '满足', '实行', '实施', '需要', '可以', '应当', '必须', '一律', '统一', '直接', '优先', '就近', '主动', '及时', '立即', '全部', '所有',
]);

/** Organ words: an issuer's name ends with one of these (领导小组办公室, 卫生健康局, 街道办事处). */
export const ORGAN_SUFFIX =
  /(?:办公室|办事处|人民政府|政府|委员会|卫生健康局|卫生健康委员会|卫健委|卫健局|卫生局|指挥部|领导小组|工作组|管理局|局|委|厅|中心|医院)$/;

/** A line that is page furniture of a news or government site, not the notice. */
export const CHROME =
  /当前位置|首\s*页\s*>|分享到|相关文章|热点图片|更多\s*>>|>>|友情链接|版权所有|技术支持|责任编辑|编辑\s*[:：]|关键词\s*[:：]|主管\s*[:：]|主办\s*[:：]|承办\s*[:：]|邮编|邮箱|E-?mail|QQ\s*[:：]|ICP|网备|备案号|[京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川贵云陕甘青蒙桂藏宁新][\u4e00-\u9fa5]{0,3}备\d|扫一扫|打印本页|关闭窗口|字体\s*[:：]|字号|浏览次数|阅读次数|点击数|上一篇|下一篇|返回顶部|爆料|新闻热线|广告热线|诚邀合作|通讯员|记者\s*[:：]|本文来源|免责声明|\s\.\.\.\s|\.\.\.\s*$|…\s*$/;

/** Labels before a number that say it is not a medical contact, with the reason a reviewer reads. */
export const NOT_MEDICAL: { re: RegExp; reason: string }[] = [
  { re: /QQ\s*群?\s*[:：号]?\s*$/i, reason: 'QQ number' },
  { re: /微信\s*[号群]?\s*[:：]?\s*$/, reason: 'WeChat account' },
  { re: /邮\s*编\s*[:：]?\s*$|邮政编码\s*[:：]?\s*$/, reason: 'postcode' },
  { re: /(?:ICP|网备|备案号?|[京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川贵云陕甘青蒙桂藏宁新][\u4e00-\u9fa5]{0,3}备)\s*[:：]?\s*(?:证\s*)?(?:字第?)?\s*$/i, reason: 'site registration (ICP) licence' },
  { re: /(?:新闻|报料|爆料)热线[^，。；,;]*$|新闻热线\s*[:：]?\s*\S*$/, reason: "news desk's line" },
  { re: /广告[^，。；,;]{0,6}$/, reason: 'advertising line' },
  { re: /传真\s*[:：]?\s*$/, reason: 'fax number' },
  { re: /(?:账号|帐号|卡号|户名)\s*[:：]?\s*$/, reason: 'account number' },
  { re: /(?:发行|订阅|读者|投稿)[^，。；,;]{0,8}$/, reason: "publication's line" },
];

/** Words in a number's clause that make it a medical or administrative contact of the notice. */
export const CONTACT_CUE = /电话|热线|拨打|呼叫|联系|咨询|值班|办公室|手机|座机|号码|预约|求助|急救|服务台|专线|联络/;

/** Short service numbers (emergency, government hotlines) kept only when the text dials them. */
export const SHORT_CODES = /^(?:120|110|119|122|12345|12320|12356|12315|12355|999|96120)$/;

/** Units after a number that make it a quantity, a date or a time rather than a phone number. */
export const QUANTITY_AFTER = /^\s*(?:\.\d|[％%‰]|[年月日号时点分秒周天岁个名人次位处家张床万亿元角辆台所项条份批例余多级倍米公里度期届批次户组支套种类]|小时|分钟|人次|余人|多人|万人|平方)/;

/** Labels of a phone (what the notice says it is for), with the contact kind they imply. */
export const PHONE_LABELS: { re: RegExp; label: string; kind: 'office' | 'duty' | 'hotline' }[] = [
  { re: /值班/, label: '值班', kind: 'duty' },
  { re: /办公室|办公/, label: '办公室', kind: 'office' },
  { re: /急救|120/, label: '急救电话', kind: 'hotline' },
  { re: /咨询|热线|服务电话|求助|专线/, label: '咨询', kind: 'hotline' },
  { re: /预约/, label: '预约', kind: 'hotline' },
];

/** Roles a person's name may carry (康复治疗师, 医务科负责人). */
export const PERSON_ROLE = /(?:[\u4e00-\u9fa5]{0,6}(?:治疗师|医师|医生|大夫|护士长|护士|主任|副主任|科长|院长|站长|所长|负责人|专员|联络员|联系人|网格员|干事|工作人员|办理人员|人员|书记|队长|组长))$/;

/** Common family names (one or two characters): a 2–4 character span starting with one is read as a person. */
export const SURNAMES = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝',
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '夏侯', '长孙', '宇文', '司徒', '端木',
]);

/** Words that open an item's label as the notice's list of who or what (“孕产妇：”, “血液透析患者定点医院：”). */
export const DESIGNATION_CUE = /定点|指定|收治|救治|诊疗|就诊|就医|医院|门诊|机构|诊室/;

/** Condition words of a backup's activation (在…时, 视…情况, 确有需要时). */
export const ACTIVATION_CONDITION = /时|情形|情况|视|需要|如|若|一旦|当|满/;

/** Paragraphs that introduce the notice rather than state a rule (…通知如下：, 提出以下意见). */
export const PREAMBLE = /如下\s*[:：]?\s*$|以下(?:意见|通知|事项)|特(?:此)?通(?:知|告)|请.{0,20}(?:贯彻执行|遵照执行|认真执行)/;

/** Document types that end a notice's title. */
export const DOC_TYPES = /(?:通知|通告|公告|意见|方案|办法|指南|须知|公示|说明|提示|告知书|规定|细则|措施|安排)$/;
