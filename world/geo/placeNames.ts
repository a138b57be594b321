/** Word lists for community, village and road names (Chinese). */
const chars = (s: string): readonly string[] => Array.from(s);

export const COMMUNITY_WORDS: readonly string[] = [
  '东方', '新华', '解放', '建设', '光明', '幸福', '和平', '滨江', '花园', '长征', '胜利', '朝阳', '青年', '育才',
  '民主', '团结', '东升', '新风', '兴业', '金桥', '永清', '三阳', '惠民', '文化', '学府', '西湖', '北湖', '南湖',
  '东湖', '凤凰', '桃园', '梨园', '锦绣', '书香', '翠园', '阳光', '龙湾', '泰和', '复兴', '振兴', '红旗', '友谊',
  '春晖', '丹桂', '江滨', '车站', '塔子湖', '百步亭', '丹水池', '球场',
];

export const VILLAGE_PREFIXES: readonly string[] = [
  ...chars('张李王刘陈黄胡杨周吴彭熊余涂万罗邓何金石新东西南北大小双高长白马龙沙'),
  '杨柳', '桃花', '荷叶', '黄土', '三合', '五一', '七里', '十里', '红星', '友爱',
];

export const VILLAGE_SUFFIXES: readonly string[] = chars('湾岗河店桥畈垸台岭集庙冲咀墩港湖庄铺坝堰');

export const ROADS: readonly string[] = [
  '人民路', '解放路', '建设大道', '中山大道', '胜利街', '新华路', '和平路', '幸福路', '沿江大道', '育才路',
  '光明路', '滨湖路', '文化路', '青年路', '团结路', '朝阳路', '长江路', '友谊大道', '金桥大道', '黄浦大街',
];

export const GROUP_NUMERALS: readonly string[] = chars('一二三四五六七八九十');
