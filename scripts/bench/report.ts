/** The benchmark's budgets, and bench/report.json + bench/REPORT.md. */
import type {BuildResult} from './build';
import {CATEGORIES, type Category, type LighthouseSummary, type Preset} from './lighthouse';
import type {AxeViolation, Theme} from './lib/axe';
import {kb, max, median, min} from './lib/stats';
import type {PageProbe} from './probe';
import type {QueryLatency} from './search';

export const KIB = 1024;
export const BUDGET = {
  mobilePerf: 95,
  mobileTbtMs: 200,
  otherCategories: 100,
  desktopAll: 100,
  guideJsGzip: 185 * KIB,
  heavyJsGzip: 245 * KIB,
  searchMedianMs: 100,
  firstAnswerMs: 100,
  indexGzipPerLocale: 300 * KIB,
  coldBuildSeconds: 90,
};

export type PageKind = 'home' | 'search' | 'guide' | 'reference' | 'diagram';

export interface PageResult {
  path: string;
  locale: 'en' | 'zh-Hans';
  kind: PageKind;
  jsBudget: number;
  probe: PageProbe;
  axe: Record<Theme, AxeViolation[]>;
  lighthouse: Partial<Record<Preset, LighthouseSummary>>;
}

/** A page of another build measured with the same harness (see BENCH_BASELINE_DIR). */
export interface BaselinePage {
  path: string;
  probe: PageProbe;
  lighthouse: Partial<Record<Preset, LighthouseSummary>>;
}

export interface IndexSize {
  files: string[];
  bytes: number;
  gzipBytes: number;
}

export interface Report {
  generatedAt: string;
  siteCommit: string;
  machine: Record<string, string | number>;
  config: {runs: number; pages: string; searchReps: number; lighthouse: string; axe: string; chromium: string; server: string};
  build: BuildResult | {skipped: true; reason: string};
  buildBytes: {total: number; en: number; 'zh-Hans': number};
  searchIndex: Record<'en' | 'zh-Hans', IndexSize>;
  search: {queries: QueryLatency[]; medianMs: number | null; worstMs: number | null};
  pages: PageResult[];
  baseline?: {dir: string; description: string; pages: BaselinePage[]};
  budgets: BudgetLine[];
}

export interface BudgetLine {
  id: string;
  label: string;
  pass: boolean | null;
  value: string;
  why: string[];
}

const fmtMs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);

function perfWhy(page: PageResult, preset: Preset): string {
  const lh = page.lighthouse[preset];
  if (!lh) return `${page.path}: not measured`;
  const run = lh.medianRun;
  const m = lh.metrics;
  const cpu = run.bootup.map((b) => `${b.url.split('/').pop()} ${b.ms} ms`).join(', ');
  const opp = run.opportunities.map((o) => `${o.id}${o.savingsMs ? ` ~${o.savingsMs} ms` : ''}${o.savingsBytes ? ` ${kb(o.savingsBytes)}` : ''}`).join(', ');
  const slowdown = preset === 'mobile' ? '4x CPU' : '1x CPU';
  const bench = run.benchmarkIndex ? `; machine benchmarkIndex ${Math.round(run.benchmarkIndex)}` : '';
  return `${page.path}: ${lh.scores.performance} — LCP ${fmtMs(m.lcpMs)}, TBT ${fmtMs(m.tbtMs)}, FCP ${fmtMs(m.fcpMs)}, SI ${fmtMs(m.siMs)}; script CPU (${slowdown}): ${cpu || 'n/a'}${opp ? `; opportunities: ${opp}` : ''}${bench}`;
}

