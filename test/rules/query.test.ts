import { loadRuleSet } from '../../src/rules/load';
import {
  citation,
  emergencyRoute,
  escalationContact,
  expandGroup,
  fallbackBook,
  findContacts,
  findDesignations,
  findFacility,
  findGuidance,
  findLoadMark,
  findStats,
  resolvePlace,
} from '../../src/rules/query';
import { EMPTY_STATUS, type LiveStatus, type RuleBook } from '../../src/rules/types';
import { RULES_DIR } from '../support/rule-books';

const set = loadRuleSet(RULES_DIR);
const book = (id: string): RuleBook => set.byId.get(id)!;
const jj = book('jinjiang');
const xz = book('xinzhou');
const qx = book('quanxiu');
const yt = book('yantai');
const rural = book('rural');
const status = (facilities: LiveStatus['facilities']): LiveStatus => ({ facilities });

describe('resolvePlace', () => {
  const PLACES: Record<string, string[]> = {
    xinzhou: ['忻州', '忻州市', '忻府区', '原平市', '定襄县', '五台县', '代县', '繁峙县', '宁武县', '静乐县', '神池县', '五寨县', '岢岚县', '河曲县', '保德县', '偏关县', '忻府', '原平', '五台'],
    jinjiang: ['晋江', '晋江市', '安海镇', '磁灶镇', '东石镇', '内坑镇', '陈埭镇', '池店镇', '深沪镇', '金井镇', '英林镇', '龙湖镇', '永和镇', '紫帽镇', '西滨镇', '青阳街道', '梅岭街道', '西园街道', '罗山街道', '新塘街道', '灵源街道', '晋江经济开发区', '磁灶', '安海'],
    yantai: ['烟台', '烟台市', '芝罘区', '福山区', '牟平区', '莱山区', '蓬莱区', '烟台黄渤海新区', '黄渤海新区', '龙口市', '莱阳市', '莱州市', '招远市', '栖霞市', '海阳市', '长岛', '龙口'],
    quanxiu: ['泉秀街道', '泉秀', '泉州市丰泽区泉秀街道', '泉州丰泽区泉秀街道', '我在泉州丰泽区泉秀街道'],
    rural: ['农村', '我们在农村，离县城挺远'],
  };
  const rows = Object.entries(PLACES).flatMap(([loc, names]) => names.map((n) => [n, loc] as const));

  it.each(rows)('%s → %s', (text, locality) => {
    expect(resolvePlace(set, text).locality).toBe(locality);
  });

  it('covers every place each book lists, name and aliases', () => {
    for (const b of set.books) {
      for (const p of b.places) for (const n of [p.name, ...p.aliases]) expect(resolvePlace(set, n).locality).toBe(b.id);
    }
  });

  it('does not let a bare 泉州 or 丰泽区 claim the street: reported as partial', () => {
    for (const text of ['泉州', '我在泉州市', '丰泽区']) {
      const r = resolvePlace(set, text);
      expect(r.locality).toBeUndefined();
      expect(r.partial[0]?.localities).toContain('quanxiu');
    }
    expect(resolvePlace(set, '泉州').partial[0]?.localities.sort()).toEqual(['jinjiang', 'quanxiu']);
  });

  it('finds the place inside a sentence, with its canonical name', () => {
    const r = resolvePlace(set, '我父亲住在五台县，所在小区是封控区');
    expect(r).toMatchObject({ locality: 'xinzhou', ambiguous: false });
    expect(r.matches).toEqual([{ locality: 'xinzhou', name: '五台县', matched: '五台县', kind: 'county', start: 5 }]);
  });

  it('reports two localities as ambiguous, and prefers a specific book to the rural fallback', () => {
    expect(resolvePlace(set, '我在忻州，表姐在晋江')).toMatchObject({ ambiguous: true });
    expect(resolvePlace(set, '我在忻州，表姐在晋江').locality).toBeUndefined();
    expect(resolvePlace(set, '烟台海阳市的农村').locality).toBe('yantai');
  });

  it('resolves nothing for unknown places', () => {
    expect(resolvePlace(set, '北京朝阳区')).toEqual({ matches: [], ambiguous: false, partial: [] });
  });
});

