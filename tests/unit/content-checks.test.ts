/** The cross-file content rules: locale parity, heading ids and excerpt data integrity. */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {type Site, checkExcerptData, checkLocaleParity} from '../../src/lib/content-checks';
import {type ExcerptData, sha256} from '../../src/lib/excerpt-data';
import {type ScannedPage, scanMdxSource} from '../../src/lib/mdx-scan';
import {CILIUM_COMMIT} from '../../src/lib/cilium';

const EXCERPT = `<Excerpt id="demo" path="bpf/demo.c" lines="2-3" anchor="int main">
  <Callout line="3">Note.</Callout>
</Excerpt>`;

function page(file: string, body: string): ScannedPage {
  return scanMdxSource(`---\ntitle: T\n---\n\n${body}\n`, file);
}

function site(en: Record<string, string>, zh: Record<string, string>): Site {
  return {
    en: new Map(Object.entries(en).map(([k, v]) => [k, page(`docs/${k}`, v)])),
    'zh-Hans': new Map(Object.entries(zh).map(([k, v]) => [k, page(`i18n/zh-Hans/${k}`, v)])),
  };
}

const LINES = ['int main(void)', '{', '\treturn 0;'];
function data(overrides: Partial<ExcerptData> = {}): ExcerptData {
  const lines = LINES.slice(0, 2);
  return {
    $comment: '',
    commit: CILIUM_COMMIT,
    files: {'bpf/demo.c': {blob: 'x', lineCount: 4}},
    excerpts: {demo: {path: 'bpf/demo.c', lines: '2-3', anchor: 'int main', sha256: sha256(lines), ranges: [{from: 2, lines}]}},
    links: {},
    ...overrides,
  };
}

describe('checkLocaleParity', () => {
  test('passes when both locales hold the same pages, ids and excerpts', () => {
    const s = site({'a.mdx': `## A {/* #a */}\n\n${EXCERPT}`}, {'a.mdx': `## 甲 {/* #a */}\n\n${EXCERPT}`});
    assert.deepEqual(checkLocaleParity(s), []);
  });

  test('names the page that has no translation', () => {
    const problems = checkLocaleParity(site({'a.mdx': '## A {/* #a */}'}, {}));
    assert.match(problems.join(), /docs\/a\.mdx: has no zh-Hans translation/);
  });

  test('names a heading without an explicit id, with file and line', () => {
    const problems = checkLocaleParity(site({'a.mdx': '## A'}, {'a.mdx': '## 甲'}));
    assert.match(problems.join('\n'), /docs\/a\.mdx:5: heading "A" has no explicit/);
  });

  test('reports ids that differ between the locales', () => {
    const problems = checkLocaleParity(site({'a.mdx': '## A {/* #a */}'}, {'a.mdx': '## 甲 {/* #b */}'}));
    assert.match(problems.join(), /heading ids differ .*only in docs\/a\.mdx: a.*only in i18n\/zh-Hans\/a\.mdx: b/);
  });

  test('reports an excerpt whose callouts were not translated', () => {
    const zh = EXCERPT.replace(/\s*<Callout[^]*<\/Callout>/, '');
    const problems = checkLocaleParity(site({'a.mdx': `## A {/* #a */}\n\n${EXCERPT}`}, {'a.mdx': `## 甲 {/* #a */}\n\n${zh}`}));
    assert.match(problems.join(), /excerpt "demo" differs/);
  });
});

