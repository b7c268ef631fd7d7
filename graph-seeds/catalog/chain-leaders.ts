/**
 * Chain leaders (链主). The official 2023 lists (46 firms on 10 chains) were not found in public sources, so this
 * is a short, explicit list of listed firms a reviewer can check: each entry says why it is here.
 * `linkIds` places the firm in the chain when neither its class nor its products did.
 */
export interface ChainLeaderDef {
  id: string;
  /** Short name as in stock_basic.csv: the derivation fails if the code now belongs to another firm. */
  name: string;
  chainIds: string[];
  linkIds: string[];
  basis: 'atlas-role' | 'chengdu-base' | 'national-leader';
  note: string;
}

export const chainLeaderDefs: readonly ChainLeaderDef[] = [
  {
    id: '688981.SH',
    name: '中芯国际',
    chainIds: ['integrated-circuit'],
    linkIds: ['ic-wafer-fab'],
    basis: 'atlas-role',
    note: 'Atlas role for segment semi_wafer_fab: 国产代工龙头(14nm); the largest mainland foundry.',
  },
  {
    id: '600584.SH',
    name: '长电科技',
    chainIds: ['integrated-circuit'],
    linkIds: ['ic-packaging-test'],
    basis: 'atlas-role',
    note: 'Atlas role for segment semi_packaging: 全球第三封测龙头.',
  },
  {
    id: '000725.SZ',
    name: '京东方A',
    chainIds: ['new-display'],
    linkIds: ['nd-amoled-panel'],
    basis: 'chengdu-base',
    note: 'Largest panel maker in China; runs AMOLED fabs in Chengdu (B7 in 高新西区, B16).',
  },
  {
    id: '600438.SH',
    name: '通威股份',
    chainIds: ['photovoltaic'],
    linkIds: ['pv-polysilicon', 'pv-cells'],
    basis: 'chengdu-base',
    note: 'Headquartered in Chengdu; leading polysilicon and solar-cell maker with cell bases in the city.',
  },
  {
    id: '300750.SZ',
    name: '宁德时代',
    chainIds: ['power-battery-storage'],
    linkIds: ['pbs-cells'],
    basis: 'national-leader',
    note: 'Largest power-battery maker; its Sichuan base is in 宜宾 (四川时代), not in Chengdu.',
  },
  {
    id: '002594.SZ',
    name: '比亚迪',
    chainIds: ['new-energy-vehicle'],
    linkIds: ['nev-vehicle'],
    basis: 'national-leader',
    note: 'Largest new-energy vehicle maker in China; a national reference leader, no Chengdu plant asserted.',
  },
  {
    id: '601766.SH',
    name: '中国中车',
    chainIds: ['rail-transit'],
    linkIds: ['rt-rolling-stock'],
    basis: 'chengdu-base',
    note: 'China’s rolling-stock maker; its subsidiary 中车成都 builds and repairs rolling stock in the city.',
  },
  {
    id: '302132.SZ',
    name: '中航成飞',
    chainIds: ['large-aircraft'],
    linkIds: ['la-airframe-structures'],
    basis: 'chengdu-base',
    note: 'Listed vehicle of 成都飞机工业 (青羊区), which makes large-aircraft sections such as C919 nose sections.',
  },
  {
    id: '600391.SH',
    name: '航发科技',
    chainIds: ['aero-engine'],
    linkIds: ['ae-blades-discs'],
    basis: 'chengdu-base',
    note: 'The former 成发科技 in 新都区: aero-engine and gas-turbine parts for the national engine programme.',
  },
  {
    id: '688070.SH',
    name: '纵横股份',
    chainIds: ['industrial-drone'],
    linkIds: ['uav-airframe-integration'],
    basis: 'chengdu-base',
    note: 'Chengdu maker of industrial vertical-take-off fixed-wing drones.',
  },
  {
    id: '002422.SZ',
    name: '科伦药业',
    chainIds: ['innovative-drug'],
    linkIds: ['drug-chemical-drugs'],
    basis: 'chengdu-base',
    note: 'Chengdu (新都) drug maker, the largest infusion producer, with innovative drugs through 科伦博泰.',
  },
];
