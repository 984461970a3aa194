/**
 * The words the guide itself writes into generated data, in every locale. Today these are the
 * attach targets of scripts/facts/attach-table.ts, which the extractor copies into
 * src/data/facts/programs.json and the entry-points reference shows. The English phrase is the key;
 * each locale's table says it in that language. Text in `backticks` is an identifier and renders as
 * code in every locale; everything else must be in the page's language.
 *
 * `checkGeneratedText` fails the build when the facts hold a phrase a table lacks, when a
 * translation is still English, or when it drops or adds an identifier.
 */
import type {Locale} from './mdx-scan';
import type {Program} from './facts';
import type {SymbolKind} from './symbols';

export const GENERATED_PHRASES = [
  'cilium_host (the host endpoint)',
  'cilium_net (peer of cilium_host)',
  'each native (external) network device',
  "the endpoint's host-side interface (lxc veth or netkit peer)",
  'the tunnel device (cilium_vxlan or cilium_geneve)',
  'the WireGuard device (cilium_wg0)',
  'each native device carrying IPsec traffic',
  'each native device with XDP acceleration enabled',
  'the cgroup v2 root (cgroups.GetCgroupRoot())',
] as const;
export type GeneratedPhrase = (typeof GENERATED_PHRASES)[number];

const EN: Record<GeneratedPhrase, string> = {
  'cilium_host (the host endpoint)': '`cilium_host` (the host endpoint)',
  'cilium_net (peer of cilium_host)': '`cilium_net` (peer of `cilium_host`)',
  'each native (external) network device': 'each native (external) network device',
  "the endpoint's host-side interface (lxc veth or netkit peer)": "the endpoint's host-side interface (`lxc` veth or netkit peer)",
  'the tunnel device (cilium_vxlan or cilium_geneve)': 'the tunnel device (`cilium_vxlan` or `cilium_geneve`)',
  'the WireGuard device (cilium_wg0)': 'the WireGuard device (`cilium_wg0`)',
  'each native device carrying IPsec traffic': 'each native device carrying IPsec traffic',
  'each native device with XDP acceleration enabled': 'each native device with XDP acceleration enabled',
  'the cgroup v2 root (cgroups.GetCgroupRoot())': 'the cgroup v2 root (`cgroups.GetCgroupRoot()`)',
};

const ZH_HANS: Record<GeneratedPhrase, string> = {
  'cilium_host (the host endpoint)': '`cilium_host`（主机 endpoint）',
  'cilium_net (peer of cilium_host)': '`cilium_net`（`cilium_host` 的对端）',
  'each native (external) network device': '每个原生（对外）网络设备',
  "the endpoint's host-side interface (lxc veth or netkit peer)": 'endpoint 在主机一侧的接口（`lxc` veth 或 netkit 对端）',
  'the tunnel device (cilium_vxlan or cilium_geneve)': '隧道设备（`cilium_vxlan` 或 `cilium_geneve`）',
  'the WireGuard device (cilium_wg0)': 'WireGuard 设备（`cilium_wg0`）',
  'each native device carrying IPsec traffic': '每个承载 IPsec 流量的原生设备',
  'each native device with XDP acceleration enabled': '每个启用了 XDP 加速的原生设备',
  'the cgroup v2 root (cgroups.GetCgroupRoot())': 'cgroup v2 根目录（`cgroups.GetCgroupRoot()`）',
};

export const GENERATED_TEXT: Record<Locale, Record<GeneratedPhrase, string>> = {en: EN, 'zh-Hans': ZH_HANS};
export const GENERATED_TEXT_FILE = 'src/lib/generated-text.ts';

/** What Reference → Symbols and each symbol link's popover call a definition, per locale. */
export const SYMBOL_KIND_TEXT: Record<Locale, Record<SymbolKind, string>> = {
  en: {
    function: 'function', macro: 'macro', struct: 'struct', union: 'union', enum: 'enum', enumerator: 'enumerator',
    typedef: 'typedef', map: 'map', method: 'method', type: 'type', var: 'var', const: 'const',
  },
  'zh-Hans': {
    function: '函数', macro: '宏', struct: '结构体', union: '联合体', enum: '枚举', enumerator: '枚举值',
    typedef: '类型别名', map: 'map', method: '方法', type: '类型', var: '变量', const: '常量',
  },
};