describe('findDesignations: backups under live status', () => {
  const order = (st: LiveStatus, assumed: string[] = [], category = 'maternity') => {
    const [a] = findDesignations(jj, { category, audience: 'isolated' }, st, assumed).items;
    return { active: a?.active.map((f) => f.name), order: a?.facilities.map((f) => f.facility.name), a };
  };

  it('sends special targets to 晋江市医院 while it is open', () => {
    const r = order(EMPTY_STATUS);
    expect(r.active).toEqual(['晋江市医院']);
    expect(r.order).toEqual(['晋江市医院', '晋江市医院经济开发区院区', '东石中心卫生院', '内坑镇卫生院']);
    expect(r.a).toMatchObject({ backupActive: false, exhausted: false, unavailable: [] });
  });

  it.each([
    [['jj_hospital'], '晋江市医院经济开发区院区'],
    [['jj_hospital', 'jj_hospital_kfq'], '东石中心卫生院'],
    [['jj_hospital', 'jj_hospital_kfq', 'jj_dongshi'], '内坑镇卫生院'],
    [['jj_hospital', 'jj_dongshi'], '晋江市医院经济开发区院区'],
  ])('with %j full, %s is active and first', (full, active) => {
    const st = status(Object.fromEntries(full.map((id) => [id, { state: 'full' as const }])));
    const r = order(st);
    expect(r.active).toEqual([active]);
    expect(r.order?.[0]).toBe(active);
    expect(r.a?.backupActive).toBe(true);
    expect(r.a?.unavailable).toEqual(full);
    expect(r.a?.activation).toContain('按顺序启动第一、第二、第三后备医院');
  });

  it('takes what the user says is full (assumedFull, by name) on top of the live status', () => {
    const r = order(status({ jj_hospital: { state: 'full' } }), ['晋江市医院经济开发区院区']);
    expect(r.active).toEqual(['东石中心卫生院']);
  });

  it('treats a closed facility like a full one and reports when every one is unavailable', () => {
    const st = status({ jj_hospital: { state: 'closed' }, jj_hospital_kfq: { state: 'full' }, jj_dongshi: { state: 'full' }, jj_neikeng: { state: 'closed' } });
    const r = order(st);
    expect(r.active).toEqual([]);
    expect(r.a?.exhausted).toBe(true);
    expect(r.a?.facilities.map((f) => f.state)).toEqual(['closed', 'full', 'full', 'closed']);
  });

  it('dialysis: 磁灶中心卫生院, then 东石中心卫生院', () => {
    expect(order(EMPTY_STATUS, [], 'dialysis').active).toEqual(['磁灶中心卫生院']);
    expect(order(EMPTY_STATUS, ['磁灶中心卫生院'], 'dialysis').active).toEqual(['东石中心卫生院']);
  });

  it('carries the live load and note', () => {
    const [a] = findDesignations(jj, { category: 'fever' }, status({ jj_hospital: { state: 'open', load: 'red', note: '排队较长' } })).items;
    expect(a?.facilities[0]).toMatchObject({ state: 'open', load: 'red', note: '排队较长', active: true });
  });

  it('keeps every designated Xinzhou hospital active; a full one goes last', () => {
    const [a] = findDesignations(xz, { category: 'dialysis', audience: 'sealed_zone' }, status({ xz_peoples: { state: 'full' } })).items;
    expect(a?.active.map((f) => f.name)).toEqual(['忻州市中医医院']);
    expect(a?.facilities.map((f) => f.facility.name)).toEqual(['忻州市中医医院', '忻州市人民医院']);
  });

  it('returns both Xinzhou zones when the zone is unknown, flagged uniform', () => {
    const r = findDesignations(xz, { category: 'children' }, EMPTY_STATUS);
    expect(r.items).toHaveLength(2);
    expect(r.uniform).toBe(true);
    expect(r.missing).toEqual([]);
  });

  it('expands the special_target group', () => {
    const audiences = expandGroup(set.vocabulary, 'special_target');
    expect(audiences.sort()).toEqual(['close_contact', 'controlled_zone', 'isolated', 'red_code', 'sealed_zone', 'secondary_contact', 'yellow_code']);
    expect(findDesignations(jj, { category: 'oncology', audiences }, EMPTY_STATUS).items).toHaveLength(1);
    expect(expandGroup(set.vocabulary, 'red_code')).toEqual(['red_code']);
  });

  it('reports missing designations rather than borrowing another locality', () => {
    const ordinary = findDesignations(jj, { category: 'dialysis', audience: 'ordinary' }, EMPTY_STATUS);
    expect(ordinary.items).toEqual([]);
    expect(ordinary.missing[0]).toMatchObject({ locality: 'jinjiang', what: 'designation', designatedFor: expect.arrayContaining(['isolated']) });
    const prevention = findDesignations(xz, { category: 'dialysis', audience: 'prevention_zone' }, EMPTY_STATUS);
    expect(prevention.items).toEqual([]);
    const quanxiu = findDesignations(qx, { category: 'dialysis' }, EMPTY_STATUS);
    expect(quanxiu.missing[0]).toMatchObject({ locality: 'quanxiu', what: 'designation' });
    expect(quanxiu.missing[0]?.designatedFor).toBeUndefined();
  });
});