export function evaluateBudgets(r: Omit<Report, 'budgets'>): BudgetLine[] {
  const lines: BudgetLine[] = [];
  const measured = (p: Preset) => r.pages.filter((pg) => pg.lighthouse[p]);
  const scoresOf = (p: Preset, c: Category) => measured(p).map((pg) => pg.lighthouse[p]!.scores[c]);

  {
    const pages = measured('mobile');
    const bad = pages.filter((pg) => pg.lighthouse.mobile!.scores.performance < BUDGET.mobilePerf);
    lines.push({
      id: 'lh-mobile-perf',
      label: `Lighthouse mobile performance >= ${BUDGET.mobilePerf} on every page`,
      pass: pages.length ? bad.length === 0 : null,
      value: pages.length ? `min ${min(scoresOf('mobile', 'performance'))}, median ${median(scoresOf('mobile', 'performance'))} (${bad.length}/${pages.length} pages below)` : 'not measured',
      why: [
        ...bad.map((pg) => perfWhy(pg, 'mobile')),
        ...(r.baseline?.pages ?? []).map((b) => `for scale — ${r.baseline!.description}, same machine and runs: ${b.path} mobile ${b.lighthouse.mobile?.scores.performance ?? '–'} (TBT ${b.lighthouse.mobile ? fmtMs(b.lighthouse.mobile.metrics.tbtMs) : '–'})`),
      ],
    });
  }
  {
    const pages = measured('mobile');
    const tbt = (pg: PageResult) => pg.lighthouse.mobile!.metrics.tbtMs;
    const bad = pages.filter((pg) => tbt(pg) > BUDGET.mobileTbtMs);
    lines.push({
      id: 'lh-mobile-tbt',
      label: `Lighthouse mobile TBT <= ${BUDGET.mobileTbtMs} ms on every page`,
      pass: pages.length ? bad.length === 0 : null,
      value: pages.length ? `max ${fmtMs(max(pages.map(tbt)))}, median ${fmtMs(median(pages.map(tbt)))} (${bad.length}/${pages.length} pages above)` : 'not measured',
      why: bad.map((pg) => perfWhy(pg, 'mobile')),
    });
  }
  for (const [preset, cats, target, id] of [
    ['mobile', CATEGORIES.filter((c) => c !== 'performance'), BUDGET.otherCategories, 'lh-mobile-other'],
    ['desktop', CATEGORIES, BUDGET.desktopAll, 'lh-desktop-all'],
  ] as const) {
    const pages = measured(preset);
    const why: string[] = [];
    for (const pg of pages) {
      const lh = pg.lighthouse[preset]!;
      for (const c of cats) {
        if (lh.scores[c] >= target) continue;
        const audits = lh.medianRun.failing.filter((f) => f.category === c).map((f) => `${f.id}${f.displayValue ? ` (${f.displayValue})` : ''}`);
        why.push(c === 'performance' ? perfWhy(pg, preset) : `${pg.path}: ${c} ${lh.scores[c]} — ${audits.join(', ') || 'see the run'}`);
      }
    }
    lines.push({
      id,
      label: `Lighthouse ${preset} ${cats.join('/')} = ${target} on every page`,
      pass: pages.length ? why.length === 0 : null,
      value: pages.length ? cats.map((c) => `${c} min ${min(scoresOf(preset, c))}`).join(', ') : 'not measured',
      why,
    });
  }
  {
    const why: string[] = [];
    let total = 0;
    for (const pg of r.pages) {
      for (const theme of ['light', 'dark'] as const) {
        for (const v of pg.axe[theme]) {
          total += v.targets.length;
          why.push(`${pg.path} [${theme}] ${v.rule} (${v.impact}): ${v.targets.slice(0, 4).join(' | ')}${v.targets.length > 4 ? ` (+${v.targets.length - 4})` : ''}`);
        }
      }
    }
    lines.push({id: 'axe', label: 'axe-core: 0 violations on every page, light and dark', pass: why.length === 0, value: `${total} failing nodes in ${why.length} page/theme/rule findings`, why});
  }
  {
    // Before a reader's first action a page runs only the inlined src/client/before-runtime.ts.
    const template = r.baseline?.pages.map((p) => p.probe.jsGzipBytes) ?? [];
    const limit = template.length ? min(template) : null;
    const bad = limit === null ? [] : r.pages.filter((pg) => pg.probe.jsGzipBytes > limit);
    const heaviest = [...r.pages].sort((a, b) => b.probe.jsGzipBytes - a.probe.jsGzipBytes)[0];
    lines.push({
      id: 'first-load-js',
      label: "first-load JS gzip (before a reader's first action) <= the stock template's first-load JS",
      pass: limit === null || !heaviest ? null : bad.length === 0,
      value: heaviest ? `max ${kb(heaviest.probe.jsGzipBytes)} on ${heaviest.path}; template ${limit === null ? 'not measured' : `min ${kb(limit)}`}` : 'no pages',
      why: bad.map((pg) => `${pg.path}: ${kb(pg.probe.jsGzipBytes)} > ${kb(limit!)}`),
    });
  }
  {
    const bad = r.pages.filter((pg) => pg.probe.afterFirstActionJsGzipBytes > pg.jsBudget);
    const heaviest = [...r.pages].sort((a, b) => b.probe.afterFirstActionJsGzipBytes - a.probe.afterFirstActionJsGzipBytes)[0];
    lines.push({
      id: 'first-action-js',
      label: `JS gzip once a reader's first action has brought the runtime in <= ${BUDGET.guideJsGzip / KIB} KB (guide pages), <= ${BUDGET.heavyJsGzip / KIB} KB (reference pages, pages with diagrams)`,
      pass: bad.length === 0,
      value: heaviest ? `max ${kb(heaviest.probe.afterFirstActionJsGzipBytes)} on ${heaviest.path} (budget ${kb(heaviest.jsBudget)})` : 'no pages',
      why: bad.map((pg) => `${pg.path} (${pg.kind}): ${kb(pg.probe.afterFirstActionJsGzipBytes)} > ${kb(pg.jsBudget)}`),
    });
  }
  {
    const measured = r.pages.filter((pg) => pg.probe.firstClick);
    const slow = measured.filter((pg) => pg.probe.firstClick!.answerMs > BUDGET.firstAnswerMs);
    const worst = [...measured].sort((a, b) => b.probe.firstClick!.answerMs - a.probe.firstClick!.answerMs)[0];
    lines.push({
      id: 'first-click',
      label: `a first click on a page link, before the runtime, answers (input to next paint, Event Timing) within ${BUDGET.firstAnswerMs} ms on desktop emulation`,
      pass: measured.length ? slow.length === 0 : null,
      value: worst ? `worst ${Math.round(worst.probe.firstClick!.answerMs)} ms on ${worst.path}; the new page showed after ${fmtMs(median(measured.map((pg) => pg.probe.firstClick!.newPageMs)))} (median)` : 'not measured',
      why: slow.map((pg) => `${pg.path}: ${Math.round(pg.probe.firstClick!.answerMs)} ms (click on ${pg.probe.firstClick!.href})`),
    });
  }
  {
    const why: string[] = [];
    const values: number[] = [];
    for (const pg of r.pages) {
      for (const preset of ['mobile', 'desktop'] as const) {
        const cls = pg.lighthouse[preset]?.metrics.cls;
        if (cls === undefined) continue;
        values.push(cls);
        // Lighthouse shows CLS to three decimals; "0" means it rounds to 0.000.
        if (cls >= 0.0005) why.push(`${pg.path} ${preset}: CLS ${cls.toFixed(3)}`);
      }
    }
    lines.push({id: 'cls', label: 'CLS = 0 (Lighthouse, mobile and desktop, every page)', pass: values.length ? why.length === 0 : null, value: values.length ? `max ${max(values).toFixed(4)}` : 'not measured', why});
  }
  {
    const {medianMs, worstMs, queries} = r.search;
    const none = queries.filter((q) => q.medianMs === null);
    const empty = queries.filter((q) => q.medianMs !== null && q.results === 0);
    const slow = queries.filter((q) => q.medianMs !== null && q.medianMs > BUDGET.searchMedianMs);
    lines.push({
      id: 'search-latency',
      label: `search: median time from last keystroke to rendered results <= ${BUDGET.searchMedianMs} ms`,
      pass: medianMs === null ? false : medianMs <= BUDGET.searchMedianMs && none.length === 0,
      value:
        (medianMs === null ? 'no query rendered' : `median ${medianMs.toFixed(1)} ms, worst ${worstMs?.toFixed(1)} ms over ${queries.length} queries`) +
        (empty.length ? ` (found nothing, timed to the "No results" line: ${empty.map((q) => `"${q.query}"`).join(', ')})` : ''),
      why: [
        ...none.map((q) => `"${q.query}" (${q.locale}) rendered nothing within 5 s`),
        ...slow.map((q) => `"${q.query}" (${q.locale}) median ${q.medianMs} ms`),
      ],
    });
  }
  {
    const why: string[] = [];
    for (const [locale, idx] of Object.entries(r.searchIndex)) {
      if (idx.gzipBytes > BUDGET.indexGzipPerLocale) why.push(`${locale}: ${kb(idx.gzipBytes)} gzip (${kb(idx.bytes)} raw) in ${idx.files.join(', ')}`);
    }
    lines.push({
      id: 'search-index',
      label: `search index <= ${BUDGET.indexGzipPerLocale / KIB} KB gzip per locale`,
      pass: why.length === 0,
      value: Object.entries(r.searchIndex).map(([l, i]) => `${l} ${kb(i.gzipBytes)}`).join(', '),
      why,
    });
  }
  {
    const b = r.build;
    if ('skipped' in b) {
      lines.push({id: 'cold-build', label: `cold build of both locales <= ${BUDGET.coldBuildSeconds} s`, pass: null, value: 'not measured', why: [b.reason]});
    } else {
      const split = Object.entries(b.localeDoneAt).map(([l, t]) => `${l} done at ${t.toFixed(1)} s`).join(', ');
      const over = b.ok && b.seconds > BUDGET.coldBuildSeconds;
      lines.push({
        id: 'cold-build',
        label: `cold build of both locales <= ${BUDGET.coldBuildSeconds} s`,
        pass: b.ok && !over,
        value: b.ok ? `${b.seconds.toFixed(1)} s (${split}), peak RSS ${b.maxRssMiB == null ? 'not measured' : `${b.maxRssMiB.toFixed(0)} MiB`}` : 'build failed',
        why: !b.ok
          ? [b.tail ?? 'the build failed']
          : over
            ? [`${b.seconds.toFixed(1)} s on ${r.machine.cpus} CPUs (load average ${r.machine.loadAverageAtStart} at start): ${split}`]
            : [],
      });
    }
  }
  return lines;
}

