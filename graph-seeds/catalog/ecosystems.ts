import type { EcosystemSeed } from '../seed.schemas.ts';

// The 2023 plan has 8 ecosystems, but their official names were not found in public sources.
const draftNote =
  'Draft ecosystem name (docs/DOMAIN.md, draft seed of the 2023 system: 8 ecosystems, 28 chains)';

export const ecosystems: EcosystemSeed[] = [
  { id: 'electronic-information', name: '电子信息', nameEn: 'Electronic information' },
  { id: 'digital-economy', name: '数字经济', nameEn: 'Digital economy' },
  { id: 'aerospace-rail-transit', name: '航空航天与轨道交通', nameEn: 'Aerospace and rail transit' },
  { id: 'automotive', name: '汽车', nameEn: 'Automotive' },
  { id: 'medicine-health', name: '医药健康', nameEn: 'Medicine and health' },
  { id: 'green-low-carbon', name: '绿色低碳', nameEn: 'Green and low-carbon' },
  { id: 'urban-agriculture-food', name: '都市农业和食品', nameEn: 'Urban agriculture and food' },
  { id: 'modern-services', name: '现代服务业', nameEn: 'Modern services' },
].map((e, i) => ({ ...e, order: i + 1, verified: false, sourceNote: draftNote }));
