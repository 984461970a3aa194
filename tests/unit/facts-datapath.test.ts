/** The C side of the facts extractor on the fixture tree: programs, sections per object, tail calls, maps. */
import assert from 'node:assert/strict';
import {before, describe, test} from 'node:test';
import {scanDatapath, type DatapathScan} from '../../scripts/facts/datapath';
import {loadParsers, type Parsers} from '../../scripts/facts/parsers';
import {fixtureReader, patchedReader} from '../fixtures/facts/fixture';

let parsers: Parsers;
let scan: DatapathScan;

before(async () => {
  parsers = await loadParsers();
  const reader = fixtureReader();
  scan = scanDatapath(reader, parsers, reader.listFiles());
});

function compiled(object: string, name: string) {
  return scan.functions.find((f) => f.object === object && f.item.name === name);
}

describe('datapath objects', () => {
  test('are the top-level bpf/*.c files, never bpf/tests', () => {
    assert.deepEqual(scan.objects, ['bpf/bpf_lxc.c', 'bpf/bpf_sock.c', 'bpf/bpf_xdp.c']);
    assert.equal(scan.functions.some((f) => f.item.name === 'test_only'), false);
  });
});

describe('__section_entry', () => {
  test('expands with the PROG_TYPE of the object: tc for skb objects, xdp for the XDP object', () => {
    assert.equal(compiled('bpf/bpf_lxc.c', 'cil_from_container')?.section, 'tc/entry');
    assert.equal(compiled('bpf/bpf_xdp.c', 'cil_xdp_entry')?.section, 'xdp/entry');
  });

  test('an explicit __section("...") is taken as written', () => {
    assert.equal(compiled('bpf/bpf_sock.c', 'cil_sock4_connect')?.section, 'cgroup/connect4');
  });

  test('a directive inside an initializer list does not hide the function', () => {
    assert.equal(compiled('bpf/bpf_lxc.c', 'cil_from_container')?.always, true);
  });
});

describe('tail calls', () => {
  test('macro-generated ones carry the invocation, the index value and the macro', () => {
    const t = compiled('bpf/bpf_lxc.c', 'tail_handle_ipv4');
    assert.ok(t);
    assert.equal(t.section, 'tc/tail');
    assert.deepEqual(t.tail, {array: 'cilium_calls', index: 'CILIUM_CALL_IPV4_FROM_LXC', value: 7, definedAt: {file: 'bpf/lib/tailcall.h', line: 3}});
    assert.deepEqual(t.item.viaMacro, {name: 'TAIL_FROM_LXC', file: 'bpf/bpf_lxc.c', line: 7});
    assert.equal(t.item.line, 15);
    assert.deepEqual(t.conditions, ['defined(ENABLE_IPV4)']);
    assert.equal(t.always, false);
  });

  test('a value followed by a comment still resolves', () => {
    assert.equal(compiled('bpf/bpf_lxc.c', 'tail_handle_ipv6')?.tail?.value, 8);
  });

  test('a header tail call is compiled per object, and not where the object #defines it away', () => {
    assert.equal(compiled('bpf/bpf_lxc.c', 'tail_drop_notify')?.conditions.join(), '!defined(SKIP_DROP_NOTIFY)');
    assert.equal(compiled('bpf/bpf_xdp.c', 'tail_drop_notify'), undefined);
  });
});

