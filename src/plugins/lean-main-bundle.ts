/**
 * Moves two libraries out of the main bundle that every page downloads and parses first; each
 * loads on demand instead. Both are module swaps, because the imports sit inside theme packages.
 * - lunr: the search bar imports only `searchResultLimits` from the search plugin's constants,
 *   yet that module loads lunr and its Chinese pipeline as a side effect. The bar gets
 *   src/search/search-bar-constants.ts; the search worker keeps the real module.
 * - Prism: theme-classic registers Prism's extra languages from a client module, which pulls
 *   prism-react-renderer into main. Ours registers them in src/theme/CodeBlock/Highlighted.tsx,
 *   the chunk a fenced code block loads when a reader reaches for it (see src/theme/CodeBlock).
 */
import {resolve} from 'node:path';
import type {Plugin} from '@docusaurus/types';

interface ResolveData {
  context?: string;
  request: string;
}
const SEARCH_BAR_CONSTANTS = resolve(__dirname, '../search/search-bar-constants.ts');
const NO_STARTUP_LANGUAGES = resolve(__dirname, '../theme/CodeBlock/no-startup-languages.ts');
const posix = (p = '') => p.replace(/\\/g, '/');

export default function leanMainBundle(): Plugin {
  return {
    name: 'lean-main-bundle',
    configureWebpack(_config, isServer, {currentBundler}) {
      const Replace = currentBundler.instance.NormalModuleReplacementPlugin;
      return {
        plugins: [
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
