/** The drift mapping: hunks to new regions, the status rules, the quoted target text and the line diff. */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {classify, mapLine, mapRange, occurrences, parseHunks, parseRenames, quoteTarget} from '../../scripts/drift/mapping';
import {compareRows, lineDiff, referenceRows} from '../../src/lib/drift';

const lines = (from: number, to: number, tag = 'L') => Array.from({length: to - from + 1}, (_, i) => `${tag}${from + i}`);

describe('parseHunks', () => {
  test('reads counts, with a missing count meaning one line', () => {
    const diff = 'diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -3 +3,2 @@ ctx\n-a\n+b\n+c\n@@ -10,0 +12,4 @@\n+d\n@@ -20,2 +25,0 @@\n-e\n-f\n';
    assert.deepEqual(parseHunks(diff), [
      {oldStart: 3, oldCount: 1, newStart: 3, newCount: 2},
      {oldStart: 10, oldCount: 0, newStart: 12, newCount: 4},
      {oldStart: 20, oldCount: 2, newStart: 25, newCount: 0},
    ]);
  });
});

describe('mapLine and mapRange', () => {
  // Five lines inserted after old line 10; old lines 20-21 deleted (after new line 24).
  const hunks = [
    {oldStart: 10, oldCount: 0, newStart: 11, newCount: 5},
    {oldStart: 20, oldCount: 2, newStart: 24, newCount: 0},
  ];
  test('untouched lines shift by the hunks before them', () => {
    assert.equal(mapLine(5, hunks, 'start'), 5);
    assert.equal(mapLine(10, hunks, 'start'), 10);
    assert.equal(mapLine(11, hunks, 'start'), 16);
    assert.equal(mapLine(30, hunks, 'end'), 33);
  });
  test('an insertion inside a range widens it; one at its edge stays outside', () => {
    assert.deepEqual(mapRange({from: 8, to: 12}, hunks), {from: 8, to: 17});
    assert.deepEqual(mapRange({from: 11, to: 12}, hunks), {from: 16, to: 17});
    assert.deepEqual(mapRange({from: 5, to: 10}, hunks), {from: 5, to: 10});
  });
  test('a range whose lines were all deleted becomes an empty region before the next line', () => {
    assert.deepEqual(mapRange({from: 20, to: 21}, hunks), {from: 25, to: 24});
    assert.deepEqual(mapRange({from: 19, to: 21}, hunks), {from: 24, to: 24});
  });
  test('a replaced line maps to the start and end of its replacement', () => {
    const replaced = [{oldStart: 7, oldCount: 2, newStart: 7, newCount: 3}];
    assert.deepEqual(mapRange({from: 8, to: 12}, replaced), {from: 7, to: 13});
  });
});

describe('classify', () => {
  const old = lines(1, 30);
  const quoted = [{from: 5, lines: old.slice(4, 8)}, {from: 20, lines: old.slice(19, 22)}];
  test('unchanged: same file, same numbers, even when other lines changed', () => {
    const now = [...old.slice(0, 25), 'new', ...old.slice(25)];
    const hunks = [{oldStart: 25, oldCount: 0, newStart: 26, newCount: 1}];
    assert.deepEqual(classify(quoted, now, hunks, true), {status: 'unchanged', ranges: [{from: 5, to: 8}, {from: 20, to: 22}]});
  });
  test('the same numbers in a renamed file are moved, not unchanged', () => {
    assert.equal(classify(quoted, old, [], false).status, 'moved');
  });
  test('moved: every range verbatim elsewhere', () => {
    const now = ['x', 'y', ...old];
    const hunks = [{oldStart: 0, oldCount: 0, newStart: 1, newCount: 2}];
    assert.deepEqual(classify(quoted, now, hunks, true), {status: 'moved', ranges: [{from: 7, to: 10}, {from: 22, to: 24}]});
  });
  test('a range split by an insertion is changed, its region spans the insertion', () => {
    const now = [...old.slice(0, 6), 'inserted', ...old.slice(6)];
    const hunks = [{oldStart: 6, oldCount: 0, newStart: 7, newCount: 1}];
    assert.deepEqual(classify(quoted, now, hunks, true), {status: 'changed', ranges: [{from: 5, to: 9}, {from: 21, to: 23}]});
  });
  test('a range moved away from where the hunks put it is found by its text', () => {
    // Lines 20-22 moved to the top: git shows a deletion and an insertion.
    const now = [...old.slice(19, 22), ...old.slice(0, 19), ...old.slice(22)];
    const hunks = parseHunks('@@ -0,0 +1,3 @@\n@@ -20,3 +22,0 @@\n');
    assert.deepEqual(classify(quoted, now, hunks, true), {status: 'moved', ranges: [{from: 8, to: 11}, {from: 1, to: 3}]});
  });
  test('of several verbatim copies, the one nearest the mapped region wins', () => {
    assert.deepEqual(occurrences(['a', 'b', 'a', 'b', 'a'], ['a', 'b']), [1, 3]);
    const now = [...old.slice(4, 8), ...old];
    const hunks = [{oldStart: 0, oldCount: 0, newStart: 1, newCount: 4}];
    assert.deepEqual(classify([quoted[0]], now, hunks, true).ranges, [{from: 9, to: 12}]);
  });
});

