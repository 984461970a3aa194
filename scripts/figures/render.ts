/**
 * npm run figures:render
 *
 * Screenshots each src/figures/<name>.html (a self-contained HTML/CSS/SVG drawing whose #figure
 * element is the picture) in headless Chromium at deviceScaleFactor 2, and writes
 * src/figures/<name>.png as a palette PNG (few colours, small file). Pages embed the PNG through
 * @docusaurus/plugin-ideal-image, which makes the resized variants at build time.
 *
 * Fails when a font the drawings name is missing (the PNG would silently change), when any box's
 * content overflows it, or when the page tries to fetch anything.
 */
import {execFileSync} from 'node:child_process';
import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join, relative} from 'node:path';
// sharp comes with @docusaurus/plugin-ideal-image, which uses it to resize the same PNGs.
import sharp from 'sharp';
import {launchChromium} from '../diagrams/chromium';

const SITE_ROOT = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
const FIGURE_DIR = join(SITE_ROOT, 'src/figures');
const SCALE = 2;
/** Palette size: the drawings use a handful of flat colours; the rest is anti-aliasing. */
const COLOURS = 48;
const REQUIRED_FONTS = ['Noto Sans CJK SC', 'DejaVu Sans Mono'];

class FigureError extends Error {}

/**
 * Runs in the page (as a string, so tsx adds no helpers to it): text that spills out of its box,
 * and anything that sticks out of #figure and would be cut off.
 */
const OVERFLOW_CHECK = `(() => {
  const frame = document.getElementById('figure').getBoundingClientRect();
  const label = (el) => (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 60) || '<' + el.tagName.toLowerCase() + '>';
  const spilled = [...document.querySelectorAll('#figure .box')]
    .filter((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)
    .map((el) => label(el) + ' (spills out of its box)');
  const outside = [...document.querySelectorAll('#figure *')]
    .filter((el) => !el.closest('defs') && !(el instanceof SVGSVGElement))
    .filter((el) => {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) return false;
      return r.left < frame.left - 0.5 || r.top < frame.top - 0.5 || r.right > frame.right + 0.5 || r.bottom > frame.bottom + 0.5;
    })
    .map((el) => label(el) + ' (outside #figure)');
  return [...spilled, ...outside];
})()`;

function checkFonts(): void {
  let families = '';
  try {
    families = execFileSync('fc-list', [':', 'family'], {encoding: 'utf8'});
  } catch {
    throw new FigureError('fc-list failed; install fontconfig, fonts-noto-cjk and fonts-dejavu-core (bash .ci/run does)');
  }
  const missing = REQUIRED_FONTS.filter((f) => !families.split('\n').some((line) => line.split(',').includes(f)));
  if (missing.length > 0) {
    throw new FigureError(`missing font(s) ${missing.map((f) => `"${f}"`).join(', ')}; install fonts-noto-cjk and fonts-dejavu-core`);
  }
}

async function main(): Promise<void> {
  checkFonts();
  const sources = readdirSync(FIGURE_DIR).filter((f) => f.endsWith('.html')).sort();
  if (sources.length === 0) throw new FigureError(`no <name>.html in ${relative(SITE_ROOT, FIGURE_DIR)}`);
  const browser = await launchChromium();
  try {
    for (const fileName of sources) {
      const source = join(FIGURE_DIR, fileName);
      const rel = relative(SITE_ROOT, source);
      const page = await browser.newPage({viewport: {width: 1000, height: 1000}, deviceScaleFactor: SCALE});
      const requests: string[] = [];
      await page.route('**/*', (route) => {
        requests.push(route.request().url());
        return route.abort();
      });
      await page.setContent(readFileSync(source, 'utf8'), {waitUntil: 'load'});
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const figure = page.locator('#figure');
      if ((await figure.count()) !== 1) throw new FigureError(`${rel}: needs exactly one element with id="figure"`);
      const overflowing = (await page.evaluate(OVERFLOW_CHECK)) as string[];
      if (overflowing.length > 0) {
        throw new FigureError(`${rel}: content overflows its box in:\n- ${overflowing.join('\n- ')}`);
      }
      if (requests.length > 0) throw new FigureError(`${rel}: must be self-contained, but it requested:\n- ${requests.join('\n- ')}`);
      const shot = await figure.screenshot({type: 'png', animations: 'disabled'});
      await page.close();
      const png = await sharp(shot)
        .png({palette: true, colours: COLOURS, dither: 0, compressionLevel: 9, effort: 10})
        .toBuffer();
      const out = source.replace(/\.html$/, '.png');
      writeFileSync(out, png);
      const {width, height} = await sharp(png).metadata();
      console.log(`Wrote ${relative(SITE_ROOT, out)}: ${width}×${height} px, ${png.length} B (${COLOURS}-colour palette, from ${shot.length} B)`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof FigureError ? `figures:render: ${error.message}` : error);
  process.exit(1);
});
