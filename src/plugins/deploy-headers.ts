/**
 * After each locale's build, hashes every inline script in the built HTML (all locales built so far)
 * and writes `_headers` and `_nginx-locations.conf` into the build root from src/lib/deploy-headers.ts.
 * Locales build one after another into the same root, so the last one writes the complete files.
 */
import {readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';
import {type DeployTree, HEADERS_FILE, NGINX_LOCATIONS_FILE, inlineScriptHashes, netlifyHeadersFile, nginxLocations} from '../lib/deploy-headers';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'assets' ? [] : htmlFiles(full);
    return entry.name.endsWith('.html') ? [full] : [];
  });
}

export default function deployHeaders(context: LoadContext): Plugin {
  const {i18n} = context;
  const baseUrl = i18n.localeConfigs[i18n.defaultLocale].baseUrl;
  return {
    name: 'deploy-headers',
    async postBuild({outDir}) {
      // This locale's outDir is the build root plus its path below baseUrl (e.g. `zh-Hans/`).
      const localePath = context.baseUrl.slice(baseUrl.length);
      const root = localePath ? outDir.slice(0, -localePath.replace(/\/$/, '').length - 1) : outDir;
      const localePrefixes = i18n.locales
        .filter((l) => l !== i18n.defaultLocale)
        .map((l) => i18n.localeConfigs[l].baseUrl.slice(baseUrl.length));
      const entries: DeployTree['entries'] = {};
      for (const prefix of ['', ...localePrefixes]) {
        try {
          entries[prefix] = readdirSync(join(root, prefix), {withFileTypes: true})
            .map((e) => ({name: e.name, directory: e.isDirectory()}))
            .sort((a, b) => a.name.localeCompare(b.name));
        } catch {
          // A locale not built (yet, or at all with --locale).
        }
      }
      const hashes = new Set<string>();
      for (const file of htmlFiles(root)) for (const hash of inlineScriptHashes(readFileSync(file, 'utf8'))) hashes.add(hash);
      const tree: DeployTree = {baseUrl, localePrefixes, entries, scriptHashes: [...hashes].sort()};
      writeFileSync(join(root, HEADERS_FILE), netlifyHeadersFile(tree));
      writeFileSync(join(root, NGINX_LOCATIONS_FILE), nginxLocations(tree));
    },
  };
}