/** What the build writes inside an excerpt's HTML, per locale (src/rehype/excerpts.ts, excerpt-drift.ts, symbol-links.ts). */
export interface ExcerptWords {
  /** A callout marker's accessible name. */
  note: (n: number) => string;
  /** The line that stands for lines left out between two shown ranges. */
  elision: (count: number, from: number, to: number) => string;
  /** A diff panel's row for unchanged lines far from any change. */
  unchanged: (count: number, from: number, to: number) => string;
  /** The popover of a name with several definitions, which links to its Symbols row. */
  ambiguous: (definitions: number) => string;
}

export const EXCERPT_WORDS: Record<Locale, ExcerptWords> = {
  en: {
    note: (n) => `Note ${n}`,
    elision: (count, from, to) => `⋯ ${count} line${count === 1 ? '' : 's'} (${from}–${to})`,
    unchanged: (count, from, to) => `⋯ ${count} unchanged line${count === 1 ? '' : 's'} (${from}–${to})`,
    ambiguous: (n) => `${n} definitions · Symbols`,
  },
  'zh-Hans': {
    note: (n) => `注 ${n}`,
    elision: (count, from, to) => `⋯ 省略 ${count} 行（${from}–${to}）`,
    unchanged: (count, from, to) => `⋯ ${count} 行未变（${from}–${to}）`,
    ambiguous: (n) => `${n} 处定义 · 符号`,
  },
};

/** Hooks whose target is a generated phrase; the others name a program array (an identifier). */
const PHRASE_HOOKS = new Set(['tc-ingress', 'tc-egress', 'xdp', 'cgroup']);
const IDENTIFIER = /^[A-Za-z_][\w.]*$/;
const HAN = /\p{Script=Han}/u;

export const isGeneratedPhrase = (text: string): text is GeneratedPhrase => (GENERATED_PHRASES as readonly string[]).includes(text);

/** An attach target as the locale shows it: a phrase from the tables, or an identifier in backticks. */
export function attachTargetText(target: string, locale: Locale): string {
  if (isGeneratedPhrase(target)) return GENERATED_TEXT[locale][target];
  if (IDENTIFIER.test(target)) return `\`${target}\``;
  throw new Error(`attach target "${target}" is neither an identifier nor a phrase of ${GENERATED_TEXT_FILE}; run the build's content checks.`);
}

const identifiers = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]).sort().join(' ');

/** Every generated phrase in the facts has a translation in every locale, really in that language. */
export function checkGeneratedText(programs: Program[], factsFile = 'src/data/facts/programs.json'): string[] {
  const problems: string[] = [];
  for (const program of programs) {
    for (const attach of program.attach) {
      const where = `${factsFile}: program ${program.name}, ${attach.hook} target "${attach.target}" (written by scripts/facts/attach-table.ts for ${attach.via.function ?? attach.via.file})`;
      if (PHRASE_HOOKS.has(attach.hook) ? !isGeneratedPhrase(attach.target) : !IDENTIFIER.test(attach.target)) {
        problems.push(`${where} is not a key of GENERATED_PHRASES in ${GENERATED_TEXT_FILE}; add it there with its text in every locale.`);
      }
    }
  }
  for (const [locale, table] of Object.entries(GENERATED_TEXT) as Array<[Locale, Record<GeneratedPhrase, string>]>) {
    for (const phrase of GENERATED_PHRASES) {
      const text = table[phrase];
      const where = `${GENERATED_TEXT_FILE}: ${locale}["${phrase}"]`;
      const words = text.replace(/`[^`]*`/g, '');
      if (locale === 'en' && text.replace(/`/g, '') !== phrase) problems.push(`${where} must be the key itself, with identifiers in backticks.`);
      if (locale !== 'en' && !HAN.test(words)) problems.push(`${where} is still English ("${text}"); translate it.`);
      if (identifiers(text) !== identifiers(EN[phrase])) {
        problems.push(`${where} marks identifiers ${identifiers(text) || '(none)'} but the English marks ${identifiers(EN[phrase]) || '(none)'}.`);
      }
    }
  }
  for (const [locale, words] of Object.entries(EXCERPT_WORDS) as Array<[Locale, ExcerptWords]>) {
    if (locale === 'en') continue;
    for (const [name, say] of Object.entries(words) as Array<[keyof ExcerptWords, (...n: number[]) => string]>) {
      const sample = say(2, 10, 11);
      if (!HAN.test(sample)) problems.push(`${GENERATED_TEXT_FILE}: EXCERPT_WORDS["${locale}"].${name} is still English ("${sample}"); translate it.`);
    }
  }
  return problems;
}
