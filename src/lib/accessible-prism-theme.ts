/**
 * WCAG contrast for the theme's Prism code blocks (fenced shell and config snippets). The diagram
 * renderer checks the same formula inside its browser page (scripts/diagrams/in-page.js), where
 * this module cannot be imported.
 */
import type {PrismTheme} from 'prism-react-renderer';

/** sRGB relative luminance (WCAG 2.x) of `[r, g, b]` in 0..255. */
function luminance([r, g, b]: number[]): number {
  const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function parseColour(value: string): number[] | null {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value.trim());
  if (hex) {
    const h = hex[1].length === 3 ? [...hex[1]].map((c) => c + c).join('') : hex[1];
    return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
  }
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)\s*(?:[,/]\s*1(?:\.0*)?\s*)?\)$/i.exec(value.trim());
  return rgb ? rgb.slice(1, 4).map(Number) : null;
}

export function contrast(a: number[], b: number[]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The Prism theme with every token colour moved towards black (light background) or white (dark
 * background) until it reaches `ratio` against the code block background, and no token dimmed by
 * opacity. prism-react-renderer's `github` theme ships comments (#999988), numbers (#36acaa) and
 * keywords (#00a4db) below WCAG AA 4.5:1; the margin above 4.5 covers the highlighted-line tint.
 */
export function accessiblePrismTheme(theme: PrismTheme, ratio = 5): PrismTheme {
  const background = parseColour(theme.plain.backgroundColor ?? '#ffffff') ?? [255, 255, 255];
  const target = luminance(background) > 0.18 ? [0, 0, 0] : [255, 255, 255];
  const fix = (colour: string | undefined): string | undefined => {
    const rgb = colour ? parseColour(colour) : null;
    if (!rgb) return colour;
    let mixed = rgb;
    for (let t = 0; contrast(mixed, background) < ratio && t <= 1; t += 0.02) {
      mixed = rgb.map((c, i) => Math.round(c + (target[i] - c) * t));
    }
    return mixed === rgb ? colour : `#${mixed.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
  };
  return {
    plain: {...theme.plain, color: fix(theme.plain.color)},
    styles: theme.styles.map(({types, languages, style}) => {
      const {opacity: _dimmed, ...rest} = style as typeof style & {opacity?: number};
      return {types, languages, style: {...rest, color: fix(rest.color)}};
    }),
  };
}

type TokenStyle = PrismTheme['plain'];
const dictionaries = new WeakMap<PrismTheme, Map<string, Record<string, TokenStyle>>>();

/** The theme's style per token type for `language`, as prism-react-renderer builds it (themeToDict). */
function styleDictionary(theme: PrismTheme, language: string): Record<string, TokenStyle> {
  let byLanguage = dictionaries.get(theme);
  if (!byLanguage) dictionaries.set(theme, (byLanguage = new Map()));
  let dict = byLanguage.get(language);
  if (!dict) {
    dict = {};
    for (const {types, languages, style} of theme.styles) {
      if (languages && !languages.includes(language)) continue;
      for (const type of types) dict[type] = {...dict[type], ...style};
    }
    byLanguage.set(language, dict);
  }
  return dict;
}

/** The style prism-react-renderer gives a token of `types` (getTokenProps), without the empty-line case. */
export function prismTokenStyle(theme: PrismTheme, language: string, types: string[]): TokenStyle | undefined {
  if (types.length === 1 && types[0] === 'plain') return undefined;
  const dict = styleDictionary(theme, language);
  return Object.assign({}, ...types.map((type) => dict[type]));
}

/**
 * CSS that gives a fenced code block rendered with the light theme's inline colours the dark
 * theme's colours under html[data-theme=dark]: the block's plain colours here, each token's own
 * colour through the --prism-dark / --prism-dark-font properties that src/theme/CodeBlock/Line/Token
 * writes beside the light ones. `!important` beats the inline light style; a token without a dark
 * colour inherits the line's.
 */
export function darkCodeBlockCss(dark: PrismTheme): string {
  const scope = "[data-theme='dark'] [data-code-block]";
  const {color, backgroundColor} = dark.plain;
  return [
    `${scope} .theme-code-block{--prism-color:${color}!important;--prism-background-color:${backgroundColor}!important}`,
    `${scope} pre{color:var(--prism-color)!important;background-color:var(--prism-background-color)!important}`,
    `${scope} .token-line{color:var(--prism-color)!important}`,
    `${scope} .token{color:var(--prism-dark)!important;font-style:var(--prism-dark-font)!important}`,
  ].join('\n');
}
