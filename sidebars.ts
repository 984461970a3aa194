import type {SidebarsConfig} from '@docusaurus/plugin-content-docs';

/** The reading order of the guide: each section builds on the one before. */
const sidebars: SidebarsConfig = {
  guide: [
    'intro',
    'source-layout',
    {
      type: 'category',
      label: 'eBPF side',
      key: 'ebpf',
      collapsed: false,
      items: ['ebpf/editor-setup', 'ebpf/entry-points', 'ebpf/maps'],
    },
    {
      type: 'category',
      label: 'Go side',
      key: 'go',
      collapsed: false,
      items: ['go/hive-cells'],
    },
    {
      type: 'category',
      label: 'cilium-agent',
      key: 'agent',
      collapsed: false,
      items: ['agent/startup', 'agent/datapath-load-flow'],
    },
    'faq',
    {
      type: 'category',
      label: 'Reference',
      key: 'reference',
      collapsed: false,
      link: {type: 'doc', id: 'reference/index'},
      items: ['reference/entry-points', 'reference/maps', 'reference/cell-tree', 'reference/symbols', 'reference/drift'],
    },
  ],
};

export default sidebars;
