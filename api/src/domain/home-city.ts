/**
 * The city ChainScout serves. An enterprise is local when it sits in the city: either its district is known
 * (LOCATED_IN) or only its city is (Shanghai-listed firms, whose public data carries no registered address).
 */
export const homeCity = { name: '成都市', province: '四川' } as const;

export function isLocalEnterprise(e: { districtCode?: string | null; city?: string | null }): boolean {
  return Boolean(e.districtCode) || e.city === homeCity.name;
}
