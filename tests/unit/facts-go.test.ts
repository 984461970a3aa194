/** The Go side of the facts extractor on the fixture tree: attach points, map names, the hive tree. */
import assert from 'node:assert/strict';
import {before, describe, test} from 'node:test';
import {deriveAttachments} from '../../scripts/facts/attach';
import {extractCellTree, cellTotals} from '../../scripts/facts/cells';
import {GoIndex} from '../../scripts/facts/go-index';
import {goMapReferences} from '../../scripts/facts/go-maps';
import {loadParsers, type Parsers} from '../../scripts/facts/parsers';
import {FIXTURE_ATTACH_TABLE, fixtureReader} from '../fixtures/facts/fixture';

let parsers: Parsers;
let index: GoIndex;

before(async () => {
  parsers = await loadParsers();
  const reader = fixtureReader();
  index = new GoIndex(reader, parsers, reader.listFiles());
});

const ALL_PROGRAMS = (): Set<string> => new Set(['cil_from_container', 'cil_lxc_policy', 'cil_xdp_entry', 'cil_sock4_connect']);

describe('attach points from the Go loader', () => {
  test('tc direction from the parent handle, XDP, program array insertion and cgroup attach type', () => {
    const found = deriveAttachments(index, ALL_PROGRAMS, FIXTURE_ATTACH_TABLE).map((a) => [a.program, a.attach.hook, a.attach.detail, a.attach.target]);
    assert.deepEqual(found, [
      ['cil_lxc_policy', 'prog-array', 'uint32(7)', 'cilium_call_policy'],
      ['cil_from_container', 'tc-ingress', null, "the endpoint's host-side interface (lxc veth or netkit peer)"],
      ['cil_xdp_entry', 'xdp', null, 'each native device with XDP acceleration enabled'],
      ['cil_sock4_connect', 'cgroup', 'AttachCGroupInet4Connect', 'the cgroup v2 root (cgroups.GetCgroupRoot())'],
    ]);
  });

  test('a table entry naming a program that no longer exists fails', () => {
    const table = FIXTURE_ATTACH_TABLE.map((e) => ({...e}));
    const gone = (): Set<string> => new Set(['cil_from_container', 'cil_xdp_entry', 'cil_sock4_connect']);
    assert.throws(() => deriveAttachments(index, gone, table), /reloadEndpoint: cil_lxc_policy no longer exist in bpf\/bpf_lxc\.c/);
  });

  test('a table entry whose list differs from what the code attaches fails', () => {
    const table = FIXTURE_ATTACH_TABLE.map((e) => (e.function === 'loadXDP' ? {...e, programs: ['cil_xdp_other']} : e));
    assert.throws(() => deriveAttachments(index, ALL_PROGRAMS, table), /loadXDP: lists cil_xdp_other but the code attaches cil_xdp_entry/);
  });

  test('a function that attaches programs without a table entry fails', () => {
    const table = FIXTURE_ATTACH_TABLE.filter((e) => e.function !== 'loadXDP');
    assert.throws(() => deriveAttachments(index, ALL_PROGRAMS, table), /no entry in scripts\/facts\/attach-table\.ts: pkg\/datapath\/loader loadXDP/);
  });
});

describe('Go references to map names', () => {
  test('exact names through constant expressions, and per-endpoint prefixes; test files are not read', () => {
    const refs = goMapReferences(index, ['cilium_foo', 'cilium_ep', 'cilium_calls']);
    assert.deepEqual(refs.get('cilium_foo'), [
      {package: 'pkg/maps/foomap', file: 'pkg/maps/foomap/foomap.go', line: 5, identifier: 'MapName', value: 'cilium_foo', match: 'exact'},
    ]);
    assert.deepEqual(refs.get('cilium_ep'), [
      {package: 'pkg/maps/epmap', file: 'pkg/maps/epmap/epmap.go', line: 6, identifier: 'MapName', value: 'cilium_ep_', match: 'prefix'},
    ]);
    assert.equal(refs.get('cilium_calls'), undefined);
  });
});

describe('hive cells', () => {
  test('modules across packages, vendored modules, functions returning modules, groups and slices', () => {
    const root = extractCellTree(index, 'daemon/cmd', 'Agent', {});
    const outline = (m: typeof root): unknown => ({id: m.id, ref: m.reference, counts: m.counts, children: m.children.map(outline)});
    assert.deepEqual(outline(root), {
      id: 'agent',
      ref: 'Agent',
      counts: {},
      children: [
        {
          id: 'infra',
          ref: 'Infrastructure',
          counts: {Group: 1, Provide: 2, Invoke: 1},
          children: [{id: 'statedb', ref: 'statedb.Cell', counts: {Provide: 1}, children: []}],
        },
        {id: 'hello', ref: 'greeting.Cell', counts: {Provide: 1, ProvidePrivate: 1, Decorate: 1, Invoke: 1, Config: 1}, children: []},
        {id: 'named', ref: 'greeting.NamedCell', counts: {Provide: 1, Invoke: 1}, children: []},
      ],
    });
    assert.equal(root.children[1].file, 'pkg/hello/cell.go');
    assert.equal(root.children[1].line, 10);
    assert.deepEqual(cellTotals(root), {modules: 5, Group: 1, Provide: 5, Invoke: 3, ProvidePrivate: 1, Decorate: 1, Config: 1});
  });

  test('an unresolvable reference fails, naming it and the path to it', () => {
    assert.throws(() => extractCellTree(index, 'daemon/cmd', 'Broken', {}), /cannot resolve cell "mystery\.Cell" at daemon\/cmd\/cells\.go:40.*\n.*Broken > broken/);
  });

  test('an allowlisted reference is recorded with its reason instead', () => {
    const root = extractCellTree(index, 'daemon/cmd', 'Broken', {'daemon/cmd/cells.go: mystery.Cell': 'not in the fixture'});
    assert.deepEqual(root.unresolved, [{reference: 'mystery.Cell', file: 'daemon/cmd/cells.go', line: 40, reason: 'not in the fixture'}]);
    assert.deepEqual(root.counts, {Provide: 1});
  });

  test('an allowlist entry that matches nothing fails', () => {
    assert.throws(() => extractCellTree(index, 'daemon/cmd', 'Agent', {'daemon/cmd/cells.go: gone.Cell': 'stale'}), /stale cell allowlist entries.*gone\.Cell/);
  });
});
