/**
 * The administrative level of an agency, read from its name: is it a provincial body, a body of
 * a 设区的市 (prefecture level), a county-level body (区、县、县级市 and their departments) or a
 * township-level body (镇、乡、街道)? Used by active/regulations-at-county-level: 规章 can only be
 * made by State Council departments and provincial / 设区的市 governments (report-format.md).
 *
 * How: the name's leading place chain is cut into tokens "<name><suffix>" (淄博市 · 临淄区 ·
 * 辛店街道办事处); the most specific token decides. Department words never enter a place token
 * (they contain 局、委、府、和…, or end in words such as 城乡、城市、园区 that look like places).
 *
 * The hard case is a lone "X市": 樟树市 is a 县级市, 淮安市 a 设区的市, and the name alone cannot
 * tell. Decision: a 市 under another 市/州/盟/地区 ("宜春市樟树市") is county-level; a lone 市 is
 * county-level when it is in the built-in list of 县级市 below, and otherwise treated as a 设区的市
 * (quiet) — a warning rule should rather miss an unknown city than accuse a city government that
 * may legitimately make 规章. Development zones named "…开发区 / 高新区" end in 区 and count as
 * county level (they have no rule-making power either); 苏州工业园区-style names whose 区 follows a
 * common word (园区) are not place tokens and stay quiet.
 */

export type AgencyLevel = 'province' | 'prefecture' | 'county' | 'township' | 'unknown';

/** Place-name suffixes, longest first so that 街道办事处 wins over 街道 and 地区 over 区. */
const SUFFIXES = [
  '特别行政区',
  '街道办事处',
  '自治区',
  '自治州',
  '自治县',
  '自治旗',
  '街道',
  '地区',
  '林区',
  '特区',
  '新区',
  '苏木',
  '省',
  '市',
  '州',
  '盟',
  '区',
  '县',
  '旗',
  '镇',
  '乡',
] as const;
type Suffix = (typeof SUFFIXES)[number];

const LEVEL_OF_SUFFIX: Record<Suffix, AgencyLevel> = {
  特别行政区: 'province',
  自治区: 'province',
  省: 'province',
  市: 'prefecture',
  自治州: 'prefecture',
  州: 'prefecture',
  盟: 'prefecture',
  地区: 'prefecture',
  区: 'county',
  新区: 'county',
  林区: 'county',
  特区: 'county',
  县: 'county',
  自治县: 'county',
  旗: 'county',
  自治旗: 'county',
  街道办事处: 'township',
  街道: 'township',
  镇: 'township',
  乡: 'township',
  苏木: 'township',
};

/** Characters that never occur inside a place name but always in department names. */
const STOP_CHARS = /[府局委厅办院所站队部司室和与及的、·（）()\s]/;

/** Token endings that look like "<name><suffix>" but are ordinary words of department names. */
const NOT_PLACES = [
  '城市',
  '都市',
  '城乡',
  '城镇',
  '乡镇',
  '园区',
  '社区',
  '小区',
  '景区',
  '矿区',
  '库区',
  '牧区',
  '山区',
  '老区',
  '辖区',
  '片区',
  '校区',
  '街区',
];

const MAX_NAME = 10;

const MUNICIPALITIES = new Set(['北京市', '天津市', '上海市', '重庆市']);

/**
 * 县级市 (county-level cities), from the national division code list as of 2023. A lone "X市"
 * found here is county-level; one not found is taken as a 设区的市 (see the header).
 */
