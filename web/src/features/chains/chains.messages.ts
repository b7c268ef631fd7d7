import { defineMessages } from '../../lib/i18n.ts';

export const chainsMessages = defineMessages({
  'zh-CN': {
    title: '重点产业链',
    summary: (ecosystems: string, chains: string) => `${ecosystems} 个产业生态圈 · ${chains} 条重点产业链`,
    intro: '点击产业链卡片查看上中下游环节图谱及本地企业分布。',
    loading: '正在加载产业链…',
    empty: '还没有产业链数据。导入种子数据后即可在此查看。',
    unverified: '待核实',
    unverifiedHint: '名称或归属尚未与官方文件核对',
    unknownEcosystem: '该生态圈不在生态圈列表中',
    chainCount: (n: string) => `${n} 条产业链`,
    noChains: '该生态圈下暂无产业链。',
    links: '环节',
    localEnterprises: '本地企业',
    leaders: '链主',
    openMap: (name: string) => `查看“${name}”产业链图谱`,
  },
  en: {
    title: 'Key industry chains',
    summary: (ecosystems: string, chains: string) =>
      `${ecosystems} industrial ecosystems · ${chains} key chains`,
    intro: 'Open a chain to see its upstream, midstream and downstream links and where local firms sit.',
    loading: 'Loading industry chains…',
    empty: 'No industry chains yet. They appear here once the seed data is loaded.',
    unverified: 'Unverified',
    unverifiedHint: 'Name or grouping not yet checked against official documents',
    unknownEcosystem: 'This ecosystem is missing from the ecosystem list',
    chainCount: (n: string) => `${n} chains`,
    noChains: 'No chains in this ecosystem yet.',
    links: 'Links',
    localEnterprises: 'Local firms',
    leaders: 'Leaders',
    openMap: (name: string) => `Open the chain map of ${name}`,
  },
});
