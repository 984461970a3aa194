/**
 * @easyops-cn/docusaurus-search-local with Chinese indexed the way readers search.
 *
 * The plugin's index tokenizer cuts each Chinese run with jieba once, so a compound such as 入口程序
 * becomes one term and its parts (入口, 程序) are not in the index; the search box, in turn, cuts a
 * query with the index's own terms. A reader who types a part, or a compound the index split, misses
 * pages that hold the very words. This theme is the plugin itself with one change to its tokenizer:
 * every Chinese term also yields its parts, as jieba's search mode gives them (its dictionary words
 * of two and three characters) plus any user-dictionary word inside it, each at its own position.
 * Compound and parts are then all terms, whichever way the query is cut.
 *
 * The change replaces the `tokenizer` export of the plugin's utils/tokenizer module before the
 * plugin first builds an index (it reads that export once, when it sets up lunr); postBuild checks
 * that lunr really tokenizes with it, so a plugin update that moves the tokenizer fails the build
 * here instead of quietly indexing without parts. node_modules is not edited.
 */
import {createRequire} from 'node:module';
import type {LoadContext, Plugin} from '@docusaurus/types';
import type {PluginOptions} from '@easyops-cn/docusaurus-search-local';

const PLUGIN = '@easyops-cn/docusaurus-search-local';
// Resolve from the plugin's own entry, so these are the very module instances it uses.
const pluginRequire = createRequire(require.resolve(PLUGIN));

interface LunrToken {
  toString(): string;
  metadata: {position?: [number, number]; index?: number} & Record<string, unknown>;
}
type Tokenizer = (input: unknown, metadata?: Record<string, unknown>) => LunrToken[];
interface Lunr {
  Token: new (str: string, metadata: Record<string, unknown>) => LunrToken;
  zh?: {tokenizer?: Tokenizer};
}

/**
 * The plugin's modules outlive this one: Docusaurus loads the config (and so this file) afresh for
 * each locale, while Node keeps the plugin's modules. So the plugin's own tokenizer and ours are
 * kept on its module, found again by a registered symbol, and ours is made once.
 */
const INSTALLED = Symbol.for('cilium-source-guide.search-mode-tokenizer');
const tokenizerModule = pluginRequire('./utils/tokenizer') as {
  tokenizer: Tokenizer;
  [INSTALLED]?: {original: Tokenizer; searchMode?: Tokenizer};
};
const state = (tokenizerModule[INSTALLED] ??= {original: tokenizerModule.tokenizer});
const {original} = state;
const jieba = pluginRequire('@node-rs/jieba') as {cutForSearch(text: string, hmm?: boolean): string[]};
const lunr = pluginRequire('lunr') as Lunr;

const HAN = /\p{Script=Han}/u;

/** The parts of a Chinese term that are words themselves, each once, shorter than the term. */
export function chineseParts(term: string, userWords: readonly string[]): string[] {
  if (term.length < 3 || !HAN.test(term)) return [];
  const parts = [...jieba.cutForSearch(term, false), ...userWords.filter((word) => term.includes(word))];
  return [...new Set(parts)].filter((part) => part.length > 1 && part.length < term.length && term.includes(part));
}

/**
 * Chinese function words the guide's prose is full of, beyond lunr.zh's own stop words: on nearly
 * every page, they ranked nothing and were a tenth of the zh-Hans index. A query that holds one
 * loses nothing: the search box cuts queries with the index's terms and skips what is not one.
 */
export const GUIDE_STOP_WORDS: ReadonlySet<string> = new Set(
  ('里 会 时 都 第 中 就 按 对 要 能 才 先 等 过 没 更 需 共 进 出 带 成 做 走 想 请 内 处 前 点 全 次 含 完 说 回 ' +
    '开 放 住 经 仅 非 者 较 像 两 真 外 总 除 间 太 难 常 正 得 里面 一个 这个 这些 那些 以及 每个 它们 我们 可以 ' +
    '因为 所以 但是 如果 就是 还是 只是 而是 这样 那样 时候 之后 之前 然后 其中 什么 怎么 为什么 这里 那里 已经 ' +
    '没有 不是 也是 都是 需要 一些 一种 这种 那种 自己 通过').split(' '),
);

/** The plugin's tokens without stop words, each Chinese term followed by its parts at their own positions. */
export function searchModeTokenizer(userWords: readonly string[]): Tokenizer {
  const kept = new Set(userWords);
  const indexed = (term: string) => kept.has(term) || !GUIDE_STOP_WORDS.has(term);
  return (input, metadata = {}) => {
    const tokens = original(input, metadata);
    if (input == null || Array.isArray(input)) return tokens;
    const out: LunrToken[] = [];
    for (const token of tokens) {
      const term = token.toString();
      if (indexed(term)) out.push(token);
      const [start = 0] = token.metadata.position ?? [];
      for (const part of chineseParts(term, userWords).filter(indexed)) {
        out.push(new lunr.Token(part, {...metadata, position: [start + term.indexOf(part), part.length]}));
      }
    }
    out.forEach((token, index) => (token.metadata.index = index));
    return out;
  };
}

/** The words of a jieba user dictionary (`word [frequency] [tag]` per line). */
const dictionaryWords = (dictionary = '') =>
  dictionary
    .split('\n')
    .map((line) => line.trim().split(/\s+/)[0])
    .filter(Boolean);

export default function searchLocal(context: LoadContext, options: PluginOptions): Plugin {
  // One tokenizer for the whole build: the plugin sets lunr up once, for its first locale.
  const tokenizer = (state.searchMode ??= searchModeTokenizer(dictionaryWords(options.zhUserDict)));
  tokenizerModule.tokenizer = tokenizer;
  const plugin = (pluginRequire(PLUGIN) as {default: (c: LoadContext, o: PluginOptions) => Plugin}).default(context, options);
  return {
    ...plugin,
    async postBuild(props) {
      await plugin.postBuild?.(props);
      if (lunr.zh?.tokenizer !== tokenizer) {
        throw new Error(
          `src/plugins/search-local.ts: ${PLUGIN} built its index without the search-mode tokenizer ` +
            '(its utils/tokenizer module moved or changed); Chinese compounds would be indexed without their parts.',
        );
      }
    },
  };
}

export const validateOptions = (pluginRequire(PLUGIN) as {validateOptions: unknown}).validateOptions;