export function budgetText(lines: BudgetLine[]): string {
  return lines
    .map((l) => {
      const mark = l.pass === null ? 'SKIP' : l.pass ? 'PASS' : 'FAIL';
      const why = l.pass === false ? l.why.slice(0, 12).map((w) => `      why: ${w}`).concat(l.why.length > 12 ? [`      … and ${l.why.length - 12} more (bench/report.json)`] : []) : [];
      return [`${mark}  ${l.label}: ${l.value}`, ...why].join('\n');
    })
    .join('\n');
}

function stat(values: number[], fmt: (n: number) => string = (n) => String(n)): string[] {
  const ok = values.filter((v) => Number.isFinite(v));
  return ok.length ? [fmt(min(ok)), fmt(median(ok)), fmt(max(ok))] : ['–', '–', '–'];
}

function table(head: string[], rows: string[][]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n');
}

/**
 * The guide beside the template, per page kind: each kind's medians over both locales, next to the
 * template page of the same kind (its home page for the home, its doc page for every other kind).
 */
function byKind(r: Report): string[] {
  const templateOf = (kind: PageKind) => r.baseline?.pages.find((b) => (kind === 'home' ? b.path === '/' : b.path !== '/'));
  const ratio = (ours: number, theirs: number) => (theirs > 0 ? `${(ours / theirs).toFixed(2)}×` : '–');
  const kinds = [...new Set(r.pages.map((p) => p.kind))];
  const rows = kinds.flatMap((kind) => {
    const template = templateOf(kind);
    const tm = template?.lighthouse.mobile;
    if (!template || !tm) return [];
    const pages = r.pages.filter((p) => p.kind === kind && p.lighthouse.mobile);
    const perf = median(pages.map((p) => p.lighthouse.mobile!.scores.performance));
    const tbt = median(pages.map((p) => p.lighthouse.mobile!.metrics.tbtMs));
    const lcp = median(pages.map((p) => p.lighthouse.mobile!.metrics.lcpMs));
    const js = median(pages.map((p) => p.probe.jsGzipBytes));
    return [[
      `${kind} (${pages.length})`,
      template.path,
      `${perf} / ${tm.scores.performance} (${ratio(perf, tm.scores.performance)})`,
      `${fmtMs(tbt)} / ${fmtMs(tm.metrics.tbtMs)} (${ratio(tbt, tm.metrics.tbtMs)})`,
      `${fmtMs(lcp)} / ${fmtMs(tm.metrics.lcpMs)} (${ratio(lcp, tm.metrics.lcpMs)})`,
      `${kb(js)} / ${kb(template.probe.jsGzipBytes)} (${ratio(js, template.probe.jsGzipBytes)})`,
    ]];
  });
  if (!rows.length) return [];
  return [
    '### Guide beside the template, per page kind',
    '',
    'Medians over both locales (mobile), guide / template (ratio guide ÷ template).',
    '',
    table(['page kind (pages)', 'template page', 'performance', 'TBT', 'LCP', 'first-load JS gzip'], rows),
    '',
  ];
}

