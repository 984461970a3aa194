/** The guide's generated words in every locale (src/lib/generated-text.ts) and the check that guards them. */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {Program} from '../../src/lib/facts';
import {readFactFile} from '../../src/lib/facts';
import {EXCERPT_WORDS, GENERATED_PHRASES, GENERATED_TEXT, attachTargetText, checkGeneratedText} from '../../src/lib/generated-text';
import {breakableHtml} from '../../src/components/FactTable/breakable';

const program = (hook: Program['attach'][number]['hook'], target: string): Program =>
  ({name: 'cil_demo', attach: [{hook, detail: null, target, via: {file: 'pkg/x.go', line: 1, function: 'attachDemo'}}]}) as unknown as Program;

describe('generated text', () => {
  test('the committed facts and the tables pass the check', () => {
    assert.deepEqual(checkGeneratedText(readFactFile<{programs: Program[]}>('programs.json').programs), []);
  });

  test('a phrase the tables lack fails, naming the facts file, the program and the attach table', () => {
    const [problem, ...rest] = checkGeneratedText([program('tc-ingress', 'every device under the sun')]);
    assert.deepEqual(rest, []);
    assert.match(problem, /^src\/data\/facts\/programs\.json: program cil_demo, tc-ingress target "every device under the sun" \(written by scripts\/facts\/attach-table\.ts for attachDemo\) is not a key of GENERATED_PHRASES in src\/lib\/generated-text\.ts/);
  });

  test('a program array target must be an identifier', () => {
    assert.equal(checkGeneratedText([program('prog-array', 'cilium_call_policy')]).length, 0);
    assert.equal(checkGeneratedText([program('prog-array', 'the policy array')]).length, 1);
  });

  test('an English zh-Hans entry or a dropped identifier fails, naming the table and key', () => {
    const phrase = GENERATED_PHRASES[0];
    const saved = GENERATED_TEXT['zh-Hans'][phrase];
    try {
      GENERATED_TEXT['zh-Hans'][phrase] = '`cilium_host` (the host endpoint)';
      assert.deepEqual(checkGeneratedText([]), [`src/lib/generated-text.ts: zh-Hans["${phrase}"] is still English ("\`cilium_host\` (the host endpoint)"); translate it.`]);
      GENERATED_TEXT['zh-Hans'][phrase] = 'cilium_host（主机 endpoint）';
      assert.match(checkGeneratedText([]).join(), /marks identifiers \(none\) but the English marks cilium_host/);
    } finally {
      GENERATED_TEXT['zh-Hans'][phrase] = saved;
    }
  });

  test('an English word inside zh-Hans excerpts (note label, gap line, …) fails, naming it', () => {
    const saved = EXCERPT_WORDS['zh-Hans'].note;
    try {
      EXCERPT_WORDS['zh-Hans'].note = (n) => `Note ${n}`;
      assert.deepEqual(checkGeneratedText([]), ['src/lib/generated-text.ts: EXCERPT_WORDS["zh-Hans"].note is still English ("Note 2"); translate it.']);
    } finally {
      EXCERPT_WORDS['zh-Hans'].note = saved;
    }
  });

  test('targets read in the page language; identifiers in backticks', () => {
    assert.equal(attachTargetText('each native (external) network device', 'zh-Hans'), '每个原生（对外）网络设备');
    assert.equal(attachTargetText('cilium_calls', 'zh-Hans'), '`cilium_calls`');
    assert.throws(() => attachTargetText('some new words', 'en'), /neither an identifier nor a phrase/);
  });
});

describe('breakable identifiers', () => {
  test('<wbr> after _ and / and before ., never at the start, escaped', () => {
    assert.equal(breakableHtml('__section_maps_btf'), '__section_<wbr>maps_<wbr>btf');
    assert.equal(breakableHtml('bpf/lib/maps.h:12'), 'bpf/<wbr>lib/<wbr>maps<wbr>.h:12');
    assert.equal(breakableHtml('a<b> && "c"'), 'a&lt;b&gt; &amp;&amp; &quot;c&quot;');
    assert.equal(breakableHtml('...'), '...');
  });
});
