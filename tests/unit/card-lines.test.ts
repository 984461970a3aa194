/** The lines a reference value may take in a card on a 320 px phone, or in a cell of a given width: wrapped as the browser wraps it. */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {CARD_LINE_UNITS, lineUnits, listLines, textLines} from '../../src/components/FactTable/card-lines';

test('short text takes one line; so does nothing at all (the cell shows —)', () => {
  assert.equal(textLines('Go'), 1);
  assert.equal(textLines(''), 1);
});

test('a word that does not fit the rest of a line starts the next one', () => {
  // "(group) " leaves 22 of 30 units; the 46-character path moves down, then breaks inside (54
  // characters, which counted alone would fit two lines).
  assert.equal(textLines('(group) vendor/github.com/cilium/hive/cell/group.go:23'), 3);
  assert.equal(textLines('!defined(__LIB_ICMP6__) && defined(ENABLE_IPV6) && !defined(SKIP_ICMPV6_HOPLIMIT_HANDLING)'), 4);
});

test('a CJK character is twice as wide, and a line may break at any of them', () => {
  assert.equal(textLines('一'.repeat(15)), 1);
  assert.equal(textLines('一'.repeat(16)), 2);
  assert.equal(textLines(`bpf_sock.c ${'写'.repeat(14)}`), 2);
});

test('a list adds its margins to its items', () => {
  assert.equal(listLines(['a']), 1.75);
  assert.equal(listLines(['a', 'b', 'c']), 3 + 0.75 + 0.4);
});

test('a line of a given width holds as many units as a card line of that width; a narrower line wraps sooner', () => {
  // A card line (262 px of content) holds the card's units; twice that width holds twice as many.
  assert.equal(lineUnits(262), CARD_LINE_UNITS);
  assert.equal(lineUnits(524), 2 * CARD_LINE_UNITS);
  // A column too narrow for one character still holds one.
  assert.equal(lineUnits(3), 1);
  const path = 'vendor/github.com/cilium/hive/cell/group.go:23';
  assert.equal(textLines(path, 60), 1);
  assert.equal(textLines(path, 10), 5);
  assert.equal(listLines(['a b', 'c'], 1), 3 + 0.75 + 0.2);
});

test('an identifier wraps between its pieces (after `_` and `/`, before `.`) before it breaks inside one', () => {
  // 12 units a line: "bpf/lib/" "nodeport" ".h:1234" take three, though its 23 characters would fill two;
  // "tail_" "nodeport_" "nat_ingress_" "ipv4" take four, though its 30 characters would fill three.
  assert.equal(textLines('bpf/lib/nodeport.h:1234', 12), 2);
  assert.equal(textLines('bpf/lib/nodeport.h:1234', 12, {identifiers: true}), 3);
  assert.equal(textLines('tail_nodeport_nat_ingress_ipv4', 12), 3);
  assert.equal(textLines('tail_nodeport_nat_ingress_ipv4', 12, {identifiers: true}), 4);
  // A piece longer than a line still breaks inside it.
  assert.equal(textLines('a_bcdefghijklmnop', 5, {identifiers: true}), 4); // "a_", then 15 characters over three lines
  assert.equal(listLines(['tail_nodeport_nat_ingress_ipv4'], 12, {identifiers: true}), 4.75);
});
