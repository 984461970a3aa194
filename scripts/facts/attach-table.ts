/**
 * What the Go loader's attach functions mean, where the code alone does not say it.
 *
 * The extractor derives from the Go source which programs each function attaches and how
 * (tc ingress/egress from the netlink parent handle, XDP, insertion into a program array, the
 * cgroup attach type); it cannot derive which interface a `netlink.Link` variable is at run time,
 * nor which object file a loaded collection came from. This table says both, per Go function.
 *
 * The extractor fails when a function here no longer exists or attaches no program, when the
 * programs it attaches differ from `programs`, when one of `programs` is missing from the
 * object, or when a function attaches programs but has no entry here.
 */
import type {GeneratedPhrase} from '../../src/lib/generated-text';

export interface AttachMeaning {
  /** Go package directory and function (methods as `(*type).name`). */
  package: string;
  function: string;
  /** The datapath object the function loads its programs from. */
  object: string;
  /** The interface(s) or cgroup the programs end up on, in words: a key of src/lib/generated-text.ts, which says it in every locale. */
  target: GeneratedPhrase;
  /** The programs the function is expected to attach (a guard against silent drift). */
  programs: string[];
}

export const ATTACH_TABLE: AttachMeaning[] = [
  {
    package: 'pkg/datapath/loader',
    function: 'attachCiliumHost',
    object: 'bpf/bpf_host.c',
    target: 'cilium_host (the host endpoint)',
    programs: ['cil_host_policy', 'cil_to_host', 'cil_from_host'],
  },
  {
    package: 'pkg/datapath/loader',
    function: 'attachCiliumNet',
    object: 'bpf/bpf_host.c',
    target: 'cilium_net (peer of cilium_host)',
    programs: ['cil_to_host'],
  },
  {
    package: 'pkg/datapath/loader',
    function: 'attachNetworkDevices',
    object: 'bpf/bpf_host.c',
    target: 'each native (external) network device',
    programs: ['cil_from_netdev', 'cil_to_netdev'],
  },
  {
    package: 'pkg/datapath/loader',
    function: 'reloadEndpoint',
    object: 'bpf/bpf_lxc.c',
    target: "the endpoint's host-side interface (lxc veth or netkit peer)",
    programs: ['cil_lxc_policy', 'cil_lxc_policy_egress', 'cil_from_container', 'cil_to_container'],
  },
  {
    package: 'pkg/datapath/loader',
    function: 'replaceOverlayDatapath',
    object: 'bpf/bpf_overlay.c',
    target: 'the tunnel device (cilium_vxlan or cilium_geneve)',
    programs: ['cil_from_overlay', 'cil_to_overlay'],
  },
  {
    package: 'pkg/datapath/loader',
    function: 'replaceWireguardDatapath',
    object: 'bpf/bpf_wireguard.c',
    target: 'the WireGuard device (cilium_wg0)',
    programs: ['cil_to_wireguard', 'cil_from_wireguard'],
  },
  {
    package: 'pkg/datapath/loader',
    function: '(*loader).reinitializeIPSec',
    object: 'bpf/bpf_network.c',
    target: 'each native device carrying IPsec traffic',
    programs: ['cil_from_network'],
  },
  {
    package: 'pkg/datapath/loader',
    function: 'compileAndLoadXDPProg',
    object: 'bpf/bpf_xdp.c',
    target: 'each native device with XDP acceleration enabled',
    programs: ['cil_xdp_entry'],
  },
  {
    package: 'pkg/socketlb',
    function: 'attachCgroup',
    object: 'bpf/bpf_sock.c',
    target: 'the cgroup v2 root (cgroups.GetCgroupRoot())',
    programs: [
      'cil_sock4_connect',
      'cil_sock4_sendmsg',
      'cil_sock4_recvmsg',
      'cil_sock4_getpeername',
      'cil_sock4_post_bind',
      'cil_sock4_pre_bind',
      'cil_sock6_connect',
      'cil_sock6_sendmsg',
      'cil_sock6_recvmsg',
      'cil_sock6_getpeername',
      'cil_sock6_post_bind',
      'cil_sock6_pre_bind',
      'cil_sock_release',
    ],
  },
];

/** tc parent handles passed to attachSKBProgram and the hook direction they select. */
export const TC_PARENTS: Record<string, 'tc-ingress' | 'tc-egress'> = {
  'netlink.HANDLE_MIN_INGRESS': 'tc-ingress',
  'netlink.HANDLE_MIN_EGRESS': 'tc-egress',
};