describe('findGuidance', () => {
  const steps = (b: RuleBook, topics: string[], extra: object = {}) =>
    findGuidance(b, { topics, ...extra }).items.flatMap((g) => g.steps).join('');

  it.each([
    [xz, ['care_route'], {}, ['网格员', '包片医务人员', '社区卫生服务中心（乡镇卫生院）', '二、三级定点医院']],
    [xz, ['transport'], {}, ['专用转运车', '点对点', '街道（乡镇）', '闭环管理']],
    [xz, ['emergency_route'], {}, ['告知网格员', '同时直接拨打120', '告知定点医院就诊人员管控情况', '专用车辆接回']],
    [xz, ['companion'], {}, ['一名48小时内核酸阴性人员', '相同隔离管控措施']],
    [xz, ['nat_admission'], {}, ['过渡病房', '立即进行核酸检测', '阴性后再入院']],
    [xz, ['nearby_care'], { audience: 'prevention_zone' }, ['就近、方便原则']],
    [jj, ['transport'], {}, ['市120急救指挥中心', '救护车', '接回所在隔离场所']],
    [jj, ['not_offered'], {}, ['医政科', '泉州市卫健委']],
    [jj, ['prescription'], {}, ['12周']],
    [jj, ['relocation'], { audience: 'ordinary' }, ['医共体总院工作组', '本医共体其他医疗机构', '市卫健局']],
    [jj, ['elective_surgery'], {}, ['解释沟通']],
    [qx, ['fever_rule'], {}, ['发热门诊的二级及以上医院']],
    [qx, ['hours'], {}, ['上至晚上9点']],
    [qx, ['home_nursing'], {}, ['导尿护理（限女性）', '二甲公立医院', '13559522818']],
    [yt, ['sentinel_clinic'], {}, ['152处', '网络、微信公众号']],
    [yt, ['referral'], {}, ['失能老人', '社区（村）和基层医疗卫生机构协助转诊']],
    [rural, ['tiered_care'], {}, ['乡镇卫生院', '基层首诊和居家治疗', '定点医院、亚定点医院的分类收治', '县域医共体牵头县级医院的重症救治', '转诊衔接']],
    [rural, ['fever_rule'], {}, ['乡镇卫生院发热诊室（门诊）']],
  ] as const)('%#: %j', (b, topics, extra, words) => {
    const text = steps(b, [...topics], extra);
    for (const w of words) expect(text).toContain(w);
  });

  it('leaves out entries limited to other audiences and reports topics it lacks', () => {
    expect(findGuidance(xz, { topics: ['nearby_care'], audience: 'sealed_zone' }).items).toEqual([]);
    const r = findGuidance(xz, { topics: ['companion', 'prescription'], audience: 'sealed_zone' });
    expect(r.items.map((g) => g.id)).toEqual(['companion']);
    expect(r.missing).toEqual([expect.objectContaining({ locality: 'xinzhou', what: 'guidance', query: { topic: 'prescription', audience: 'sealed_zone' } })]);
  });

  it('gives the emergency route where the book names one', () => {
    expect(emergencyRoute(xz)?.id).toBe('emergency_route');
    expect(emergencyRoute(qx)).toBeUndefined();
  });
});

