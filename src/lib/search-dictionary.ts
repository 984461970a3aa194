/**
 * The words jieba must keep whole when the search index is built: the curated Cilium/eBPF terms in
 * src/data/search-userdict.txt and every Chinese term of the zh-Hans pages' `keywords`. The search
 * box cuts a Chinese query with the index's own terms, so a term kept whole in the index is one
 * query term; the index also holds each kept word's parts (src/plugins/search-local.ts), so a
 * reader who types only a part still finds it.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {SITE_ROOT, scanSite} from './mdx-scan';

export const CURATED_DICTIONARY = 'src/data/search-userdict.txt';
/** jieba's frequency for a user word: high enough that it wins over its parts. */
const FREQUENCY = 20000;
const HAN_RUN = /\p{Script=Han}{2,}/gu;

/** Chinese words of the curated list and of the zh-Hans keywords, each once, curated first. */
export function searchDictionaryWords(root = SITE_ROOT): string[] {
  const curated = readFileSync(join(root, CURATED_DICTIONARY), 'utf8')
    .split('\n')
    .map((line) => line.trim().split(/\s+/)[0])
    .filter(Boolean);
  const fromKeywords = [...scanSite(root)['zh-Hans'].values()].flatMap((page) =>
    (page.keywords ?? []).flatMap((term) => term.match(HAN_RUN) ?? []),
  );
  return [...new Set([...curated, ...fromKeywords])];
}

/** The dictionary in jieba's user-dictionary format (`word frequency tag` per line). */
export function searchUserDictionary(root = SITE_ROOT): string {
  return searchDictionaryWords(root)
    .map((word) => `${word} ${FREQUENCY} n`)
    .join('\n');
}
