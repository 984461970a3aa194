/**
 * Search relevance, as a reader meets it: each query typed into the navbar search of the production
 * build must offer the named page among its first three suggestions. The queries are what readers
 * type: compounds and their parts, mixed Chinese and Latin, identifiers, the FAQ's questions and
 * the headings a Chinese reader knows from elsewhere.
 */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {Browser, Page} from 'playwright-core';
import {newContext} from '../../scripts/lib/browser';
import {startSite} from '../support/start-site';
import {type RunningServer} from '../../scripts/lib/server';

let server: RunningServer;
let browser: Browser;
startSite((site) => ({server, browser} = site));

const TOP = 3;

/** query → the page (path without locale prefix) that must be among the first three suggestions. */
const CASES: Record<'en' | 'zh-Hans', Array<[string, string]>> = {
  en: [
    ['gen_compile_commands', '/docs/ebpf/editor-setup'],
    ['clangd', '/docs/ebpf/editor-setup'],
    ['compile_commands.json', '/docs/ebpf/editor-setup'],
    ['LLVM version', '/docs/ebpf/editor-setup'],
    ['BUILD_PERMUTATIONS', '/docs/ebpf/editor-setup'],
    ['tail call', '/docs/ebpf/entry-points'],
    ['tail_call_static', '/docs/ebpf/entry-points'],
    ['__declare_tail', '/docs/ebpf/entry-points'],
    ['cil_from_container', '/docs/ebpf/entry-points'],
    ['attach points', '/docs/ebpf/entry-points'],
    ['bpffs', '/docs/ebpf/maps'],
    ['pinning', '/docs/ebpf/maps'],
    ['map-in-map', '/docs/ebpf/maps'],
    ['cilium_lxc', '/docs/ebpf/maps'],
    ['initMaps', '/docs/agent/startup'],
    ['agent startup', '/docs/agent/startup'],
    ['newDaemon', '/docs/agent/startup'],
    ['datapath load flow', '/docs/agent/datapath-load-flow'],
    ['template cache', '/docs/agent/datapath-load-flow'],
    ['realizeBPFState', '/docs/agent/datapath-load-flow'],
    ['ReloadDatapath', '/docs/agent/datapath-load-flow'],
    ['regenerate endpoint', '/docs/agent/datapath-load-flow'],
    ['hive cells', '/docs/go/hive-cells'],
    ['cell.Provide', '/docs/go/hive-cells'],
    ['lifecycle hooks', '/docs/go/hive-cells'],
    ['dependency injection', '/docs/go/hive-cells'],
    ['module tree', '/docs/reference/cell-tree'],
    ['source layout', '/docs/source-layout'],
    ['clustermesh-apiserver', '/docs/source-layout'],
    ['Where is the cilium CLI', '/docs/faq'],
    ['Why does Cilium compile its eBPF programs at runtime', '/docs/faq'],
    ['Is this CO-RE', '/docs/faq'],
    ['pinned commit', '/docs/intro'],
    // Named only in the reference table, where identifiers carry <wbr> break points.
    ['cilium_lb4_reverse_sk', '/docs/reference/maps'],
    ['maps reference', '/docs/reference/maps'],
    ['entry programs reference', '/docs/reference/entry-points'],
  ],
  'zh-Hans': [
    ['程序加载', '/docs/agent/datapath-load-flow'],
    ['eBPF 程序加载流程', '/docs/agent/datapath-load-flow'],
    ['加载流程', '/docs/agent/datapath-load-flow'],
    ['模板缓存', '/docs/agent/datapath-load-flow'],
    ['编排器', '/docs/agent/datapath-load-flow'],
    ['重新生成', '/docs/agent/datapath-load-flow'],
    ['加载与挂载', '/docs/agent/datapath-load-flow'],
    ['尾调用', '/docs/ebpf/entry-points'],
    ['入口程序', '/docs/ebpf/entry-points'],
    ['程序函数入口', '/docs/ebpf/entry-points'],
    ['挂载点', '/docs/ebpf/entry-points'],
    ['槽位编号', '/docs/ebpf/entry-points'],
    ['程序数组', '/docs/ebpf/entry-points'],
    ['cil_from_container', '/docs/ebpf/entry-points'],
    ['初始化 Map', '/docs/agent/startup'],
    ['Map 数据结构', '/docs/ebpf/maps'],
    ['声明 map', '/docs/ebpf/maps'],
    ['pin 路径', '/docs/ebpf/maps'],
    ['启动流程', '/docs/agent/startup'],
    ['cilium-agent 启动', '/docs/agent/startup'],
    ['cilium-agent 源码解析', '/docs/agent/startup'],
    ['遗留 daemon', '/docs/agent/startup'],
    ['生命周期钩子', '/docs/go/hive-cells'],
    ['依赖注入', '/docs/go/hive-cells'],
    ['阅读 Go 源码', '/docs/go/hive-cells'],
    ['模块树', '/docs/reference/cell-tree'],
    ['源码目录结构', '/docs/source-layout'],
    ['目录结构', '/docs/source-layout'],
    ['服务网格', '/docs/source-layout'],
    ['编辑器配置', '/docs/ebpf/editor-setup'],
    ['生成 compile_commands.json', '/docs/ebpf/editor-setup'],
    ['阅读 C 语言 eBPF 源码', '/docs/ebpf/editor-setup'],
    ['编译数据库', '/docs/ebpf/editor-setup'],
    ['为什么 cilium 要动态编译 eBPF 程序', '/docs/faq'],
    ['运行时编译', '/docs/faq'],
    ['加载期配置', '/docs/faq'],
    ['这算 CO-RE 吗', '/docs/faq'],
    ['固定提交', '/docs/intro'],
    ['概览', '/docs/intro'],
    ['参考资料', '/docs/reference'],
    ['cilium_runtime_config', '/docs/reference/maps'],
  ],
};

