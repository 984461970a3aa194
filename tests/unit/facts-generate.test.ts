/** The fact files as written for the site, and the check's diff summary, on the fixture tree. */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {diffFacts} from '../../scripts/facts/diff';
import {GENERATED_BY, generateFacts} from '../../scripts/facts/facts';
import {FACT_FILES, type BpfMap, type Program, type TailCall} from '../../src/lib/facts';
import {FIXTURE_ATTACH_TABLE, fixtureReader, patchedReader} from '../fixtures/facts/fixture';

const AGENT_TABLES = {attachTable: FIXTURE_ATTACH_TABLE, cellsAllowlist: {}};

describe('generateFacts', () => {
  test('writes every file with the commit and the command that made it', async () => {
    const facts = await generateFacts(fixtureReader(), 'abc123', AGENT_TABLES);
    assert.deepEqual(Object.keys(facts), [...FACT_FILES]);
    for (const name of FACT_FILES) {
      const file = facts[name] as {commit: string; generatedBy: unknown};
      assert.equal(file.commit, 'abc123');
      assert.deepEqual(file.generatedBy, GENERATED_BY);
    }
  });

  test('programs: entries with their attach points, tail calls as their own kind', async () => {
    const facts = await generateFacts(fixtureReader(), 'abc123', AGENT_TABLES);
    const programs = (facts['programs.json'] as {counts: Record<string, number>; programs: Program[]});
    assert.deepEqual(programs.counts, {total: 7, 'tail-call': 3, entry: 3, section: 1});
    const xdp = programs.programs.find((p) => p.name === 'cil_xdp_entry')!;
    assert.equal(xdp.object, 'bpf_xdp.o');
    assert.equal(xdp.section, 'xdp/entry');
    assert.deepEqual(xdp.attach.map((a) => a.hook), ['xdp']);
    const tail = programs.programs.find((p) => p.name === 'tail_drop_notify')!;
    assert.equal(tail.kind, 'tail-call');
    assert.deepEqual(tail.attach, [{hook: 'tail-call', detail: 'CILIUM_CALL_DROP_NOTIFY = 1', target: 'cilium_calls', via: {file: 'bpf/lib/drop.h', line: 5, function: null}}]);
  });

  test('tail calls and maps', async () => {
    const facts = await generateFacts(fixtureReader(), 'abc123', AGENT_TABLES);
    const tails = (facts['tailcalls.json'] as {tailCalls: TailCall[]}).tailCalls;
    assert.deepEqual(tails.map((t) => [t.object, t.value, t.function]), [
      ['bpf_lxc.o', 1, 'tail_drop_notify'],
      ['bpf_lxc.o', 7, 'tail_handle_ipv4'],
      ['bpf_lxc.o', 8, 'tail_handle_ipv6'],
    ]);
    const maps = (facts['maps.json'] as {maps: BpfMap[]}).maps;
    const foo = maps.find((m) => m.name === 'cilium_foo')!;
    assert.deepEqual(foo.maxEntries, {expression: 'FOO_MAP_SIZE', value: 1024, macro: {name: 'FOO_MAP_SIZE', file: 'bpf/lib/maps.h', line: 2}, runtimeHeader: null});
    assert.equal(foo.pinning, 'LIBBPF_PIN_BY_NAME');
    assert.equal(foo.goPackage, 'pkg/maps/foomap');
    const ep = maps.find((m) => m.name === 'cilium_ep')!;
    assert.deepEqual(ep.maxEntries, {expression: 'EP_MAP_SIZE', value: null, macro: null, runtimeHeader: 'bpf/node_config.h'});
    assert.equal(ep.pinning, null);
    assert.equal(ep.goRefs[0].match, 'prefix');
    const lb = maps.find((m) => m.name === 'LB_MAP')!;
    assert.equal(lb.pinnedName, 'cilium_lb');
    assert.equal(lb.maxEntries?.value, 2048);
    assert.equal(lb.goRefs[0].identifier, 'LBMapName');
  });

  test('a program the loader attaches nowhere fails, naming it', async () => {
    const reader = patchedReader({
      'bpf/bpf_sock.c': `${fixtureReader().read('bpf/bpf_sock.c')}\n__section("cgroup/connect6")\nint cil_sock6_connect(void *ctx)\n{\n\treturn 0;\n}\n`,
    });
    await assert.rejects(generateFacts(reader, 'abc123', AGENT_TABLES), /no attach information.*cil_sock6_connect \(bpf\/bpf_sock\.c\)/);
  });

  test('an allowlist entry for a reference not below Agent is stale', async () => {
    const tables = {...AGENT_TABLES, cellsAllowlist: {'daemon/cmd/cells.go: mystery.Cell': 'only in Broken'}};
    await assert.rejects(generateFacts(fixtureReader(), 'abc123', tables), /stale cell allowlist entries/);
  });
});

describe('diffFacts', () => {
  test('summarises added, removed and changed items by key', () => {
    const before = {commit: 'a', programs: [{object: 'x.o', name: 'p', line: 1}, {object: 'x.o', name: 'gone', line: 2}]};
    const after = {commit: 'a', programs: [{object: 'x.o', name: 'p', line: 3}, {object: 'x.o', name: 'new', line: 4}]};
    assert.deepEqual(diffFacts('programs.json', before, after), [
      'programs.json: ~ x.o p: line 1 -> 3',
      'programs.json: + x.o new',
      'programs.json: - x.o gone',
    ]);
  });

  test('compares the hive tree module by module', () => {
    const tree = (counts: Record<string, number>) => ({id: 'agent', counts: {}, children: [{id: 'infra', counts, children: []}]});
    assert.deepEqual(diffFacts('cells.json', {tree: tree({Provide: 1})}, {tree: tree({Provide: 2})}), ['cells.json: ~ agent/infra: counts {"Provide":1} -> {"Provide":2}']);
  });
});
