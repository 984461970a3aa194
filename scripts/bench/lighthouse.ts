/**
 * Lighthouse 12.2.3 through its Node API against a Chromium this module launches (chrome-launcher,
 * /usr/bin/chromium, headless=new), mobile (the default config) and desktop presets.
 */
import {CHROME_PATH} from '../lib/browser';
import {median} from './lib/stats';

export const PRESETS = ['mobile', 'desktop'] as const;
export type Preset = (typeof PRESETS)[number];
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

export const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export interface FailingAudit {
  category: Category;
  id: string;
  title: string;
  score: number | null;
  displayValue?: string;
}

export interface LighthouseRun {
  /** 0-100 per category. */
  scores: Record<Category, number>;
  metrics: {fcpMs: number; lcpMs: number; tbtMs: number; cls: number; siMs: number};
  /** Audits with weight in a category that scored below 1. */
  failing: FailingAudit[];
  /** For performance: the opportunities with the largest estimated savings, and the scripts that cost most CPU. */
  opportunities: Array<{id: string; title: string; savingsMs: number; savingsBytes: number}>;
  bootup: Array<{url: string; ms: number}>;
  /** Audits Lighthouse could not run (e.g. trace-engine errors with a newer Chromium). */
  errored: string[];
  benchmarkIndex: number | null;
}

export interface LighthouseSummary {
  runs: number;
  /** Median per category and per metric over the runs. */
  scores: Record<Category, number>;
  metrics: LighthouseRun['metrics'];
  /** The run whose performance score is the median, kept whole for "why". */
  medianRun: LighthouseRun;
  allScores: Array<Record<Category, number>>;
}

type LH = typeof import('lighthouse');
type Launcher = typeof import('chrome-launcher');
let modules: {lighthouse: LH['default']; desktopConfig: unknown; launcher: Launcher} | null = null;

async function load() {
  if (!modules) {
    // Lighthouse is ESM-only; tsx runs this file as CommonJS, so import it dynamically.
    const lighthouse = (await import('lighthouse')).default;
    const desktopConfig = (await import('lighthouse/core/config/desktop-config.js')).default;
    const launcher = await import('chrome-launcher');
    modules = {lighthouse, desktopConfig, launcher};
  }
  return modules;
}

export interface Chrome {
  port: number;
  kill(): Promise<void>;
}

export async function launchChrome(): Promise<Chrome> {
  const {launcher} = await load();
  const chrome = await launcher.launch({chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS, logLevel: 'silent'});
  return {port: chrome.port, kill: async () => void chrome.kill()};
}

export async function lighthouseOnce(url: string, preset: Preset, port: number): Promise<LighthouseRun> {
  const {lighthouse, desktopConfig} = await load();
  const flags = {
    port,
    output: 'json' as const,
    logLevel: 'error' as const,
    onlyCategories: [...CATEGORIES],
    disableFullPageScreenshot: true,
  };
  const result = await lighthouse(url, flags, preset === 'desktop' ? (desktopConfig as never) : undefined);
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const {lhr} = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse ${preset} ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as Record<Category, number>;
  const num = (id: string) => Number(lhr.audits[id]?.numericValue ?? Number.NaN);
  const failing: FailingAudit[] = [];
  for (const c of CATEGORIES) {
    for (const ref of lhr.categories[c]?.auditRefs ?? []) {
      const a = lhr.audits[ref.id];
      if (ref.weight > 0 && a && a.score !== null && a.score < 1) {
        failing.push({category: c, id: a.id, title: a.title, score: a.score, displayValue: a.displayValue});
      }
    }
  }
  const opportunities = Object.values(lhr.audits)
    .filter((a) => a.details?.type === 'opportunity' && a.score !== null && a.score < 1)
    .map((a) => {
      const d = a.details as {overallSavingsMs?: number; overallSavingsBytes?: number};
      return {id: a.id, title: a.title, savingsMs: d.overallSavingsMs ?? 0, savingsBytes: d.overallSavingsBytes ?? 0};
    })
    .filter((o) => o.savingsMs > 0 || o.savingsBytes > 2048)
    .sort((a, b) => b.savingsMs - a.savingsMs || b.savingsBytes - a.savingsBytes)
    .slice(0, 4);
  const bootItems = ((lhr.audits['bootup-time']?.details as {items?: Array<{url: string; total: number}>} | undefined)?.items ?? []).slice(0, 3);
  return {
    scores,
    metrics: {
      fcpMs: num('first-contentful-paint'),
      lcpMs: num('largest-contentful-paint'),
      tbtMs: num('total-blocking-time'),
      cls: num('cumulative-layout-shift'),
      siMs: num('speed-index'),
    },
    failing,
    opportunities,
    bootup: bootItems.map((i) => ({url: i.url.replace(/^https?:\/\/[^/]+/, ''), ms: Math.round(i.total)})),
    errored: Object.values(lhr.audits)
      .filter((a) => a.scoreDisplayMode === 'error')
      .map((a) => a.id),
    benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
  };
}

export function summarise(runs: LighthouseRun[]): LighthouseSummary {
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, median(runs.map((r) => r.scores[c]))])) as Record<Category, number>;
  const metricKeys = Object.keys(runs[0].metrics) as Array<keyof LighthouseRun['metrics']>;
  const metrics = Object.fromEntries(metricKeys.map((k) => [k, median(runs.map((r) => r.metrics[k]))])) as LighthouseRun['metrics'];
  const byPerf = [...runs].sort((a, b) => a.scores.performance - b.scores.performance);
  return {runs: runs.length, scores, metrics, medianRun: byPerf[Math.floor((byPerf.length - 1) / 2)], allScores: runs.map((r) => r.scores)};
}
