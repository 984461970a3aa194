/**
 * Turns shiki's per-token inline styles into short classes (`tl3 td5`) drawn from the two themes'
 * palettes, and the one small stylesheet that colours them. Inline styles repeated on every token
 * were most of an excerpt's weight in the page's JavaScript.
 */
import type {Highlighter, ThemedToken} from 'shiki';

export const SHIKI_THEMES = {light: 'github-light-default', dark: 'github-dark-default'} as const;
/** shiki returns the dark theme's values as styles named `${prefix}dark` (codeToTokens). */
export const CSS_VARIABLE_PREFIX = '--excerpt-';
const DARK_VAR = `${CSS_VARIABLE_PREFIX}dark`;

export interface TokenPalette {
  light: string[];
  dark: string[];
}

/** Every foreground colour a theme can give a token, lower-case, in a stable order. */
function themeColours(highlighter: Highlighter, name: string): string[] {
  const theme = highlighter.getTheme(name);
  const colours = new Set([theme.fg.toLowerCase()]);
  for (const rule of theme.settings) {
    if (rule.settings?.foreground) colours.add(rule.settings.foreground.toLowerCase());
  }
  return [theme.fg.toLowerCase(), ...[...colours].slice(1).sort()];
}

export function tokenPalette(highlighter: Highlighter): TokenPalette {
  return {light: themeColours(highlighter, SHIKI_THEMES.light), dark: themeColours(highlighter, SHIKI_THEMES.dark)};
}

const FONT_CLASSES: Record<string, string> = {
  'font-style:italic': 'fi',
  'font-weight:bold': 'fb',
  'text-decoration:underline': 'fu',
  'text-decoration:line-through': 'fs',
};

/**
 * The classes for one token; none for plain text in both themes. Throws on a style we have no
 * class for, so a theme change cannot silently drop colours.
 */
export function tokenClasses(token: ThemedToken, palette: TokenPalette): string[] {
  const colours = {light: 0, dark: 0};
  const fonts: string[] = [];
  for (const [key, raw] of Object.entries(token.htmlStyle ?? {})) {
    const value = String(raw).toLowerCase();
    if (key === 'color' || key === DARK_VAR) {
      const theme = key === 'color' ? 'light' : 'dark';
      colours[theme] = palette[theme].indexOf(value);
      if (colours[theme] < 0) throw new Error(`shiki coloured "${token.content}" ${value} (${key}), which is not in the theme palette`);
    } else if (key.startsWith(`${DARK_VAR}-`)) {
      // The dark theme's font style; github-dark-default styles the same scopes as the light one.
      continue;
    } else {
      const cls = FONT_CLASSES[`${key}:${value}`];
      if (!cls) throw new Error(`shiki styled "${token.content}" with ${key}:${value}, which has no class in src/rehype/token-classes.ts`);
      fonts.push(cls);
    }
  }
  // Both colour classes or neither: the code's own colour covers plain text in either theme.
  const coloured = colours.light > 0 || colours.dark > 0 ? [`tl${colours.light}`, `td${colours.dark}`] : [];
  return [...coloured, ...fonts];
}

/** The stylesheet behind the classes; index 0 is each theme's default text colour. */
export function tokenCss(palette: TokenPalette): string {
  const scope = '[data-cilium-excerpt]';
  const dark = "[data-theme='dark']";
  return [
    `${scope} .excerpt-code{color:${palette.light[0]}}`,
    `${dark} ${scope} .excerpt-code{color:${palette.dark[0]}}`,
    ...palette.light.map((c, i) => `${scope} .tl${i}{color:${c}}`),
    ...palette.dark.map((c, i) => `${dark} ${scope} .td${i}{color:${c}}`),
    `${scope} .fi{font-style:italic}`,
    `${scope} .fb{font-weight:bold}`,
    `${scope} .fu{text-decoration:underline}`,
    `${scope} .fs{text-decoration:line-through}`,
  ].join('\n');
}
