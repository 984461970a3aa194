/** Shared by the facts-*.test.ts files: the fixture tree, readers over it, and its hand-written tables. */
import {fileURLToPath} from 'node:url';
import type {AttachMeaning} from '../../scripts/facts/attach-table';
import {DirectoryReader, type FileReader} from '../../scripts/facts/source';

export const FIXTURE_ROOT = fileURLToPath(new URL('../fixtures/facts/tree/', import.meta.url));

export function fixtureReader(): DirectoryReader {
  return new DirectoryReader(FIXTURE_ROOT);
}

/** The fixture tree with some files replaced or added, for failure cases. */
export function patchedReader(patches: Record<string, string>): FileReader {
  const base = fixtureReader();
  return {
    listFiles: (dir) => [...new Set([...base.listFiles(dir), ...Object.keys(patches).filter((p) => !dir || p.startsWith(`${dir}/`))])].sort(),
    read: (path) => patches[path] ?? base.read(path),
  };
}

/** The attach table of the fixture's Go loader. */
export const FIXTURE_ATTACH_TABLE: AttachMeaning[] = [
  {package: 'pkg/datapath/loader', function: 'reloadEndpoint', object: 'bpf/bpf_lxc.c', target: 'the endpoint interface', programs: ['cil_from_container', 'cil_lxc_policy']},
  {package: 'pkg/datapath/loader', function: 'loadXDP', object: 'bpf/bpf_xdp.c', target: 'native devices', programs: ['cil_xdp_entry']},
  {package: 'pkg/socketlb', function: 'attachCgroup', object: 'bpf/bpf_sock.c', target: 'the cgroup root', programs: ['cil_sock4_connect']},
];
