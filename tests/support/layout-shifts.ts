/** Records a page's layout shifts from its first byte, each with what moved and when, for tests that assert CLS 0. */
import type {Page} from 'playwright-core';

export interface LayoutShifts {
  cls: number;
  /** `tag#id.class at N ms (x,y w×h → x,y w×h)` for each moved element, so a failure says where to look. */
  moved: string[];
}

/** Call before `page.goto`: the observer has to be in place when the first frame is painted. */
export async function recordLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    type Rect = {x: number; y: number; width: number; height: number};
    type Shift = PerformanceEntry & {value: number; hadRecentInput: boolean; sources?: {node?: Node | null; previousRect: Rect; currentRect: Rect}[]};
    const record: LayoutShifts = {cls: 0, moved: []};
    (window as unknown as {layoutShifts: LayoutShifts}).layoutShifts = record;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Shift[]) {
        if (entry.hadRecentInput) continue;
        record.cls += entry.value;
        for (const {node, previousRect, currentRect} of entry.sources ?? []) {
          const el = node instanceof Element ? node : node?.parentElement;
          if (!el) continue;
          const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${[...el.classList].map((c) => `.${c}`).join('')}`;
          // No named helper: the script is serialized into the page, where the test runner's helpers do not exist.
          const rects = [previousRect, currentRect].map((r) => `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`);
          record.moved.push(`${name} at ${Math.round(entry.startTime)} ms (${rects.join(' → ')})`);
        }
      }
    }).observe({type: 'layout-shift', buffered: true});
  });
}

/** What moved on `page` so far, as one line naming `path`, its CLS and each moved element; none if nothing moved. */
export async function layoutShiftProblems(page: Page, path: string): Promise<string[]> {
  const {cls, moved} = await page.evaluate(() => (window as unknown as {layoutShifts: LayoutShifts}).layoutShifts);
  return cls > 0 ? [`${path}: ${cls} (${moved.join('; ')})`] : [];
}