describe('maps', () => {
  const map = (name: string) => scan.maps.find((m) => m.item.name === name)!;

  test('a map under #if keeps its condition and the objects that compile it', () => {
    const foo = map('cilium_foo');
    assert.deepEqual(foo.conditions, ['defined(ENABLE_FOO) && !defined(SKIP_FOO)']);
    assert.deepEqual(foo.objects, ['bpf/bpf_lxc.c']);
    assert.equal(foo.item.line, 5);
    assert.deepEqual(
      foo.item.attrs.map((a) => [a.key, a.valueText]),
      [
        ['type', 'BPF_MAP_TYPE_HASH'],
        ['key', '__u32'],
        ['value', 'struct foo_entry'],
        ['pinning', 'LIBBPF_PIN_BY_NAME'],
        ['max_entries', 'FOO_MAP_SIZE'],
        ['map_flags', 'BPF_F_NO_PREALLOC'],
      ],
    );
  });

  test('the BPF_TEST variant of a declaration is not counted twice', () => {
    assert.equal(scan.maps.filter((m) => m.item.name === 'cilium_foo').length, 1);
    assert.deepEqual(scan.maps.map((m) => m.item.name).sort(), ['LB_MAP', 'cilium_calls', 'cilium_ep', 'cilium_foo']);
  });

  test('macros of the runtime-rendered headers are unknown, not taken from their stand-ins', () => {
    assert.equal(scan.lookup('EP_MAP_SIZE'), null);
    assert.equal(scan.runtimeMacros.get('EP_MAP_SIZE'), 'bpf/node_config.h');
  });
});

describe('macros the file defines as empty', () => {
  // bpf/lib/drop.h after v1.18 ends struct drop_notify with a bare DROP_EXTENSION (empty by default).
  test('a struct member that is only such a macro does not hide the tail call after it', () => {
    const header = [
      '#ifndef EXT_FIELDS',
      '#define EXT_FIELDS',
      '#endif',
      'struct notify {',
      '\t__u32 len;',
      '\tEXT_FIELDS',
      '};',
      '__declare_tail(CILIUM_CALL_DROP_NOTIFY)',
      'int tail_after_ext(struct __ctx_buff *ctx)',
      '{',
      '\treturn 0;',
      '}',
      '',
    ].join('\n');
    const reader = patchedReader({
      'bpf/lib/ext.h': header,
      'bpf/bpf_ext.c': '#include <bpf/ctx/skb.h>\n#include "lib/tailcall.h"\n#include "lib/drop.h"\n#include "lib/ext.h"\n',
    });
    const found = scanDatapath(reader, parsers, reader.listFiles()).functions.find((f) => f.item.name === 'tail_after_ext');
    assert.equal(found?.item.line, 8, "the line of its annotation");
    assert.equal(found?.object, 'bpf/bpf_ext.c');
  });
});

describe('failures name the item', () => {
  test('an __section_entry with no PROG_TYPE in its object', () => {
    const reader = patchedReader({'bpf/bpf_bad.c': '#include <bpf/section.h>\n__section_entry\nint cil_orphan(void *ctx)\n{\n\treturn 0;\n}\n'});
    assert.throws(() => scanDatapath(reader, parsers, reader.listFiles()), /bpf\/bpf_bad\.c:2 \(cil_orphan in bpf\/bpf_bad\.c\): cannot expand __section_entry/);
  });

  test('a tail call whose index has no numeric #define', () => {
    const reader = patchedReader({'bpf/bpf_bad.c': '#include <bpf/ctx/skb.h>\n#include "lib/tailcall.h"\n__declare_tail(CILIUM_CALL_NOPE)\nint tail_nope(void *ctx)\n{\n\treturn 0;\n}\n'});
    assert.throws(() => scanDatapath(reader, parsers, reader.listFiles()), /tail_nope in bpf\/bpf_bad\.c\): tail call index CILIUM_CALL_NOPE/);
  });

  test('a section annotation on neither a function nor a map', () => {
    const reader = patchedReader({'bpf/bpf_bad.c': '#include <bpf/ctx/skb.h>\nint stray __section_entry;\n'});
    assert.throws(() => scanDatapath(reader, parsers, reader.listFiles()), /bpf\/bpf_bad\.c:2: section annotation __section_entry/);
  });

  test('an #include that resolves to nothing', () => {
    const reader = patchedReader({'bpf/bpf_bad.c': '#include <bpf/ctx/skb.h>\n#include "lib/missing.h"\n'});
    assert.throws(() => scanDatapath(reader, parsers, reader.listFiles()), /bpf\/bpf_bad\.c:2: #include "lib\/missing\.h"/);
  });
});