export function markdown(r: Report): string {
  const out: string[] = [];
  out.push('# Benchmark report', '');
  out.push(`Generated ${r.generatedAt} by \`npm run bench\` (scripts/bench/run.ts) at site commit \`${r.siteCommit}\`.`, '');
  out.push(
    `Machine: ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGiB} GiB RAM, load average ${r.machine.loadAverageAtStart} at start and ${r.machine.loadAverageAtEnd} at the end (other builds and tests shared the machine), ${r.machine.minutes} min in all; Node ${r.machine.node}; ${r.config.chromium}; Lighthouse ${r.config.lighthouse} (${r.config.runs} run(s) per page and preset, median); axe-core ${r.config.axe}. Pages: ${r.config.pages}. Server: ${r.config.server}.`,
    '',
  );
  out.push('## Budgets', '', '```', budgetText(r.budgets), '```', '');
  for (const locale of ['en', 'zh-Hans'] as const) {
    const pages = r.pages.filter((p) => p.locale === locale);
    if (!pages.length) continue;
    out.push(`## Summary: ${locale} (${pages.length} pages)`, '');
    const rows: string[][] = [];
    for (const preset of ['mobile', 'desktop'] as const) {
      for (const c of CATEGORIES) rows.push([`Lighthouse ${preset} ${c}`, ...stat(pages.map((p) => p.lighthouse[preset]?.scores[c] ?? Number.NaN))]);
    }
    rows.push(['mobile LCP', ...stat(pages.map((p) => p.lighthouse.mobile?.metrics.lcpMs ?? Number.NaN), fmtMs)]);
    rows.push(['mobile TBT', ...stat(pages.map((p) => p.lighthouse.mobile?.metrics.tbtMs ?? Number.NaN), fmtMs)]);
    rows.push(['CLS (mobile)', ...stat(pages.map((p) => p.lighthouse.mobile?.metrics.cls ?? Number.NaN), (n) => n.toFixed(3))]);
    rows.push(['axe violations, light (rules)', ...stat(pages.map((p) => p.axe.light.length))]);
    rows.push(['axe violations, dark (rules)', ...stat(pages.map((p) => p.axe.dark.length))]);
    rows.push(['first-load JS gzip', ...stat(pages.map((p) => p.probe.jsGzipBytes), kb)]);
    rows.push(["JS gzip after the first action", ...stat(pages.map((p) => p.probe.afterFirstActionJsGzipBytes), kb)]);
    const clicks = pages.flatMap((p) => (p.probe.firstClick ? [p.probe.firstClick] : []));
    if (clicks.length) {
      rows.push(['first click: answer (desktop)', ...stat(clicks.map((c) => c.answerMs), fmtMs)]);
      rows.push(['first click: new page shown (desktop)', ...stat(clicks.map((c) => c.newPageMs), fmtMs)]);
    }
    rows.push(['first-load CSS gzip', ...stat(pages.map((p) => p.probe.cssGzipBytes), kb)]);
    out.push(table(['metric', 'min', 'median', 'max'], rows), '');
    const q = r.search.queries.filter((x) => x.locale === locale);
    const qm = q.map((x) => x.medianMs).filter((x): x is number => x !== null);
    const idx = r.searchIndex[locale];
    const b = r.build;
    const buildLine = 'skipped' in b ? 'not measured' : b.ok ? `${b.seconds.toFixed(1)} s both locales cold (${locale} done at ${b.localeDoneAt[locale]?.toFixed(1) ?? '?'} s), peak RSS ${b.maxRssMiB == null ? 'not measured' : `${b.maxRssMiB.toFixed(0)} MiB`}` : 'failed';
    out.push(
      `- Build: ${buildLine}; output ${kb(r.buildBytes[locale])} for ${locale} (${kb(r.buildBytes.total)} in all)`,
      `- Search index: ${kb(idx.gzipBytes)} gzip (${kb(idx.bytes)} raw)`,
      `- Search latency (${q.length} queries × ${r.config.searchReps}): median ${qm.length ? median(qm).toFixed(1) : '–'} ms, worst ${qm.length ? max(qm).toFixed(1) : '–'} ms${q.some((x) => x.medianMs === null) ? ' (some queries rendered nothing)' : ''}${q.some((x) => x.results === 0) ? ' (some queries found no result)' : ''}`,
      '',
    );
  }
  out.push('## Per page', '', 'Lighthouse scores are mobile / desktop medians. LCP and TBT are mobile (simulated slow 4G, 4x CPU). axe counts violated rules (light / dark).', '');
  out.push(
    table(
      ['page', 'kind', 'perf m/d', 'a11y m/d', 'best pr. m/d', 'SEO m/d', 'LCP m', 'TBT m', 'CLS', 'axe L/D', 'JS gzip (budget)', 'CSS gzip'],
      r.pages.map((p) => {
        const m = p.lighthouse.mobile;
        const d = p.lighthouse.desktop;
        const pair = (c: Category) => `${m?.scores[c] ?? '–'} / ${d?.scores[c] ?? '–'}`;
        return [
          p.path,
          p.kind,
          pair('performance'),
          pair('accessibility'),
          pair('best-practices'),
          pair('seo'),
          m ? fmtMs(m.metrics.lcpMs) : '–',
          m ? fmtMs(m.metrics.tbtMs) : '–',
          m || d ? Math.max(m?.metrics.cls ?? 0, d?.metrics.cls ?? 0).toFixed(3) : '–',
          `${p.axe.light.length} / ${p.axe.dark.length}`,
          `${kb(p.probe.jsGzipBytes)} (${p.jsBudget / KIB})`,
          kb(p.probe.cssGzipBytes),
        ];
      }),
    ),
    '',
  );
  if (r.baseline) {
    out.push(
      '## Baseline: the site we started from',
      '',
      `${r.baseline.description}, served and measured exactly like the guide in the same run (\`${r.baseline.dir}\`).`,
      '',
      table(
        ['page', 'perf m/d', 'a11y m/d', 'best pr. m/d', 'SEO m/d', 'LCP m', 'TBT m', 'JS gzip', 'CSS gzip'],
        r.baseline.pages.map((p) => {
          const m = p.lighthouse.mobile;
          const d = p.lighthouse.desktop;
          const pair = (c: Category) => `${m?.scores[c] ?? '–'} / ${d?.scores[c] ?? '–'}`;
          return [p.path, pair('performance'), pair('accessibility'), pair('best-practices'), pair('seo'), m ? fmtMs(m.metrics.lcpMs) : '–', m ? fmtMs(m.metrics.tbtMs) : '–', kb(p.probe.jsGzipBytes), kb(p.probe.cssGzipBytes)];
        }),
      ),
      '',
      ...byKind(r),
    );
  }
  out.push('## Search queries', '', table(['locale', 'query', 'samples (ms)', 'median (ms)', 'results shown'], r.search.queries.map((q) => [q.locale, q.query, q.samplesMs.map((s) => (s === null ? 'none' : String(s))).join(', '), q.medianMs === null ? '–' : String(q.medianMs), String(q.results)])), '');
  return `${out.join('\n')}\n`;
}