describe('keywords front matter', () => {
  const withFrontMatter = (file: string, frontMatter: string) => scanMdxSource(`---\ntitle: T\n${frontMatter}---\n\n## A {/* #a */}\n`, file);
  const docs = (en: ScannedPage, zh: ScannedPage): Site => ({en: new Map([['docs/a.mdx', en]]), 'zh-Hans': new Map([['docs/a.mdx', zh]])});

  test('reads a one-line list', () => {
    assert.deepEqual(withFrontMatter('docs/a.mdx', 'keywords: [tail call, 初始化 Map, h.Run]\n').keywords, ['tail call', '初始化 Map', 'h.Run']);
  });

  test('a doc page without keywords fails the check, naming the file', () => {
    const problems = checkLocaleParity(docs(withFrontMatter('docs/a.mdx', 'keywords: [a]\n'), withFrontMatter('i18n/zh-Hans/a.mdx', '')));
    assert.deepEqual(problems, ['i18n/zh-Hans/a.mdx: has no keywords in its front matter; list what a reader would type to find it, e.g. keywords: [tail call, cilium_calls].']);
  });

  test('keywords in another form fail with file and line', () => {
    const problems = checkLocaleParity(docs(withFrontMatter('docs/a.mdx', 'keywords:\n  - a\n'), withFrontMatter('i18n/zh-Hans/a.mdx', 'keywords: ["a"]\n')));
    assert.equal(problems.length, 2);
    assert.match(problems[0], /^docs\/a\.mdx:3: write keywords as one unquoted list/);
    assert.match(problems[1], /^i18n\/zh-Hans\/a\.mdx:3: write keywords/);
  });
});

describe('checkExcerptData', () => {
  const good = site({'a.mdx': EXCERPT}, {'a.mdx': EXCERPT});

  test('passes for intact data', () => {
    assert.deepEqual(checkExcerptData(good, data()), []);
  });

  test('fails when a page references an excerpt the data lacks', () => {
    assert.match(checkExcerptData(good, data({excerpts: {}})).join(), /docs\/a\.mdx:5: excerpt "demo" is not in src\/data\/excerpts\.json/);
  });

  test('fails when the stored text no longer matches its hash', () => {
    const d = data();
    d.excerpts.demo.ranges[0].lines[1] = '{ /* edited */';
    assert.match(checkExcerptData(good, d).join(), /no longer matches its sha256/);
  });

  test('fails on an unused entry', () => {
    const d = data();
    d.excerpts.orphan = {...d.excerpts.demo};
    assert.match(checkExcerptData(good, d).join(), /"orphan" is used by no page/);
  });

  test('fails on a callout outside the excerpt, naming the callout line', () => {
    const s = site({'a.mdx': EXCERPT.replace('line="3"', 'line="9"')}, {'a.mdx': EXCERPT});
    assert.match(checkExcerptData(s, data()).join(), /docs\/a\.mdx:5: a <Callout line="9"> \(line 6\) is outside/);
  });

  test('fails on a duplicate excerpt id within a locale', () => {
    const s = site({'a.mdx': EXCERPT, 'b.mdx': EXCERPT}, {'a.mdx': EXCERPT});
    assert.match(checkExcerptData(s, data()).join(), /excerpt id "demo" is already used/);
  });

  test('fails when attributes disagree with the data', () => {
    const s = site({'a.mdx': EXCERPT.replace('2-3', '2-4')}, {'a.mdx': EXCERPT});
    assert.match(checkExcerptData(s, data()).join(), /has lines="2-4" but the data has "2-3"/);
  });

  test('fails on data synced from another commit', () => {
    assert.match(checkExcerptData(good, data({commit: 'f'.repeat(40)})).join(), /src\/lib\/cilium\.ts pins/);
  });

  test('fails on an over-long excerpt and a malformed line list', () => {
    const long = site({'a.mdx': EXCERPT.replace('2-3', '1-60')}, {'a.mdx': EXCERPT});
    assert.match(checkExcerptData(long, data()).join(), /shows 60 lines; quote at most 40/);
    const bad = site({'a.mdx': EXCERPT.replace('2-3', '3-2')}, {'a.mdx': EXCERPT});
    assert.match(checkExcerptData(bad, data()).join(), /not an ascending range/);
  });

  test('checks cilium: links against the files and lines the data knows', () => {
    const s = site({'a.mdx': '[x](cilium:bpf/demo.c#L9)'}, {'a.mdx': '[x](cilium:bpf/other.c#L1)'});
    const problems = checkExcerptData(s, data()).join('\n');
    assert.match(problems, /docs\/a\.mdx:5: cilium:bpf\/demo\.c#L9 reaches past the end/);
    assert.match(problems, /i18n\/zh-Hans\/a\.mdx:5: cilium:bpf\/other\.c#L1 names a file not in/);
  });
});