describe('quoteTarget', () => {
  test('quotes whole regions when they fit', () => {
    const now = lines(1, 20, 'N');
    assert.deepEqual(quoteTarget([{from: 1, lines: ['x']}], [{from: 3, to: 5}], now), [{from: 3, lines: ['N3', 'N4', 'N5']}]);
  });
  test('folds the tail of the longest added run to stay within 40 lines, keeping shared lines', () => {
    const quotedLines = lines(1, 10, 'Q');
    const now = [...quotedLines.slice(0, 5), ...lines(1, 50, 'ADD'), ...quotedLines.slice(5)];
    const kept = quoteTarget([{from: 1, lines: quotedLines}], [{from: 1, to: now.length}], now);
    const total = kept.reduce((n, r) => n + r.lines.length, 0);
    assert.equal(total, 40);
    assert.deepEqual(kept[0], {from: 1, lines: [...quotedLines.slice(0, 5), ...lines(1, 30, 'ADD')]});
    assert.deepEqual(kept[1], {from: 56, lines: quotedLines.slice(5)});
  });
});

describe('lineDiff', () => {
  test('removed lines come before added ones, shared lines pair up', () => {
    assert.deepEqual(lineDiff(['a', 'b', 'c'], ['a', 'x', 'c', 'd']), [
      {op: 'same', a: 0, b: 0},
      {op: 'del', a: 1},
      {op: 'add', b: 1},
      {op: 'same', a: 2, b: 2},
      {op: 'add', b: 3},
    ]);
  });
});

describe('reference rows', () => {
  test('keys ignore line numbers; repeated keys are numbered; maps key by name; modules key by their path', () => {
    const before = referenceRows('maps', {maps: [{file: 'a.h', name: 'm', line: 1}, {file: 'a.h', name: 'm', line: 9}, {file: 'b.h', name: 'n', line: 2}, {file: 'd.h', name: 'p', line: 5}]});
    assert.deepEqual(before.map((r) => r.key), ['m', 'm #2', 'n', 'p']);
    // p moved to another header: still there.
    const after = referenceRows('maps', {maps: [{file: 'a.h', name: 'm', line: 40}, {file: 'c.h', name: 'o', line: 3}, {file: 'e.h', name: 'p', line: 7}]});
    const drift = compareRows(before, after);
    assert.equal(drift.present, 2);
    assert.deepEqual(drift.removed.map((r) => r.key), ['m #2', 'n']);
    assert.deepEqual(drift.added, [{key: 'o', name: 'o', file: 'c.h', line: 3}]);
    const tree = {id: 'agent', file: 'x.go', line: 1, children: [{id: 'loader', file: 'y.go', line: 2, children: []}]};
    assert.deepEqual(referenceRows('cells', {tree}).map((r) => r.key), ['agent', 'agent/loader']);
  });
  test('tail-call programs belong to the tail call table, not the entry programs', () => {
    const programs = [{kind: 'entry', objectSource: 'bpf/a.c', name: 'f', file: 'bpf/a.c', line: 1}, {kind: 'tail-call', objectSource: 'bpf/a.c', name: 't', file: 'bpf/a.c', line: 2}];
    assert.deepEqual(referenceRows('programs', {programs}).map((r) => r.key), ['bpf/a.c f']);
  });
});

describe('parseRenames', () => {
  test('keeps renames only', () => {
    assert.deepEqual([...parseRenames('R087\told/a.go\tnew/a.go\nD\tgone.c\nM\tx.c\n')], [['old/a.go', 'new/a.go']]);
  });
});
