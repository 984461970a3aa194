/**
 * npm run diagrams:render [-- --src <dir>]
 *
 * Renders every src/diagrams/<name>.<locale>.mmd ahead of time, in headless Chromium with the
 * installed mermaid, to static/diagrams/<name>.<locale>.{light,dark}.svg, and writes
 * src/data/diagrams.json (alt, size and URLs per diagram) for <Diagram name="…" />. The site
 * never ships mermaid. Fails, naming the file, on a missing alt line, a missing locale, a mermaid
 * parse error, or a label with less than 4.5:1 contrast.
 */
import {mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {join, relative, resolve} from 'node:path';
import type {Browser, Page} from 'playwright-core';
import {launchChromium} from './chromium';
import {
  DATA_PATH,
  type DiagramData,
  type DiagramSource,
  OUTPUT_DIR,
  RENDER_COMMAND,
  SITE_ROOT,
  SOURCE_DIR,
  THEMES,
  type Theme,
  readSources,
  svgFileName,
  svgStamp,
  svgUrl,
} from './sources';
import {MIN_TEXT_CONTRAST, PAGE_BACKGROUND, FONT_FAMILY, mermaidConfig} from './themes';

const MERMAID_JS = join(SITE_ROOT, 'node_modules/mermaid/dist/mermaid.min.js');
const IN_PAGE_JS = join(SITE_ROOT, 'scripts/diagrams/in-page.js');
const MERMAID_VERSION = (JSON.parse(readFileSync(join(SITE_ROOT, 'node_modules/mermaid/package.json'), 'utf8')) as {version: string})
  .version;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface ContrastFailure {
  text: string;
  detail: string;
}

class RenderError extends Error {}

function parseArgs(argv: string[]): {src: string} {
  let src = SOURCE_DIR;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--src' && argv[i + 1]) src = resolve(argv[++i]);
    else throw new RenderError(`unknown argument "${argv[i]}". Usage: ${RENDER_COMMAND} [-- --src <dir>]`);
  }
  return {src};
}

/** An about:blank page with mermaid and the helpers; every request is refused. */
async function newPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({viewport: {width: 1600, height: 1200}, deviceScaleFactor: 1});
  await page.route('**/*', (route) => route.abort());
  await page.setContent(
    `<!doctype html><html><head><meta charset="utf-8"></head>` +
      `<body style="margin:0;font-family:${FONT_FAMILY.replace(/"/g, "'")}">` +
      `</body></html>`,
  );
  await page.addScriptTag({path: MERMAID_JS});
  await page.addScriptTag({path: IN_PAGE_JS});
  return page;
}

/** An id unique per output file: mermaid scopes the SVG's <style> by it. */
function svgId(source: DiagramSource, theme: Theme): string {
  return `diagram-${source.name}-${source.locale.toLowerCase()}-${theme}`;
}

/** Renders one source in both themes; returns the finished SVGs and their shared size. */
async function renderSource(
  page: Page,
  source: DiagramSource,
): Promise<{svgs: Record<Theme, string>; width: number; height: number; lowest: Record<Theme, number>; labelPx: number}> {
  const boxes = {} as Record<Theme, Box>;
  for (const theme of THEMES) {
    const id = svgId(source, theme);
    const result = await page.evaluate(
      (args) => (window as unknown as {diagramRender(a: unknown): Promise<Box | {error: string}>}).diagramRender(args),
      {host: `host-${theme}`, id, text: source.body, config: mermaidConfig(theme, id), background: PAGE_BACKGROUND[theme]},
    );
    if ('error' in result) {
      throw new RenderError(`${source.file}: mermaid could not render it:\n${result.error.replace(/^/gm, '    ')}`);
    }
    boxes[theme] = result;
  }
  // Both themes get the same integer size, so one width/height pair reserves the space for either.
  const width = Math.ceil(Math.max(...THEMES.map((t) => boxes[t].width)));
  const height = Math.ceil(Math.max(...THEMES.map((t) => boxes[t].height)));
  const svgs = {} as Record<Theme, string>;
  const lowest = {} as Record<Theme, number>;
  let labelPx = Infinity;
  const failures: string[] = [];
  for (const theme of THEMES) {
    // The whole diagram inside the viewport, so every label can be hit-tested.
    await page.setViewportSize({width: Math.max(width, 100), height: Math.max(height, 100)});
    const report = await page.evaluate(
      (args) => (window as unknown as {diagramContrast(a: unknown): {checked: number; failures: ContrastFailure[]; lowest: number; smallestFont: number}}).diagramContrast(args),
      {host: `host-${theme}`, background: PAGE_BACKGROUND[theme], min: MIN_TEXT_CONTRAST},
    );
    lowest[theme] = report.lowest;
    labelPx = Math.min(labelPx, report.smallestFont);
    if (report.checked === 0) failures.push(`${theme}: no text found to check`);
    for (const f of report.failures) failures.push(`${theme}: "${f.text}": ${f.detail}`);
    const markup = await page.evaluate(
      (args) => (window as unknown as {diagramFinish(a: unknown): string}).diagramFinish(args),
      {host: `host-${theme}`, width, height, background: PAGE_BACKGROUND[theme], title: source.alt},
    );
    svgs[theme] = `${svgStamp(source)}\n${tidy(markup)}\n`;
  }
  if (failures.length > 0) {
    throw new RenderError(
      `${source.file}: text contrast below ${MIN_TEXT_CONTRAST}:1 (fix the colours in the .mmd or in scripts/diagrams/themes.ts):\n    ` +
        failures.join('\n    '),
    );
  }
  return {svgs, width, height, lowest, labelPx};
}