/** Pathnames of the first `TOP` suggestions, in order: each is chosen in turn and the address read. */
async function topPages(page: Page, query: string, until: string): Promise<string[]> {
  const seen: string[] = [];
  const input = page.locator('input.navbar__search-input');
  for (let rank = 0; rank < TOP; rank++) {
    const options = page.getByRole('option');
    // Right after a client-side navigation the box can miss one input event; type the query again then.
    for (let attempt = 0; ; attempt++) {
      await input.fill('');
      await input.fill(query);
      const shown = await options.first().waitFor({state: 'visible', timeout: 10_000}).then(() => true, () => false);
      if (shown) break;
      if (attempt === 1) throw new Error(`no suggestions for "${query}" on ${page.url()}`);
    }
    // Suggestions can arrive after the first one shows (the index loads in parts): wait for this rank's.
    if (!(await options.nth(rank).waitFor({state: 'visible', timeout: 3_000}).then(() => true, () => false))) break;
    for (let i = 0; i < rank; i++) await page.keyboard.press('ArrowDown');
    const before = page.url();
    await page.keyboard.press('Enter');
    await page.waitForFunction((url) => location.href !== url, before, {timeout: 3_000}).catch(() => undefined);
    seen.push(new URL(page.url()).pathname);
    if (seen.at(-1) === until) break;
  }
  return seen;
}

describe('search relevance: the named page is in the first three suggestions', () => {
  for (const locale of ['en', 'zh-Hans'] as const) {
    const prefix = locale === 'en' ? '' : '/zh-Hans';
    test(`${locale}: ${CASES[locale].length} queries`, async () => {
      assert.ok(CASES[locale].length >= 30, 'at least 30 queries per locale');
      const {context, record} = await newContext(browser, {viewport: {width: 1280, height: 800}});
      const page = await context.newPage();
      await page.goto(`${server.origin}${prefix}/`, {waitUntil: 'networkidle'});
      const misses: string[] = [];
      for (const [query, target] of CASES[locale]) {
        const expected = `${prefix}${target}`;
        const found = await topPages(page, query, expected);
        if (!found.includes(expected)) misses.push(`"${query}" → expected ${expected}, got ${found.join(', ') || 'nothing'}`);
      }
      await context.close();
      assert.deepEqual(misses, [], `${misses.length} of ${CASES[locale].length} queries miss their page`);
      assert.deepEqual(record.externalRequests, []);
    });
  }
});