describe('findContacts, facilities, stats, marks, citation', () => {
  it('finds Quanxiu contacts by topic with their numbers as printed', () => {
    const num = (topic: string) => findContacts(qx, { topic }).items.map((c) => `${c.name}:${c.phones.map((p) => p.number).join()}`);
    expect(num('chronic_care')).toEqual(['黄鑫:18065225268']);
    expect(num('rehab')).toEqual(['林海峰:13067022719']);
    expect(num('home_nursing')).toEqual(['张晓婷:13559522818']);
    expect(num('contact_info')).toEqual(['蔡裕雄:15906085258', '泉秀街道社区卫生服务中心办公室:28220083', '泉秀街道社区卫生服务中心值班电话:28220052']);
  });

  it('gives the hotline and escalation contacts', () => {
    expect(findContacts(xz, { topic: 'hotline' }).items[0]?.phones[0]?.number).toBe('0350-3301599');
    expect(escalationContact(xz)?.phones[0]?.number).toBe('0350-3301599');
    expect(escalationContact(qx)?.phones[0]?.number).toBe('28220052');
    expect(escalationContact(jj)).toBeUndefined();
  });

  it('reports contacts without a printed number, and topics with no contact', () => {
    const r = findContacts(jj, { topic: 'not_offered' });
    expect(r.items.map((c) => c.name)).toEqual(['晋江市卫生健康局医政科']);
    expect(r.missing).toEqual([expect.objectContaining({ what: 'phone' })]);
    expect(findContacts(rural, { topic: 'hotline' }).missing[0]).toMatchObject({ locality: 'rural', what: 'contact' });
  });

  it('finds facilities by id, name and alias', () => {
    expect(findFacility(qx, 'qx_center')?.name).toBe('泉秀街道社区卫生服务中心');
    expect(findFacility(jj, '经济开发区院区')?.id).toBe('jj_hospital_kfq');
    expect(findFacility(xz, '忻州市第二人民医院')?.id).toBe('xz_second');
    expect(findFacility(xz, '晋江市医院')).toBeUndefined();
  });

  it('has the Quanxiu centre facts', () => {
    const c = findFacility(qx, 'qx_center')!;
    expect(c.address).toBe('灯荣路29号（浦西花园）');
    expect(c.hours).toEqual([expect.objectContaining({ services: ['全科', '针灸推拿科', '盆底康复室'], until: '21:00' })]);
    expect(c.experts?.specialties).toHaveLength(8);
    expect(c.departments).toEqual(expect.arrayContaining(['犬伤门诊', '放射科', '彩超科']));
    const nursing = c.services.find((s) => s.id === 'home_nursing');
    expect(nursing?.restrictions).toEqual({ 导尿护理: '限女性' });
    expect(nursing?.fees).toBe('按二甲公立医院收费标准收费');
    expect(c.services.find((s) => s.id === 'green_channel')?.items).toEqual(['CT', '核磁共振', '心脏彩超', '颈动脉彩超']);
    expect(c.insurance.join()).toContain('免起付线');
  });

  it('reads Yantai figures and Longkou load marks', () => {
    expect(findStats(yt, 'sentinel_clinic').map((s) => s.value)).toEqual([152]);
    expect(findStats(yt, 'family_doctor').map((s) => s.value)).toEqual(expect.arrayContaining([1868, 6746]));
    expect(yt.loadMarks?.area).toBe('龙口市');
    expect(findLoadMark(yt, '蓝色')?.meaning).toBe('接诊人数不多，可以正常接诊');
    expect(findLoadMark(yt, '黄')?.meaning).toBe('就诊人数较多，可提前联系预约');
    expect(findLoadMark(yt, 'red')?.meaning).toBe('就诊人数过多，就诊前需要提前确认联系就诊时间');
    expect(findLoadMark(yt, '×')?.meaning).toBe('因医务人员感染新冠暂时不能接诊');
    expect(findLoadMark(xz, '蓝色')).toBeUndefined();
  });

  it('cites each notice with what it gives, and nothing it does not', () => {
    expect(citation(xz)).toMatchObject({ number: '2022年第2号', date: '2022-02-25', published: '2022-02-26', url: 'http://xz.sxgov.cn/', via: '忻州新闻网' });
    expect(citation(xz).text).toContain('2022年2月25日');
    expect(citation(qx)).toMatchObject({ number: '泉丰泉办〔2020〕23号', date: '2020-08-18', issuer: '丰泽区人民政府泉秀街道办事处' });
    expect(citation(jj).number).toBeUndefined();
    expect(citation(jj).date).toBeUndefined();
    expect(citation(yt)).toMatchObject({ via: '胶东在线', published: '2022-12-29' });
    expect(citation(rural).text).toBe('《提升农村地区医疗保障能力》（《方案》，原文未写明发文机关和省份）');
  });

  it('has one fallback book, the rural plan', () => {
    expect(fallbackBook(set)?.id).toBe('rural');
  });
});
