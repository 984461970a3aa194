import type {Config} from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import type {PluginOptions as SearchOptions} from '@easyops-cn/docusaurus-search-local';
import {themes as prismThemes} from 'prism-react-renderer';
import remarkGfm from 'remark-gfm';

import {CILIUM_TREE_URL, CILIUM_VERSION} from './src/lib/cilium';
import {accessiblePrismTheme} from './src/lib/accessible-prism-theme';
import {searchUserDictionary} from './src/lib/search-dictionary';
import {tocEntryCount} from './src/lib/mdx-scan';
import remarkHeadingIds from './src/remark/heading-ids';
import remarkCiliumLinks from './src/remark/cilium-links';
import remarkFactCounts from './src/remark/fact-counts';
import rehypeExcerpts from './src/rehype/excerpts';
import rehypeDeferredProse from './src/rehype/deferred-prose';
import rehypeStaticProse from './src/rehype/static-prose';
import {deferredRuntimeTemplate} from './src/plugins/deferred-runtime';
import palettePngAdapter from './src/plugins/palette-png-adapter';
import {searchResultLimits} from './src/search/search-bar-constants';

/**
 * Where the site is served: GUIDE_URL is the origin (https://host), GUIDE_BASE_URL the path it lives
 * under, e.g. `/cilium-guide/` for a GitHub Pages project site. README, "Deploy".
 */
const siteUrl = process.env.GUIDE_URL ?? 'https://cilium-source-guide.example.org';
const baseUrl = process.env.GUIDE_BASE_URL ?? '/';
if (!/^\/([^/]+\/)*$/.test(baseUrl)) throw new Error(`GUIDE_BASE_URL must start and end with "/", e.g. /cilium-guide/ (got "${baseUrl}").`);
if (!/^https?:\/\/[^/]+$/.test(siteUrl)) throw new Error(`GUIDE_URL must be an origin without a path, e.g. https://example.org (got "${siteUrl}").`);

const trailingSlash = false;
const defaultLocale = 'en';

const docsMarkdownPlugins = {
  // Runs before Docusaurus' own heading plugin, so it still sees the `{/* #id */}` comments.
  beforeDefaultRemarkPlugins: [remarkHeadingIds],
  remarkPlugins: [remarkGfm, remarkCiliumLinks, remarkFactCounts],
  // Static prose last: it freezes what the steps before produced (see src/rehype/static-prose.ts).
  // Symbol links inside the excerpts' HTML strings carry the base URL themselves.
  rehypePlugins: [[rehypeExcerpts, {baseUrl}], rehypeDeferredProse, [rehypeStaticProse, {trailingSlash, defaultLocale, siteBaseUrl: baseUrl}]],
};

const config: Config = {
  title: 'Cilium Source Guide',
  tagline: `Learn to read the Cilium source code, pinned to v${CILIUM_VERSION}`,
  favicon: 'img/favicon.svg',
  url: siteUrl,
  baseUrl,
  trailingSlash,

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
    // A table of contents with one entry only takes width from the page (the reference tables need it).
    async parseFrontMatter(params) {
      const result = await params.defaultParseFrontMatter(params);
      if (result.frontMatter.hide_table_of_contents === undefined && tocEntryCount(params.fileContent) <= 1) {
        result.frontMatter.hide_table_of_contents = true;
      }
      return result;
    },
    hooks: {
      onBrokenMarkdownLinks: 'throw',
      onBrokenMarkdownImages: 'throw',
    },
  },

  i18n: {
    defaultLocale,
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

  // Pages load the runtime when a reader reaches for it (src/plugins/deferred-runtime.ts).
  ssrTemplate: deferredRuntimeTemplate,
  // Marks the #hash target after client-side navigation too.
  clientModules: ['./src/client/hash-target.ts', './src/client/scroll-restoration.ts'],

  plugins: [
    './src/plugins/content-checks.ts',
    './src/plugins/reference-data.ts',
    './src/plugins/symbol-index.ts',
    './src/plugins/excerpt-token-css.ts',
    './src/plugins/code-block-dark-css.ts',
    './src/plugins/lean-main-bundle.ts',
    './src/plugins/markdown-twins.ts',
    './src/plugins/deferred-runtime.ts',
    './src/plugins/deploy-headers.ts',
    [
      '@docusaurus/plugin-ideal-image',
      // Widths for a figure drawn at 2x, 800 CSS px wide: 680 fits a phone's column at 1.75x
      // (Lighthouse's phone), 1040 one at 2.6x, 1600 the desktop column at 2x.
      {sizes: [480, 680, 1040, 1600], adapter: palettePngAdapter, quality: 80, disableInDev: false},
    ],
  ],

  themes: [
    [
      // The plugin, indexing each Chinese term with its parts (see the file).
      './src/plugins/search-local.ts',
      {
        hashed: true,
        language: ['en', 'zh'],
        indexBlog: false,
        indexPages: false,
        docsRouteBasePath: 'docs',
        // Keeps Cilium/eBPF terms and the pages' Chinese keywords whole when jieba segments text.
        zhUserDict: searchUserDictionary(),
        highlightSearchTermsOnTargetPage: false,
        explicitSearchResultPath: true,
        searchResultLimits,
        // Index the prose, titles and reference tables, not the quoted Cilium lines: the code was
        // a third of the index, and every symbol worth finding is named in prose or a reference row.
        // Nor the permalink printed under each excerpt's header, its line range, buttons and drift
        // badge, the notes' line links (L123), the newer code of the drift panels, or the Symbols
        // page's definitions and uses (a row is found by its name and kind).
        ignoreCssSelectors: ['.excerpt-pre', '.excerpt-permalink-text', '.excerpt-note-line', '[data-drift-badge]', '[data-drift-panel]', '[data-search-skip]'],
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
