import type {Config} from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import type {PluginOptions as SearchOptions} from '@easyops-cn/docusaurus-search-local';
import {themes as prismThemes} from 'prism-react-renderer';
import remarkGfm from 'remark-gfm';

import {CILIUM_TREE_URL, CILIUM_VERSION} from './src/lib/cilium';
import {accessiblePrismTheme} from './src/lib/accessible-prism-theme';
import remarkHeadingIds from './src/remark/heading-ids';
import remarkCiliumLinks from './src/remark/cilium-links';
import rehypeExcerpts from './src/rehype/excerpts';
import {searchResultLimits} from './src/search/search-bar-constants';

const baseUrl = '/';

const docsMarkdownPlugins = {
  // Runs before Docusaurus' own heading plugin, so it still sees the `{/* #id */}` comments.
  beforeDefaultRemarkPlugins: [remarkHeadingIds],
  remarkPlugins: [remarkGfm, remarkCiliumLinks],
  rehypePlugins: [[rehypeExcerpts, {baseUrl}]],
};

const config: Config = {
  title: 'Cilium Source Guide',
  tagline: `Learn to read the Cilium source code, pinned to v${CILIUM_VERSION}`,
  favicon: 'img/favicon.svg',
  url: 'https://cilium-source-guide.example.org',
  baseUrl,
  trailingSlash: false,

  future: {
    v4: true,
    faster: {
      swcJsLoader: true,
      swcJsMinimizer: true,
      swcHtmlMinimizer: true,
      lightningCssMinimizer: true,
      rspackBundler: true,
      mdxCrossCompilerCache: true,
      ssgWorkerThreads: true,
      gitEagerVcs: true,
      // Off: excerpts are rendered from src/data/*.json, which the persistent cache does not
      // track, so a re-synced excerpt could be served stale from an earlier build.
      rspackPersistentCache: false,
    },
  },

  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  onDuplicateRoutes: 'throw',
  markdown: {
    format: 'mdx',
    hooks: {
      onBrokenMarkdownLinks: 'throw',
      onBrokenMarkdownImages: 'throw',
    },
  },

  i18n: {
    defaultLocale: 'en',
    locales: ['en', 'zh-Hans'],
    localeConfigs: {
      en: {label: 'English', htmlLang: 'en'},
      'zh-Hans': {label: '简体中文', htmlLang: 'zh-Hans'},
    },
  },

  presets: [
    [
      'classic',
      {
        docs: {
          routeBasePath: 'docs',
          sidebarPath: './sidebars.ts',
          showLastUpdateTime: false,
          ...docsMarkdownPlugins,
        },
        blog: false,
        pages: {...docsMarkdownPlugins},
        theme: {customCss: './src/css/custom.css'},
      } satisfies Preset.Options,
    ],
  ],

  plugins: [
    './src/plugins/content-checks.ts',
    './src/plugins/reference-data.ts',
    './src/plugins/symbol-index.ts',
    './src/plugins/excerpt-token-css.ts',
    './src/plugins/lean-main-bundle.ts',
    [
      '@docusaurus/plugin-ideal-image',
      {quality: 80, max: 1600, min: 480, steps: 3, disableInDev: false},
    ],
  ],

  themes: [
    [
      '@easyops-cn/docusaurus-search-local',
      {
        hashed: true,
        language: ['en', 'zh'],
        indexBlog: false,
        indexPages: false,
        docsRouteBasePath: 'docs',
        // Keeps Cilium/eBPF terms whole when jieba segments Chinese text.
        zhUserDictPath: './src/data/search-userdict.txt',
        highlightSearchTermsOnTargetPage: false,
        explicitSearchResultPath: true,
        searchResultLimits,
        // Index the prose, titles and reference tables, not the quoted Cilium lines: the code was
        // a third of the index, and every symbol worth finding is named in prose or a reference row.
        ignoreCssSelectors: ['.excerpt-pre'],
        searchBarShortcutHint: true,
      } satisfies SearchOptions,
    ],
  ],

  themeConfig: {
    colorMode: {respectPrefersColorScheme: true},
    navbar: {
      title: 'Cilium Source Guide',
      // No alt: the logo sits next to the same words in the title, so it is decorative (alt="").
      logo: {src: 'img/logo.svg', width: 32, height: 32},
      items: [
        {type: 'docSidebar', sidebarId: 'guide', position: 'left', label: 'Guide'},
        {to: '/docs/reference', position: 'left', label: 'Reference', activeBaseRegex: '/docs/reference'},
        {type: 'localeDropdown', position: 'right'},
      ],
    },
    footer: {
      style: 'dark',
      links: [
        {
          title: 'Guide',
          items: [
            {label: 'Introduction', to: '/docs/intro'},
            {label: 'Source layout', to: '/docs/source-layout'},
          ],
        },
        {
          title: 'Cilium',
          items: [
            {label: `Cilium v${CILIUM_VERSION} on GitHub`, href: CILIUM_TREE_URL},
          ],
        },
      ],
      copyright:
        'Guide text © Cilium Source Guide authors, CC BY 4.0. Quoted Cilium code: Go under Apache-2.0; bpf/ under GPL-2.0 or BSD-2-Clause. Cilium is a project of the Cilium authors.',
    },
    prism: {
      theme: accessiblePrismTheme(prismThemes.github),
      darkTheme: accessiblePrismTheme(prismThemes.vsDark),
      additionalLanguages: ['bash', 'makefile', 'diff'],
    },
    tableOfContents: {minHeadingLevel: 2, maxHeadingLevel: 3},
  } satisfies Preset.ThemeConfig,
};

export default config;