const COUNTY_LEVEL_CITY_NAMES = `
辛集 晋州 新乐 遵化 迁安 滦州 武安 南宫 沙河 涿州 定州 安国 高碑店 泊头 任丘 黄骅 河间 霸州 三河 深州 平泉
古交 高平 怀仁 介休 永济 河津 原平 侯马 霍州 孝义 汾阳
霍林郭勒 满洲里 牙克石 扎兰屯 额尔古纳 根河 丰镇 乌兰浩特 阿尔山 二连浩特 锡林浩特
新民 瓦房店 庄河 海城 东港 凤城 凌海 北镇 盖州 大石桥 灯塔 调兵山 开原 北票 凌源 兴城
榆树 德惠 公主岭 蛟河 桦甸 舒兰 磐石 双辽 梅河口 集安 临江 扶余 洮南 大安 延吉 图们 敦化 珲春 龙井 和龙
尚志 五常 讷河 虎林 密山 铁力 同江 富锦 抚远 绥芬河 海林 宁安 穆棱 东宁 北安 五大连池 嫩江 安达 肇东 海伦 漠河
江阴 宜兴 新沂 邳州 溧阳 常熟 张家港 昆山 太仓 启东 如皋 海安 东台 仪征 高邮 丹阳 扬中 句容 兴化 靖江 泰兴
建德 余姚 慈溪 瑞安 乐清 龙港 海宁 平湖 桐乡 诸暨 嵊州 兰溪 义乌 东阳 永康 江山 温岭 临海 玉环 龙泉
巢湖 无为 潜山 桐城 天长 明光 界首 宁国 广德
福清 永安 石狮 晋江 南安 漳平 邵武 武夷山 建瓯 福安 福鼎
乐平 瑞昌 共青城 庐山 贵溪 瑞金 龙南 井冈山 丰城 樟树 高安 德兴
胶州 平度 莱西 滕州 龙口 莱阳 莱州 招远 栖霞 海阳 青州 诸城 寿光 安丘 高密 昌邑 曲阜 邹城 新泰 肥城 荣成 乳山 乐陵 禹城 临清 邹平
巩义 荥阳 新密 新郑 登封 舞钢 汝州 林州 卫辉 辉县 沁阳 孟州 禹州 长葛 义马 灵宝 邓州 永城 项城 济源
大冶 丹江口 宜都 当阳 枝江 老河口 枣阳 宜城 京山 钟祥 应城 安陆 汉川 石首 洪湖 松滋 监利 麻城 武穴 赤壁 广水 恩施 利川 仙桃 潜江 天门
浏阳 宁乡 醴陵 湘乡 韶山 耒阳 常宁 武冈 邵东 汨罗 临湘 津市 沅江 资兴 洪江 冷水江 涟源 吉首
乐昌 南雄 台山 开平 鹤山 恩平 廉江 雷州 吴川 高州 化州 信宜 四会 兴宁 陆丰 阳春 英德 连州 普宁 罗定
横州 岑溪 东兴 桂平 北流 靖西 平果 荔浦 合山 凭祥
五指山 文昌 琼海 万宁 东方
简阳 都江堰 彭州 邛崃 崇州 广汉 什邡 绵竹 江油 射洪 隆昌 峨眉山 阆中 华蓥 万源 马尔康 康定 西昌 会理
清镇 赤水 仁怀 盘州 兴义 兴仁 黔西 福泉 都匀 凯里
安宁 宣威 水富 澄江 腾冲 楚雄 禄丰 个旧 开远 蒙自 弥勒 文山 景洪 大理 瑞丽 芒 泸水 香格里拉
米林 错那
兴平 彬州 韩城 华阴 神木 子长 旬阳
玉门 敦煌 临夏 合作 华亭
格尔木 德令哈 同仁 玉树 茫崖
灵武 青铜峡
昌吉 阜康 库尔勒 阿克苏 库车 阿图什 喀什 和田 伊宁 奎屯 霍尔果斯 塔城 乌苏 沙湾 阿勒泰 博乐 阿拉山口
石河子 阿拉尔 图木舒克 五家渠 北屯 铁门关 双河 可克达拉 昆玉 胡杨河 新星 白杨
`;

export const COUNTY_LEVEL_CITIES: ReadonlySet<string> = new Set(
  COUNTY_LEVEL_CITY_NAMES.split(/\s+/)
    .filter((s) => s.length > 0)
    .map((s) => `${s}市`),
);

export interface PlaceToken {
  /** The token as written: 淄博市, 临淄区, 辛店街道办事处. */
  text: string;
  suffix: Suffix;
}

function suffixAt(name: string, at: number): Suffix | null {
  for (const s of SUFFIXES) if (name.startsWith(s, at)) return s;
  return null;
}

/** The leading chain of place tokens of an agency name (may be empty). */
export function placeChain(agency: string): PlaceToken[] {
  const name = agency.replace(/\s+/g, '');
  const tokens: PlaceToken[] = [];
  let at = 0;
  outer: while (at < name.length) {
    for (let len = 1; len <= MAX_NAME && at + len < name.length; len++) {
      const ch = name.charAt(at + len - 1);
      if (STOP_CHARS.test(ch)) break;
      let suffix = suffixAt(name, at + len);
      if (!suffix) continue;
      let end = at + len + suffix.length;
      // A suffix character can belong to the name: 广州市 (州 then 市), 沙市区, 津市市.
      const next = suffixAt(name, end);
      if (
        next !== null &&
        (COUNTY_LEVEL_CITIES.has(name.slice(at, end + next.length)) ||
          (suffix === '州' && next === '市') ||
          (suffix === '市' && (next === '区' || next === '县')))
      ) {
        suffix = next;
        end += next.length;
      }
      const text = name.slice(at, end);
      const known = COUNTY_LEVEL_CITIES.has(text) || MUNICIPALITIES.has(text);
      if (!known && NOT_PLACES.some((w) => text.endsWith(w))) break outer;
      tokens.push({ text, suffix });
      at = end;
      continue outer;
    }
    break;
  }
  return tokens;
}

/** The level of an agency by its name; 'unknown' when the name shows no place. */
export function agencyLevel(agency: string | null): AgencyLevel {
  if (!agency) return 'unknown';
  const name = agency.replace(/\s+/g, '');
  const chain = placeChain(name);
  const last = chain[chain.length - 1];
  if (!last) {
    // Short forms used inside a county's own reports: 区财政局, 县教育局, 镇人民政府.
    if (/^[区县旗]/.test(name)) return 'county';
    if (/^(街道|[镇乡])/.test(name)) return 'township';
    return 'unknown';
  }
  if (last.suffix !== '市') return LEVEL_OF_SUFFIX[last.suffix];
  if (MUNICIPALITIES.has(last.text)) return 'province';
  const parent = chain[chain.length - 2];
  if (parent && parent.suffix !== '省' && parent.suffix !== '自治区') return 'county';
  return COUNTY_LEVEL_CITIES.has(last.text) ? 'county' : 'prefecture';
}

/** True for county-level and township-level bodies, which cannot make 规章. */
export function isCountyOrBelow(agency: string | null): boolean {
  const level = agencyLevel(agency);
  return level === 'county' || level === 'township';
}
