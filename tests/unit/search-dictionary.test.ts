/** What the search index keeps whole and which parts it adds (src/lib/search-dictionary.ts, src/plugins/search-local.ts). */
import assert from 'node:assert/strict';
import {createRequire} from 'node:module';
import {describe, test} from 'node:test';
import {searchDictionaryWords, searchUserDictionary} from '../../src/lib/search-dictionary';
import {chineseParts, GUIDE_STOP_WORDS, searchModeTokenizer} from '../../src/plugins/search-local';

// As the plugin does before it builds an index; jieba takes a dictionary only before its first cut.
const pluginRequire = createRequire(require.resolve('@easyops-cn/docusaurus-search-local'));
(pluginRequire('./utils/tokenizer') as {loadUserDict(dict: string): void}).loadUserDict(searchUserDictionary());

describe('search dictionary', () => {
  test('holds the curated words and the Chinese runs of the zh-Hans keywords, each once', () => {
    const words = searchDictionaryWords();
    assert.ok(words.includes('尾调用'), 'curated');
    assert.ok(words.includes('程序加载'), 'from the keywords of agent/datapath-load-flow');
    assert.ok(words.includes('程序加载流程'), 'the Chinese run of "eBPF 程序加载流程"');
    assert.ok(!words.some((w) => /[A-Za-z]/.test(w)), 'no Latin words: the tokenizer keeps those whole anyway');
    assert.equal(new Set(words).size, words.length);
    assert.match(searchUserDictionary(), /^尾调用 20000 n$/m);
  });
});

describe('search-mode tokenizer', () => {
  test('a Chinese term yields its dictionary parts and user words inside it', () => {
    assert.deepEqual(chineseParts('程序加载流程', ['程序加载']).sort(), ['加载', '流程', '程序', '程序加载'].sort());
    assert.ok(chineseParts('入口程序', []).includes('程序'), 'a part of a curated compound');
    assert.deepEqual(chineseParts('入口', []), [], 'two characters have no parts');
    assert.deepEqual(chineseParts('cilium_calls', []), []);
  });

  test('the index gets compound and parts, each at its own position', () => {
    const tokens = searchModeTokenizer(['程序加载'])('eBPF 程序加载流程', {fields: 't'});
    const seen = tokens.map((t) => `${t.toString()}@${t.metadata.position?.join('+')}`);
    for (const expected of ['ebpf@0+4', '程序加载流程@5+6', '程序@5+2', '加载@7+2', '流程@9+2', '程序加载@5+4']) {
      assert.ok(seen.includes(expected), `${expected} in ${seen.join(' ')}`);
    }
    assert.deepEqual(tokens.map((t) => t.metadata.index), tokens.map((_, i) => i));
  });

  test('the guide\'s stop words are not indexed, unless a keyword or user word is one', () => {
    const terms = (userWords: string[]) => searchModeTokenizer(userWords)('每个 endpoint 里 都有 一个 程序', {fields: 't'}).map(String);
    const plain = terms([]);
    for (const stop of ['每个', '里', '一个']) {
      assert.ok(GUIDE_STOP_WORDS.has(stop));
      assert.ok(!plain.includes(stop), `${stop} not in ${plain.join(' ')}`);
    }
    assert.ok(plain.includes('endpoint') && plain.includes('程序'), plain.join(' '));
    assert.ok(terms(['每个']).includes('每个'), 'a user word is always indexed');
  });
});