/** Collapses the whitespace mermaid leaves in its <style> block. */
function tidy(svg: string): string {
  return svg.replace(/<style>([\s\S]*?)<\/style>/g, (_, css: string) => `<style>${css.replace(/\s*\n\s*/g, '').replace(/\s{2,}/g, ' ')}</style>`);
}

async function main(): Promise<void> {
  const {src} = parseArgs(process.argv.slice(2));
  const {sources, problems} = readSources(src);
  if (problems.length > 0) {
    throw new RenderError(`${problems.length} problem(s) in the diagram sources; nothing written:\n- ${problems.join('\n- ')}`);
  }
  if (sources.length === 0) console.warn(`diagrams:render: no <name>.<locale>.mmd in ${relative(SITE_ROOT, src) || src}`);

  const data: DiagramData = {generatedBy: `${RENDER_COMMAND} (scripts/diagrams/render.ts, mermaid ${MERMAID_VERSION})`, diagrams: {}};
  const files = new Map<string, string>();
  const errors: string[] = [];
  const browser = await launchChromium();
  try {
    const page = await newPage(browser);
    for (const source of sources) {
      try {
        const {svgs, width, height, lowest, labelPx} = await renderSource(page, source);
        for (const theme of THEMES) files.set(svgFileName(source.key, theme), svgs[theme]);
        data.diagrams[source.key] = {
          alt: source.alt,
          width,
          height,
          labelPx,
          light: svgUrl(source.key, 'light'),
          dark: svgUrl(source.key, 'dark'),
        };
        console.log(
          `  ${source.key}: ${width}×${height}, smallest label ${labelPx} px; ` +
            THEMES.map((t) => `${t} ${Buffer.byteLength(svgs[t])} B, lowest text contrast ${lowest[t]}:1`).join('; '),
        );
      } catch (error) {
        if (!(error instanceof RenderError)) throw error;
        errors.push(error.message);
      }
    }
  } finally {
    await browser.close();
  }
  if (errors.length > 0) throw new RenderError(`${errors.length} diagram(s) failed; nothing written:\n\n${errors.join('\n\n')}`);

  mkdirSync(OUTPUT_DIR, {recursive: true});
  for (const old of readdirSync(OUTPUT_DIR)) {
    if (old.endsWith('.svg') && !files.has(old)) rmSync(join(OUTPUT_DIR, old));
  }
  for (const [fileName, svg] of files) writeFileSync(join(OUTPUT_DIR, fileName), svg);
  writeFileSync(DATA_PATH, `${JSON.stringify(data, null, 2)}\n`);
  console.log(
    `Wrote ${files.size} SVGs to ${relative(SITE_ROOT, OUTPUT_DIR)}/ and ${relative(SITE_ROOT, DATA_PATH)} ` +
      `(${Object.keys(data.diagrams).length} diagrams).`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof RenderError ? `diagrams:render: ${error.message}` : error);
  process.exit(1);
});
