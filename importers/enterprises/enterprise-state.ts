/** An IN_LINK as the importer sees it. */
export interface LinkState {
  linkId: string;
  confidence: number;
  evidence: string;
  source: string;
  asOf: string;
}

/** The enterprise properties an import may set; anything else on the node is left alone. */
export interface EnterpriseProps {
  name: string;
  fullName: string;
  aliases: string[];
  nameEn?: string;
  creditCode?: string;
  stockCode?: string;
  exchange?: string;
  board?: string;
  listed: boolean;
  province?: string;
  city?: string;
  districtCode?: string;
  divisionCode?: string;
  address?: string;
  industry?: string;
  csrcIndustry?: string;
  swIndustry?: string;
  mainProducts: string[];
  listDate?: string;
  foundedDate?: string;
  registeredCapital?: number;
  totalShares?: number;
  floatShares?: number;
  website?: string;
  sources: string[];
  source: string;
  asOf: string;
  /** Normalised legal name: the key names are matched on. */
  nameKey: string;
  /** The key without a leading region (四川省, 成都): near-duplicates share it. */
  nameCore: string;
  searchText: string;
  nameTokens: string;
}

/** Properties that say something about the firm; the rest are derived from them or are bookkeeping. */
export const factKeys = [
  'name',
  'fullName',
  'aliases',
  'nameEn',
  'creditCode',
  'stockCode',
  'exchange',
  'board',
  'listed',
  'province',
  'city',
  'districtCode',
  'divisionCode',
  'address',
  'industry',
  'csrcIndustry',
  'swIndustry',
  'mainProducts',
  'listDate',
  'foundedDate',
  'registeredCapital',
  'totalShares',
  'floatShares',
  'website',
  'sources',
] as const satisfies readonly (keyof EnterpriseProps)[];

export interface EnterpriseState {
  id: string;
  props: EnterpriseProps;
  links: LinkState[];
  /** Where LOCATED_IN points, if anywhere. */
  located: { code: string; source: string } | undefined;
}
