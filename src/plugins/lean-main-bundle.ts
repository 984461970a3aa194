/**
 * Keeps out of the main bundle, which every page downloads and parses first, what it need not
 * carry. All are module swaps, because the imports sit inside packages we do not own.
 * - lunr: the search bar imports only `searchResultLimits` from the search plugin's constants,
 *   yet that module loads lunr and its Chinese pipeline as a side effect. The bar gets
 *   src/search/search-bar-constants.ts; the search worker keeps the real module.
 * - Prism: theme-classic registers Prism's extra languages from a client module, which pulls
 *   prism-react-renderer into main. Ours registers them in src/theme/CodeBlock/Highlighted.tsx,
 *   the chunk a fenced code block loads when a reader reaches for it (see src/theme/CodeBlock).
 * - Translations no page shows: code.json holds the theme's blog and tag-page strings (there is no
 *   blog and no doc has tags) and the Markdown twins' `markdown.*` strings (read at build time
 *   from code.json, never in the browser). A production build's client and server bundles get
 *   @generated/codeTranslations without them; tests/e2e/bundle.test.ts fails when a page's
 *   chunks ask for a key that is not there.
 * - The SSR template (src/plugins/deferred-runtime.ts): the site config reaches the browser whole,
 *   but only Docusaurus' static generation in Node reads `ssrTemplate`, from its own copy.
 */
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';

interface ResolveData {
  context?: string;
  request: string;
}
const SEARCH_BAR_CONSTANTS = resolve(__dirname, '../search/search-bar-constants.ts');
const NO_STARTUP_LANGUAGES = resolve(__dirname, '../theme/CodeBlock/no-startup-languages.ts');
const posix = (p = '') => p.replace(/\\/g, '/');

/** Translation ids that no built page shows (see the header). */
export const UNSHOWN_TRANSLATION = /^(theme\.blog\.|theme\.tags\.tagsPage|theme\.docs\.tagDocListPageTitle|markdown\.)/;

/** Writes a generated module's lean copy beside Docusaurus' own, named per locale so one locale's never stands in for another's. */
function writeLean(generatedFilesDir: string, name: string, text: string): string {
  const dir = join(generatedFilesDir, 'lean-main-bundle');
  mkdirSync(dir, {recursive: true});
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

export default function leanMainBundle({generatedFilesDir, i18n, siteConfig}: LoadContext): Plugin {
  const locale = i18n.currentLocale;
  /** The locale's translations without the unshown ones. */
  const shownTranslationsFile = () => {
    const all = JSON.parse(readFileSync(join(generatedFilesDir, 'codeTranslations.json'), 'utf8')) as Record<string, string>;
    const shown = Object.fromEntries(Object.entries(all).filter(([id]) => !UNSHOWN_TRANSLATION.test(id)));
    return writeLean(generatedFilesDir, `codeTranslations.${locale}.json`, JSON.stringify(shown));
  };
  /** The site config as Docusaurus generates it (JSON.stringify), without the SSR template. */
  const browserConfigFile = () =>
    writeLean(generatedFilesDir, `docusaurus.config.${locale}.mjs`, `export default ${JSON.stringify({...siteConfig, ssrTemplate: undefined})};\n`);

  return {
    name: 'lean-main-bundle',
    configureWebpack(config, isServer, {currentBundler}) {
      const Replace = currentBundler.instance.NormalModuleReplacementPlugin;
      // `docusaurus start` regenerates its modules when code.json or the config change; a copy made
      // once would go stale there, and the dev bundle's size does not matter.
      const lean = config.mode === 'production';
      return {
        plugins: [
          ...(lean
            ? [
                new Replace(/^@generated\/codeTranslations(\.json)?$/, shownTranslationsFile()),
                new Replace(/^@generated\/docusaurus\.config(\.mjs)?$/, browserConfigFile()),
              ]
            : []),
          new Replace(/\/proxiedGeneratedConstants$/, (data: ResolveData) => {
            if (!isServer && posix(data.context).endsWith('/theme/SearchBar')) data.request = SEARCH_BAR_CONSTANTS;
          }),
          // The client module itself (lib/), not the swizzlable @theme/prism-include-languages.
          new Replace(/[\\/]@docusaurus[\\/]theme-classic[\\/]lib[\\/]prism-include-languages(\.js)?$/, NO_STARTUP_LANGUAGES),
        ],
      };
    },
  };
}
