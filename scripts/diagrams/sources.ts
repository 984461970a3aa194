/**
 * Where the diagrams live and how their sources are named; shared by the renderer
 * (scripts/diagrams/render.ts) and the unit test (tests/unit/diagrams.test.ts).
 *
 *   src/diagrams/<name>.<locale>.mmd                 mermaid source, first line `%% alt: <one sentence>`
 *   static/diagrams/<name>.<locale>.<theme>.svg      rendered ahead of time, served as is
 *   src/data/diagrams.json                           {alt, width, height, light, dark} per <name>.<locale>
 */
import {createHash} from 'node:crypto';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {join, relative} from 'node:path';

export const SITE_ROOT = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
export const SOURCE_DIR = join(SITE_ROOT, 'src/diagrams');
export const OUTPUT_DIR = join(SITE_ROOT, 'static/diagrams');
export const DATA_PATH = join(SITE_ROOT, 'src/data/diagrams.json');
export const RENDER_COMMAND = 'npm run diagrams:render';

export const LOCALES = ['en', 'zh-Hans'] as const;
export type Locale = (typeof LOCALES)[number];
export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** `<name>.<locale>.mmd`; names are lower-case ASCII words joined by hyphens. */
export const SOURCE_FILE = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.(en|zh-Hans)\.mmd$/;
/** The required first line. */
export const ALT_LINE = /^%%\s*alt:\s*(.*?)\s*$/;
/** Han ideographs (CJK Unified Ideographs and Extension A). */
export const HAN = /[\u3400-\u4dbf\u4e00-\u9fff]/;

export interface DiagramEntry {
  alt: string;
  width: number;
  height: number;
  /** Font size of the smallest label at natural size, in SVG px: how far the diagram may shrink. */
  labelPx: number;
  light: string;
  dark: string;
}

export interface DiagramData {
  generatedBy: string;
  diagrams: Record<string, DiagramEntry>;
}

export interface DiagramSource {
  name: string;
  locale: Locale;
  /** `<name>.<locale>`, the key in src/data/diagrams.json. */
  key: string;
  /** Path relative to the site root, for messages. */
  file: string;
  alt: string;
  /** The text given to mermaid: the whole file (the alt line is a mermaid comment), BOM and CRs removed. */
  body: string;
  /** sha256 of the whole source file; stamped into every SVG rendered from it. */
  sha256: string;
}

export function svgFileName(key: string, theme: Theme): string {
  return `${key}.${theme}.svg`;
}

export function svgUrl(key: string, theme: Theme): string {
  return `/diagrams/${svgFileName(key, theme)}`;
}

/** The comment the renderer puts first in every SVG, so a test can tell a stale render from a fresh one. */
export function svgStamp(source: DiagramSource): string {
  return `<!-- Rendered from ${source.file} (sha256 ${source.sha256}) by ${RENDER_COMMAND}. Do not edit. -->`;
}

export const STAMP = /^<!-- Rendered from (\S+) \(sha256 ([0-9a-f]{64})\) by /;

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Reads every source in `dir`. Problems (a bad file name, a missing alt line, a diagram in one
 * locale only) are collected, each naming the file, so one run reports all of them.
 */
export function readSources(dir = SOURCE_DIR): {sources: DiagramSource[]; problems: string[]} {
  const sources: DiagramSource[] = [];
  const problems: string[] = [];
  if (!existsSync(dir)) return {sources, problems};
  const rel = (file: string) => relative(SITE_ROOT, file) || file;
  /** `<name>.<locale>` of every well-named file, accepted or not, for the twin check. */
  const present = new Set<string>();
  for (const fileName of readdirSync(dir).sort()) {
    if (!fileName.endsWith('.mmd')) continue;
    const file = rel(join(dir, fileName));
    const match = SOURCE_FILE.exec(fileName);
    if (!match) {
      problems.push(`${file}: name it <name>.<locale>.mmd with <locale> one of ${LOCALES.join(', ')} and <name> lower-case a-z0-9 words joined by "-"`);
      continue;
    }
    const [, name, locale] = match as unknown as [string, string, Locale];
    present.add(`${name}.${locale}`);
    const text = readFileSync(join(dir, fileName), 'utf8');
    const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
    const [firstLine, ...rest] = lines;
    const alt = ALT_LINE.exec(firstLine)?.[1];
    if (alt === undefined) {
      problems.push(`${file}:1: the first line must be the alt text, "%% alt: <one sentence describing the diagram in ${locale}>"`);
      continue;
    }
    if (!alt) {
      problems.push(`${file}:1: the "%% alt:" line is empty; describe the diagram in one sentence`);
      continue;
    }
    if (locale === 'zh-Hans' && !HAN.test(alt)) {
      problems.push(`${file}:1: the alt text of a zh-Hans diagram must be written in Chinese`);
      continue;
    }
    if (!rest.join('\n').trim()) {
      problems.push(`${file}: has no diagram after the alt line`);
      continue;
    }
    sources.push({name, locale, key: `${name}.${locale}`, file, alt, body: lines.join('\n'), sha256: sha256(text)});
  }
  const names = [...new Set([...present].map((key) => key.slice(0, key.indexOf('.'))))];
  for (const name of names) {
    const other = LOCALES.find((l) => present.has(`${name}.${l}`))!;
    for (const locale of LOCALES) {
      if (!present.has(`${name}.${locale}`)) {
        problems.push(`${rel(join(dir, `${name}.${locale}.mmd`))}: missing; ${rel(join(dir, `${name}.${other}.mmd`))} has no twin in ${locale}`);
      }
    }
  }
  return {sources, problems};
}

/** width and height of an SVG's viewBox, or undefined when it has none. */
export function viewBoxSize(svg: string): {width: number; height: number} | undefined {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const box = /\bviewBox="\s*([-\d.e]+)[\s,]+([-\d.e]+)[\s,]+([-\d.e]+)[\s,]+([-\d.e]+)\s*"/.exec(root);
  if (!box) return undefined;
  return {width: Number(box[3]), height: Number(box[4])};
}
