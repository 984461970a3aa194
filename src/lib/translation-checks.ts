/**
 * Every string of our own UI exists in zh-Hans and is really translated: each `translate`/<Translate>
 * id used under src/ has a zh-Hans message, and no zh-Hans message is left in English.
 */
import {readFileSync, readdirSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';
import {SITE_ROOT} from './mdx-scan';

/** Messages that are the same in both languages (names, not prose). */
const SAME_IN_BOTH = new Set(['Cilium', 'cilium-agent']);
const HAS_CJK = /\p{Script=Han}/u;
const TRANSLATE_ID = /(?:<Translate\b[^>]*?\bid=|translate\(\s*\{\s*id:\s*)["'`]([^"'`]+)["'`]/g;

function filesUnder(dir: string, test: (name: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return filesUnder(full, test);
    return test(name) ? [full] : [];
  });
}

/** Translation ids used in our components and pages, with where each is used. */
export function usedTranslationIds(root = SITE_ROOT): Map<string, string> {
  const ids = new Map<string, string>();
  for (const file of filesUnder(join(root, 'src'), (n) => /\.tsx?$/.test(n))) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(TRANSLATE_ID)) {
      const line = source.slice(0, match.index).split('\n').length;
      ids.set(match[1], `${relative(root, file)}:${line}`);
    }
  }
  return ids;
}

export function checkTranslations(root = SITE_ROOT): string[] {
  const problems: string[] = [];
  const dir = join(root, 'i18n/zh-Hans');
  const codeFile = join(dir, 'code.json');
  const code = JSON.parse(readFileSync(codeFile, 'utf8')) as Record<string, {message: string}>;
  for (const [id, where] of usedTranslationIds(root)) {
    if (!code[id]) problems.push(`${where}: translation id "${id}" is missing from i18n/zh-Hans/code.json; run npm run write-translations -- --locale zh-Hans and translate it.`);
  }
  for (const file of filesUnder(dir, (n) => n.endsWith('.json'))) {
    const messages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, {message: string}>;
    for (const [id, {message}] of Object.entries(messages)) {
      if (id.startsWith('theme.') || id === 'version.label') continue; // Docusaurus ships these in Chinese
      if (!HAS_CJK.test(message) && !SAME_IN_BOTH.has(message)) {
        problems.push(`${relative(root, file)}: "${id}" is still English ("${message}"); translate it.`);
      }
    }
  }
  return problems;
}
