import type { DistrictKind } from '../seed.schemas.ts';

/** Codes and names are checked against admin-divisions/areas.csv (cityCode 5101) by the derivation. */
export const DIVISIONS_AS_OF = '2023-12-31';

const domain = 'docs/DOMAIN.md (districts and lead industries)';

export interface DistrictDef {
  code: string;
  name: string;
  nameEn: string;
  kind: DistrictKind;
  /** As worded in DOMAIN.md; undefined where no lead industry is sourced. */
  leadIndustry?: string;
  /**
   * Chains in the order DOMAIN.md lists them. Only where a lead industry names a chain directly:
   * ecosystem-wide wording ("electronics", "commerce", "new economy") is kept as text, not guessed into chains.
   */
  priorityChainIds: string[];
  parks: ParkDef[];
}

export interface ParkDef {
  id: string;
  name: string;
  nameEn: string;
  focusChainIds: string[];
}

export const districtDefs: readonly DistrictDef[] = [
  {
    code: '510104',
    name: '锦江区',
    nameEn: 'Jinjiang District',
    kind: 'district',
    leadIndustry: 'commerce',
    priorityChainIds: [],
    parks: [],
  },
  {
    code: '510105',
    name: '青羊区',
    nameEn: 'Qingyang District',
    kind: 'district',
    leadIndustry: 'aviation (青羊航空新城)',
    priorityChainIds: ['large-aircraft'],
    parks: [
      {
        id: 'qingyang-aviation-new-city',
        name: '青羊航空新城',
        nameEn: 'Qingyang Aviation New City',
        focusChainIds: ['large-aircraft'],
      },
    ],
  },
  {
    code: '510106',
    name: '金牛区',
    nameEn: 'Jinniu District',
    kind: 'district',
    leadIndustry: 'rail transit, BeiDou/satellite, AI, health, drones',
    // "health" names no single chain, so it stays in the text only.
    priorityChainIds: ['rail-transit', 'satellite-internet', 'artificial-intelligence', 'industrial-drone'],
    parks: [],
  },
  {
    code: '510107',
    name: '武侯区',
    nameEn: 'Wuhou District',
    kind: 'district',
    priorityChainIds: [],
    parks: [],
  },
  {
    code: '510108',
    name: '成华区',
    nameEn: 'Chenghua District',
    kind: 'district',
    leadIndustry: 'urban industry, 龙潭 industrial-robot zone',
    // Industrial robots are a link of the industrial-internet chain (ii-industrial-robots).
    priorityChainIds: ['industrial-internet'],
    parks: [
      {
        id: 'longtan-industrial-robot-zone',
        name: '龙潭工业机器人产业功能区',
        nameEn: 'Longtan Industrial Robot Zone',
        focusChainIds: ['industrial-internet'],
      },
    ],
  },
  {
    code: '510112',
    name: '龙泉驿区',
    nameEn: 'Longquanyi District',
    kind: 'district',
    leadIndustry: '成都经开区: automotive + equipment/electronics/materials',
    priorityChainIds: ['new-energy-vehicle'],
    parks: [],
  },
  {
    code: '510113',
    name: '青白江区',
    nameEn: 'Qingbaijiang District',
    kind: 'district',
    leadIndustry: '国际铁路港 logistics, heavy trucks',
    priorityChainIds: ['modern-logistics', 'new-energy-vehicle'],
    parks: [
      {
        id: 'chengdu-international-railway-port',
        name: '成都国际铁路港',
        nameEn: 'Chengdu International Railway Port',
        focusChainIds: ['modern-logistics'],
      },
    ],
  },
  {
    code: '510114',
    name: '新都区',
    nameEn: 'Xindu District',
    kind: 'district',
    leadIndustry: 'aviation engines/parts, rail, biomedicine, food',
    priorityChainIds: ['aero-engine', 'rail-transit', 'innovative-drug', 'food'],
    parks: [],
  },
  {
    code: '510115',
    name: '温江区',
    nameEn: 'Wenjiang District',
    kind: 'district',
    leadIndustry: '成都医学城, biomedicine',
    priorityChainIds: ['innovative-drug'],
    parks: [
      {
        id: 'chengdu-medical-city',
        name: '成都医学城',
        nameEn: 'Chengdu Medical City',
        focusChainIds: ['innovative-drug', 'high-end-medical-device'],
      },
    ],
  },
  {
    code: '510116',
    name: '双流区',
    nameEn: 'Shuangliu District',
    kind: 'district',
    leadIndustry: 'aviation economy, 成都芯谷 compound-semiconductor ICs',
    priorityChainIds: ['large-aircraft', 'integrated-circuit'],
    parks: [
      {
        id: 'chengdu-core-valley',
        name: '成都芯谷',
        nameEn: 'Chengdu Core Valley',
        focusChainIds: ['integrated-circuit'],
      },
    ],
  },
  {
    code: '510117',
    name: '郫都区',
    nameEn: 'Pidu District',
    kind: 'district',
    leadIndustry: 'electronics with 高新西区',
    priorityChainIds: [],
    parks: [],
  },
  {
    code: '510118',
    name: '新津区',
    nameEn: 'Xinjin District',
    kind: 'district',
    leadIndustry: 'transport equipment, food, smart home',
    // Smart home is a link of the smart-terminal chain (st-smart-home); "transport equipment" names no single chain.
    priorityChainIds: ['food', 'smart-terminal'],
    parks: [],
  },
  {
    code: '510121',
    name: '金堂县',
    nameEn: 'Jintang County',
    kind: 'county',
    leadIndustry: 'energy saving & environmental',
    priorityChainIds: [],
    parks: [],
  },
  { code: '510129', name: '大邑县', nameEn: 'Dayi County', kind: 'county', priorityChainIds: [], parks: [] },
  {
    code: '510131',
    name: '蒲江县',
    nameEn: 'Pujiang County',
    kind: 'county',
    priorityChainIds: [],
    parks: [],
  },
  {
    code: '510181',
    name: '都江堰市',
    nameEn: 'Dujiangyan City',
    kind: 'county-city',
    priorityChainIds: [],
    parks: [],
  },
  {
    code: '510182',
    name: '彭州市',
    nameEn: 'Pengzhou City',
    kind: 'county-city',
    leadIndustry: '天府中药城 TCM; aero-engine MRO',
    priorityChainIds: ['modern-tcm', 'aero-engine'],
    parks: [
      {
        id: 'tianfu-tcm-city',
        name: '天府中药城',
        nameEn: 'Tianfu TCM City',
        focusChainIds: ['modern-tcm'],
      },
    ],
  },
  {
    code: '510183',
    name: '邛崃市',
    nameEn: 'Qionglai City',
    kind: 'county-city',
    leadIndustry: 'new-energy materials, power batteries, baijiu',
    priorityChainIds: ['power-battery-storage', 'food'],
    parks: [],
  },
  {
    code: '510184',
    name: '崇州市',
    nameEn: 'Chongzhou City',
    kind: 'county-city',
    priorityChainIds: [],
    parks: [],
  },
  {
    code: '510185',
    name: '简阳市',
    nameEn: 'Jianyang City',
    kind: 'county-city',
    priorityChainIds: [],
    parks: [],
  },
  {
    code: 'zone-chengdu-hi-tech',
    name: '成都高新区',
    nameEn: 'Chengdu Hi-tech Industrial Development Zone',
    kind: 'functional-zone',
    leadIndustry: '南区 new economy, 西区 electronics, 天府国际生物城 biomedicine',
    priorityChainIds: ['innovative-drug'],
    parks: [
      {
        id: 'tianfu-international-bio-town',
        name: '天府国际生物城',
        nameEn: 'Tianfu International Bio-Town',
        focusChainIds: ['innovative-drug', 'high-end-medical-device'],
      },
    ],
  },
  {
    code: 'zone-tianfu-new-area',
    name: '四川天府新区成都直管区',
    nameEn: 'Sichuan Tianfu New Area (Chengdu-administered)',
    kind: 'functional-zone',
    priorityChainIds: [],
    parks: [],
  },
  {
    code: 'zone-chengdu-eastern-new-area',
    name: '成都东部新区',
    nameEn: 'Chengdu Eastern New Area',
    kind: 'functional-zone',
    leadIndustry: 'airport economy around 天府国际机场 (since 2020; 729 km², 13 towns of 简阳)',
    priorityChainIds: [],
    parks: [],
  },
];

export const districtSourceNote = domain;
