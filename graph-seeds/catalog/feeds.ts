/**
 * FEEDS edges: who supplies whom, upstream → downstream. Within a chain they follow the physical or service flow;
 * across chains they say where one chain's output is another's input. Each cross-chain edge carries a note.
 */

/** Date the hand-authored catalog (feeds, districts, leaders) was last reviewed. */
export const CATALOG_AS_OF = '2026-11-28';

type Feed = readonly [from: string, to: string, note?: string];

const fanIn = (froms: readonly string[], to: string): Feed[] => froms.map((from) => [from, to]);
const fanOut = (from: string, tos: readonly string[]): Feed[] => tos.map((to) => [from, to]);

const icDesign = [
  'ic-ai-chip',
  'ic-memory',
  'ic-analog-mcu',
  'ic-rf-frontend',
  'ic-cis',
  'ic-mems-sensor',
  'ic-power-semiconductor',
];

export const withinChainFeeds: readonly Feed[] = [
  // 集成电路: materials and tools into the fab, designs taped out at the fab, wafers packaged, chips into systems.
  ...fanIn(
    [
      'ic-silicon-wafer',
      'ic-sic-substrate',
      'ic-specialty-gas',
      'ic-sputtering-target',
      'ic-cmp-materials',
      'ic-photoresist',
      'ic-photomask',
      'ic-wet-chemicals',
      'ic-equipment',
    ],
    'ic-wafer-fab',
  ),
  ['ic-sic-substrate', 'ic-power-semiconductor'],
  ['ic-equipment-parts', 'ic-equipment'],
  ['ic-equipment', 'ic-packaging-test'],
  ...fanIn(['ic-glass-substrate', 'ic-package-substrate', 'ic-packaging-materials'], 'ic-packaging-test'),
  ...fanOut('ic-eda-ip', icDesign),
  ...fanIn(icDesign, 'ic-wafer-fab'),
  ['ic-wafer-fab', 'ic-packaging-test'],
  ...fanOut('ic-packaging-test', ['ic-ai-server', 'ic-auto-electronics']),
  ...fanIn(['ic-ai-chip', 'ic-memory', 'ic-pcb-ccl'], 'ic-ai-server'),
  ...fanIn(
    ['ic-pcb-ccl', 'ic-power-semiconductor', 'ic-analog-mcu', 'ic-mems-sensor'],
    'ic-auto-electronics',
  ),

  // 新型显示
  ...fanOut('nd-glass-substrate', ['nd-tft-lcd-panel', 'nd-amoled-panel']),
  ...fanOut('nd-polarizer', ['nd-tft-lcd-panel', 'nd-amoled-panel']),
  ...fanOut('nd-luminescent-materials', ['nd-tft-lcd-panel', 'nd-amoled-panel']),
  ...fanOut('nd-process-materials', ['nd-tft-lcd-panel', 'nd-amoled-panel']),
  ...fanOut('nd-equipment', ['nd-tft-lcd-panel', 'nd-amoled-panel', 'nd-mini-micro-led']),
  ...fanIn(['nd-optical-films', 'nd-driver-ic', 'nd-tft-lcd-panel', 'nd-amoled-panel'], 'nd-display-module'),
  ['nd-mini-micro-led', 'nd-display-module', 'Mini-LED backlights'],
  ['nd-mini-micro-led', 'nd-tv-it-displays', 'Direct-view LED displays'],
  ...fanOut('nd-display-module', ['nd-tv-it-displays', 'nd-vehicle-displays', 'nd-xr-displays']),

  // 智能终端
  ...fanIn(
    [
      'st-passive-components',
      'st-connectors-cables',
      'st-precision-structures',
      'st-optical-camera-modules',
      'st-power-supplies',
    ],
    'st-ems-odm',
  ),
  ...fanOut('st-ems-odm', [
    'st-phones-computers',
    'st-wearables-iot',
    'st-network-equipment',
    'st-smart-home',
    'st-security-terminals',
  ]),
  ['st-optical-camera-modules', 'st-security-terminals'],
  ...fanIn(['st-phones-computers', 'st-wearables-iot', 'st-smart-home'], 'st-brand-channels'),

  // 高端软件
  ...fanOut('sw-basic-software', [
    'sw-general-software',
    'sw-industry-software',
    'sw-industrial-software',
    'sw-embedded-software',
    'sw-cloud-saas',
  ]),
  ...fanOut('sw-dev-platforms', ['sw-general-software', 'sw-industry-software']),
  ['sw-general-software', 'sw-cloud-saas'],
  ...fanIn(['sw-industry-software', 'sw-industrial-software'], 'sw-it-services'),

  // 网络安全
  ['cs-security-chips', 'cs-commercial-crypto'],
  ...fanOut('cs-commercial-crypto', ['cs-network-security', 'cs-data-security']),
  ...fanOut('cs-network-security', ['cs-security-services', 'cs-gov-defence-security']),
  ['cs-data-security', 'cs-gov-defence-security'],
  ...fanOut('cs-endpoint-app-security', ['cs-security-services', 'cs-gov-defence-security']),

  // 工业互联网
  ...fanIn(['ii-sensors-instruments', 'ii-industrial-control', 'ii-industrial-network'], 'ii-edge-computing'),
  ['ii-edge-computing', 'ii-platform'],
  ['ii-platform', 'ii-industrial-apps'],
  ...fanIn(['ii-sensors-instruments', 'ii-industrial-control'], 'ii-industrial-robots'),
  ...fanIn(['ii-industrial-apps', 'ii-industrial-robots'], 'ii-smart-factory'),

  // 大数据
  ...fanIn(['bd-datacenter-infrastructure', 'bd-servers-storage'], 'bd-idc-cloud'),
  ...fanIn(['bd-data-collection', 'bd-idc-cloud'], 'bd-data-platform'),
  ...fanOut('bd-data-platform', ['bd-data-exchange', 'bd-government-city', 'bd-industry-applications']),
  ['bd-data-exchange', 'bd-industry-applications'],

  // 人工智能
  ...fanIn(
    ['ai-computing-infrastructure', 'ai-data-services', 'ai-frameworks-platforms'],
    'ai-foundation-models',
  ),
  ['ai-data-services', 'ai-vision-speech'],
  ...fanOut('ai-foundation-models', ['ai-industry-solutions', 'ai-smart-devices', 'ai-service-robots']),
  ...fanOut('ai-vision-speech', ['ai-industry-solutions', 'ai-smart-devices', 'ai-service-robots']),

  // 卫星互联网与卫星应用
  ['sat-payload-components', 'sat-satellite-manufacturing'],
  ...fanIn(['sat-satellite-manufacturing', 'sat-launch-services', 'sat-ground-equipment'], 'sat-operations'),
  ...fanOut('sat-navigation-chips', ['sat-ground-equipment', 'sat-navigation-applications']),
  ...fanOut('sat-operations', [
    'sat-navigation-applications',
    'sat-remote-sensing-applications',
    'sat-communication-services',
  ]),
  ['sat-ground-equipment', 'sat-communication-services'],

  // 大飞机制造与服务
  ['la-aero-materials', 'la-airframe-structures'],
  ...fanIn(['la-design-rd', 'la-airframe-structures', 'la-avionics-systems'], 'la-final-assembly'),
  ...fanOut('la-final-assembly', ['la-airlines-airports', 'la-aviation-services']),
  ...fanIn(['la-mro', 'la-aviation-services'], 'la-airlines-airports'),

  // 航空发动机
  ['ae-superalloys', 'ae-castings-forgings'],
  ['ae-castings-forgings', 'ae-blades-discs'],
  ...fanIn(['ae-blades-discs', 'ae-control-accessories'], 'ae-engine-assembly'),
  ...fanOut('ae-engine-assembly', ['ae-gas-turbines', 'ae-engine-mro']),
  ['ae-blades-discs', 'ae-engine-mro', 'Spare blades and discs for overhaul'],

  // 工业无人机
  ...fanIn(
    [
      'uav-structures-materials',
      'uav-power-propulsion',
      'uav-flight-control',
      'uav-payloads',
      'uav-datalink-ground',
    ],
    'uav-airframe-integration',
  ),
  ...fanOut('uav-airframe-integration', ['uav-industry-applications', 'uav-operation-training']),

  // 轨道交通
  ...fanOut('rt-materials-basic-parts', ['rt-vehicle-components', 'rt-track-engineering']),
  ...fanIn(['rt-vehicle-components', 'rt-traction-power'], 'rt-rolling-stock'),
  ...fanIn(
    ['rt-signalling-control', 'rt-rolling-stock', 'rt-track-engineering', 'rt-traction-power'],
    'rt-operations',
  ),
  ['rt-maintenance-inspection', 'rt-operations'],

  // 新能源汽车
  ...fanOut('nev-vehicle-materials', ['nev-body-interior', 'nev-chassis-powertrain', 'nev-tires-wheels']),
  ...fanIn(
    [
      'nev-e-drive',
      'nev-thermal-management',
      'nev-chassis-powertrain',
      'nev-body-interior',
      'nev-tires-wheels',
      'nev-auto-electrical',
    ],
    'nev-vehicle',
  ),
  ['nev-vehicle', 'nev-aftermarket'],

  // 智能网联汽车
  ...fanIn(
    ['icv-perception-sensors', 'icv-automotive-chips', 'icv-maps-positioning'],
    'icv-adas-domain-control',
  ),
  ['icv-automotive-chips', 'icv-smart-cockpit'],
  ['icv-v2x-telematics', 'icv-connected-services'],
  ...fanOut('icv-adas-domain-control', ['icv-autonomous-operations', 'icv-testing-validation']),

  // 创新药
  ['drug-api-intermediates', 'drug-chemical-drugs'],
  ...fanOut('drug-excipients-packaging', ['drug-chemical-drugs', 'drug-biologics', 'drug-vaccines-blood']),
  ...fanOut('drug-cro-cdmo', ['drug-chemical-drugs', 'drug-biologics', 'drug-vaccines-blood']),
  ...fanOut('drug-pharma-equipment', ['drug-chemical-drugs', 'drug-biologics']),
  ...fanIn(['drug-chemical-drugs', 'drug-biologics', 'drug-vaccines-blood'], 'drug-distribution'),
  ...fanOut('drug-distribution', ['drug-pharmacies', 'drug-hospitals']),

  // 高端医疗器械
  ...fanOut('md-materials-components', [
    'md-imaging',
    'md-ivd',
    'md-consumables-implants',
    'md-therapy-monitoring',
    'md-rehab-home',
  ]),
  ...fanIn(
    ['md-imaging', 'md-ivd', 'md-consumables-implants', 'md-therapy-monitoring'],
    'md-device-distribution',
  ),
  ...fanIn(['md-ivd', 'md-imaging'], 'md-testing-labs'),

  // 现代中药
  ['tcm-herb-cultivation', 'tcm-herb-trading'],
  ...fanOut('tcm-herb-trading', ['tcm-decoction-pieces', 'tcm-extracts']),
  ...fanIn(['tcm-decoction-pieces', 'tcm-extracts'], 'tcm-patent-medicines'),
  ['tcm-extracts', 'tcm-health-products'],
  ...fanIn(['tcm-patent-medicines', 'tcm-decoction-pieces'], 'tcm-clinics-distribution'),

  // 动力电池与储能
  ...fanOut('pbs-lithium-resources', ['pbs-cathode', 'pbs-electrolyte']),
  ...fanIn(
    [
      'pbs-cathode',
      'pbs-anode',
      'pbs-electrolyte',
      'pbs-separator',
      'pbs-foils-structural',
      'pbs-battery-equipment',
    ],
    'pbs-cells',
  ),
  ...fanOut('pbs-cells', ['pbs-bms-pack', 'pbs-energy-storage']),
  ['pbs-bms-pack', 'pbs-energy-storage'],
  ['pbs-recycling', 'pbs-lithium-resources', 'Recovered lithium, cobalt and nickel return as raw material'],

  // 光伏
  ['pv-polysilicon', 'pv-wafers'],
  ['pv-wafers', 'pv-cells'],
  ...fanIn(['pv-cells', 'pv-auxiliary-materials'], 'pv-modules'),
  ...fanOut('pv-equipment', ['pv-wafers', 'pv-cells', 'pv-modules']),
  ...fanOut('pv-modules', ['pv-power-plants', 'pv-distributed-bipv']),
  ...fanOut('pv-inverters', ['pv-power-plants', 'pv-distributed-bipv']),

  // 绿色氢能
  ['h2-electrolysers', 'h2-hydrogen-production'],
  ['h2-hydrogen-production', 'h2-storage-transport'],
  ...fanOut('h2-storage-transport', ['h2-refuelling', 'h2-industrial-applications']),
  ['h2-fuel-cell-stack', 'h2-fuel-cell-systems'],
  ...fanOut('h2-fuel-cell-systems', ['h2-fuel-cell-vehicles', 'h2-power-generation']),
  ['h2-refuelling', 'h2-fuel-cell-vehicles'],

  // 食品
  ['food-agri-inputs', 'food-farming'],
  ...fanOut('food-farming', [
    'food-grain-oil',
    'food-meat',
    'food-liquor',
    'food-beverage-dairy',
    'food-seasoning',
  ]),
  ...fanOut('food-ingredients-additives', [
    'food-meat',
    'food-beverage-dairy',
    'food-seasoning',
    'food-snacks-prepared',
  ]),
  ...fanOut('food-packaging-machinery', ['food-liquor', 'food-beverage-dairy', 'food-snacks-prepared']),
  ...fanIn(['food-grain-oil', 'food-meat'], 'food-snacks-prepared'),
  ...fanIn(
    [
      'food-grain-oil',
      'food-meat',
      'food-liquor',
      'food-beverage-dairy',
      'food-seasoning',
      'food-snacks-prepared',
      'food-cold-chain',
    ],
    'food-retail',
  ),
  ...fanIn(['food-seasoning', 'food-meat', 'food-cold-chain'], 'food-catering'),
  ...fanIn(['food-meat', 'food-beverage-dairy'], 'food-cold-chain'),

  // 现代种业
  ['seed-germplasm', 'seed-breeding-rd'],
  ...fanOut('seed-breeding-rd', [
    'seed-crop-seeds',
    'seed-livestock-breeding',
    'seed-horticulture-seedlings',
  ]),
  ...fanIn(['seed-crop-seeds', 'seed-horticulture-seedlings'], 'seed-distribution-services'),
  ...fanIn(['seed-distribution-services', 'seed-livestock-breeding'], 'seed-agri-production'),

  // 现代金融
  ...fanOut('fin-fintech', [
    'fin-banking',
    'fin-securities-futures',
    'fin-insurance',
    'fin-wealth-information',
  ]),
  ['fin-banking', 'fin-leasing-factoring', 'Bank funding for lessors and factors'],
  ...fanIn(['fin-securities-futures', 'fin-trust-asset-management'], 'fin-wealth-information'),
  ['fin-insurance', 'fin-trust-asset-management', 'Insurance funds placed with asset managers'],
  ['fin-trust-asset-management', 'fin-venture-industry-funds'],

  // 现代物流
  ...fanOut('log-equipment', ['log-warehousing', 'log-waterway-ports', 'log-rail-intermodal']),
  ...fanOut('log-information-platforms', ['log-road-freight', 'log-express', 'log-supply-chain-services']),
  ...fanOut('log-rail-intermodal', ['log-cross-border', 'log-supply-chain-services']),
  ...fanOut('log-air-cargo', ['log-cross-border', 'log-express']),
  ['log-road-freight', 'log-warehousing'],
  ['log-waterway-ports', 'log-cross-border'],
  ['log-warehousing', 'log-supply-chain-services'],

  // 会展经济
  ...fanOut('expo-venues', ['expo-organisers', 'expo-meetings-events']),
  ...fanOut('expo-design-build', ['expo-organisers', 'expo-meetings-events']),
  ['expo-digital', 'expo-organisers'],
  ...fanOut('expo-business-services', ['expo-organisers', 'expo-meetings-events']),
  ['expo-organisers', 'expo-trade-matchmaking'],

  // 文化创意
  ...fanOut('cc-content-ip', [
    'cc-film-animation',
    'cc-games-esports',
    'cc-publishing-printing',
    'cc-cultural-products',
  ]),
  ...fanOut('cc-cultural-equipment', ['cc-cinemas-performances', 'cc-broadcast-digital-media']),
  ...fanOut('cc-film-animation', ['cc-cinemas-performances', 'cc-broadcast-digital-media']),
  ['cc-games-esports', 'cc-broadcast-digital-media'],
  ...fanOut('cc-creative-design', ['cc-advertising-marketing', 'cc-cultural-products']),
  ['cc-broadcast-digital-media', 'cc-advertising-marketing', 'Media inventory sold through agencies'],

  // 文旅
  ...fanOut('tour-development-investment', [
    'tour-natural-scenic',
    'tour-cultural-theme-parks',
    'tour-hotels',
  ]),
  ['tour-transport', 'tour-natural-scenic'],
  ...fanIn(['tour-natural-scenic', 'tour-cultural-theme-parks', 'tour-hotels'], 'tour-travel-services'),
  ['tour-travel-services', 'tour-duty-free-retail'],
  ['tour-natural-scenic', 'tour-sports-leisure'],
];

