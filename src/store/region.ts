// Which province-level region a disclosure belongs to, from the names in its text (the model has no region field).

const PROVINCES: Array<[string, string[]]> = [
  ['北京', ['北京']],
  ['天津', ['天津']],
  ['河北', ['河北', '石家庄']],
  ['山西', ['山西', '太原']],
  ['内蒙古', ['内蒙古', '呼和浩特']],
  ['辽宁', ['辽宁', '沈阳', '大连']],
  ['吉林', ['吉林省', '长春']],
  ['黑龙江', ['黑龙江', '哈尔滨']],
  ['上海', ['上海']],
  ['江苏', ['江苏', '南京', '苏州', '无锡']],
  ['浙江', ['浙江', '杭州', '宁波']],
  ['安徽', ['安徽', '合肥']],
  ['福建', ['福建', '福州', '厦门']],
  ['江西', ['江西', '南昌']],
  ['山东', ['山东', '济南', '青岛']],
  ['河南', ['河南', '郑州']],
  ['湖北', ['湖北', '武汉']],
  ['湖南', ['湖南', '长沙']],
  ['广东', ['广东', '广州', '深圳', '佛山', '东莞']],
  ['广西', ['广西', '南宁']],
  ['海南', ['海南', '海口']],
  ['重庆', ['重庆']],
  ['四川', ['四川', '成都']],
  ['贵州', ['贵州', '贵阳']],
  ['云南', ['云南', '昆明']],
  ['西藏', ['西藏', '拉萨']],
  ['陕西', ['陕西', '西安']],
  ['甘肃', ['甘肃', '兰州']],
  ['青海', ['青海', '西宁']],
  ['宁夏', ['宁夏', '银川']],
  // prefecture names of Xinjiang: its district and county disclosures rarely print the region's name
  [
    '新疆',
    [
      '新疆',
      '乌鲁木齐',
      '克拉玛依',
      '乌尔禾',
      '巴州',
      '巴音郭楞',
      '克孜勒苏',
      '昌吉',
      '伊犁',
      '阿克苏',
      '喀什',
      '和田',
      '哈密',
      '吐鲁番',
      '塔城',
      '阿勒泰',
      '博尔塔拉',
    ],
  ],
];

export const UNKNOWN_REGION = '未知';

/**
 * The region named first in the most specific text: `texts` are tried in order (unit name, title, mentions,
 * body) and the first text naming any region decides, by the region named most often in it.
 */
export function detectRegion(texts: string[]): string {
  for (const text of texts) {
    let best = '';
    let bestCount = 0;
    for (const [region, names] of PROVINCES) {
      let count = 0;
      for (const name of names) {
        let at = text.indexOf(name);
        while (at !== -1) {
          count++;
          at = text.indexOf(name, at + name.length);
        }
      }
      if (count > bestCount) {
        best = region;
        bestCount = count;
      }
    }
    if (best) return best;
  }
  return UNKNOWN_REGION;
}

/** Without a known region, the leading place of the unit name (示例州河湾市… → 示例州) stands for it. */
export function leadingPlace(unitName: string): string | undefined {
  return unitName.match(/^(.{2,8}?(?:自治区|自治州|省|市|州|盟|地区|县|区|旗))/)?.[1];
}

export const REGIONS = PROVINCES.map(([r]) => r);