export const crossChainFeeds: readonly Feed[] = [
  ['pbs-cells', 'nev-vehicle', 'Traction cells go into new-energy vehicles'],
  ['pbs-bms-pack', 'nev-vehicle', 'Battery packs and BMS are fitted to new-energy vehicles'],
  ['pbs-bms-pack', 'nev-charging-swap', 'Swap stations stock battery packs'],
  ['pbs-cells', 'st-phones-computers', 'Consumer lithium cells for phones and laptops'],
  ['pbs-cells', 'uav-power-propulsion', 'Drone battery packs are built from lithium cells'],
  ['pbs-energy-storage', 'pv-power-plants', 'Storage systems paired with solar plants'],
  ['ic-wafer-fab', 'nd-driver-ic', 'Display driver IC wafers are made by foundries'],
  ['ic-packaging-test', 'nd-driver-ic', 'Display driver ICs are packaged as COF/COG'],
  ['ic-packaging-test', 'st-phones-computers', 'Packaged chips go into phones, tablets and PCs'],
  ['ic-packaging-test', 'st-wearables-iot', 'Packaged chips go into wearables and IoT devices'],
  ['ic-rf-frontend', 'st-phones-computers', 'RF front-end modules in handsets'],
  ['ic-rf-frontend', 'sat-payload-components', 'RF and T/R chips in phased-array payloads'],
  ['ic-cis', 'st-optical-camera-modules', 'Image sensors in camera modules'],
  ['ic-cis', 'icv-perception-sensors', 'Automotive image sensors in vehicle cameras'],
  ['ic-memory', 'bd-servers-storage', 'DRAM and NAND in servers and storage'],
  ['ic-ai-chip', 'ai-computing-infrastructure', 'AI accelerators power AI compute'],
  ['ic-ai-server', 'ai-computing-infrastructure', 'AI servers fill AI data centres'],
  ['ic-ai-server', 'bd-idc-cloud', 'AI servers deployed in data centres'],
  ['ic-power-semiconductor', 'nev-e-drive', 'IGBT and SiC modules in motor controllers'],
  ['ic-power-semiconductor', 'pv-inverters', 'Power devices in solar inverters'],
  ['ic-power-semiconductor', 'rt-traction-power', 'IGBTs in traction converters'],
  ['ic-auto-electronics', 'nev-auto-electrical', 'Automotive electronic modules in vehicles'],
  ['ic-auto-electronics', 'icv-automotive-chips', 'Automotive-grade chips and modules for driving computers'],
  ['ic-mems-sensor', 'ii-sensors-instruments', 'MEMS sensing elements in industrial sensors'],
  ['ic-mems-sensor', 'uav-flight-control', 'MEMS inertial sensors in flight controllers'],
  ['ic-analog-mcu', 'ii-industrial-control', 'MCUs and analog chips in industrial controllers'],
  ['ic-pcb-ccl', 'st-ems-odm', 'Printed circuit boards are assembled by EMS/ODM makers'],
  ['ic-photomask', 'nd-tft-lcd-panel', 'Panel-size photomasks for array processes'],
  ['ic-sputtering-target', 'nd-tft-lcd-panel', 'Sputtering targets for panel array deposition'],
  ['nd-display-module', 'st-phones-computers', 'Displays in phones, tablets and PCs'],
  ['nd-display-module', 'st-wearables-iot', 'Small displays in wearables'],
  ['nd-vehicle-displays', 'icv-smart-cockpit', 'Vehicle displays in smart cockpits'],
  ['sw-industrial-software', 'ii-platform', 'Industrial software delivered on industrial internet platforms'],
  ['sw-industrial-software', 'ii-industrial-apps', 'CAD/CAE/MES as industrial apps'],
  ['sw-basic-software', 'bd-data-platform', 'Databases and middleware under data platforms'],
  ['sw-industry-software', 'fin-fintech', 'Banking and securities software'],
  ['sw-embedded-software', 'icv-smart-cockpit', 'Vehicle operating systems and embedded software'],
  ['st-network-equipment', 'bd-idc-cloud', 'Switches and optical modules in data centres'],
  ['st-network-equipment', 'ai-computing-infrastructure', 'High-speed optical modules for AI clusters'],
  ['bd-idc-cloud', 'ai-computing-infrastructure', 'Data-centre capacity hosts AI compute'],
  ['bd-data-exchange', 'ai-data-services', 'Traded data sets feed AI corpora'],
  ['ai-vision-speech', 'st-security-terminals', 'Vision algorithms in security cameras'],
  ['ai-vision-speech', 'icv-adas-domain-control', 'Perception algorithms for driving automation'],
  ['cs-data-security', 'bd-data-exchange', 'Data security makes data trading possible'],
  ['cs-network-security', 'ii-industrial-network', 'Industrial firewalls protect OT networks'],
  ['sat-navigation-chips', 'icv-maps-positioning', 'BeiDou receivers for vehicle positioning'],
  ['sat-navigation-chips', 'uav-flight-control', 'GNSS receivers in flight controllers'],
  ['la-aero-materials', 'uav-structures-materials', 'Aerospace composites and alloys for drone airframes'],
  ['ae-engine-assembly', 'la-final-assembly', 'Engines are installed at aircraft final assembly'],
  ['la-airlines-airports', 'log-air-cargo', 'Belly cargo and airport cargo terminals'],
  ['la-airlines-airports', 'tour-travel-services', 'Air travel for tourists'],
  ['pv-power-plants', 'h2-hydrogen-production', 'Solar power for water electrolysis'],
  ['icv-adas-domain-control', 'nev-vehicle', 'Driving-automation systems fitted to vehicles'],
  ['icv-smart-cockpit', 'nev-vehicle', 'Cockpit systems fitted to vehicles'],
  ['nev-vehicle', 'icv-autonomous-operations', 'Vehicles for robotaxi and autonomous trucking fleets'],
  ['ii-industrial-robots', 'nev-vehicle', 'Welding and assembly robots in vehicle plants'],
  ['ii-industrial-robots', 'log-equipment', 'AGVs and palletising robots in automated warehouses'],
  ['seed-crop-seeds', 'food-farming', 'Seed for crop farming'],
  ['seed-livestock-breeding', 'food-farming', 'Breeding stock for livestock and poultry farms'],
  ['seed-horticulture-seedlings', 'tcm-herb-cultivation', 'Herb seedlings for cultivation bases'],
  ['food-agri-inputs', 'tcm-herb-cultivation', 'Fertiliser and crop protection for herb farming'],
  ['tcm-extracts', 'food-ingredients-additives', 'Plant extracts used as food ingredients'],
  [
    'tcm-patent-medicines',
    'drug-distribution',
    'Chinese patent medicines flow through pharmaceutical distribution',
  ],
  ['tcm-decoction-pieces', 'drug-hospitals', 'Decoction pieces dispensed by hospital pharmacies'],
  ['cc-creative-design', 'expo-design-build', 'Display design for exhibitions'],
  ['cc-cultural-products', 'tour-duty-free-retail', 'Creative products sold at tourist sites'],
  ['tour-hotels', 'expo-business-services', 'Hotels host exhibition visitors'],
];
