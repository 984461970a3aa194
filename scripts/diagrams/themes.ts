/**
 * Mermaid configuration for the two site themes. The page background is the site's
 * (--ifm-background-color): #ffffff in light, #1b1b1d in dark. The renderer measures every label
 * against what is painted under it and fails below MIN_TEXT_CONTRAST.
 */
import type {Theme} from './sources';

export const FONT_FAMILY = 'system-ui, "Noto Sans CJK SC", sans-serif';
export const MIN_TEXT_CONTRAST = 4.5;

export const PAGE_BACKGROUND: Record<Theme, string> = {light: '#ffffff', dark: '#1b1b1d'};

/** Light: mermaid's `default` theme, nudged towards the site's purple; all text #1c1e21-ish on pale fills. */
const light = {
  theme: 'default',
  themeVariables: {
    fontFamily: FONT_FAMILY,
    background: PAGE_BACKGROUND.light,
    primaryColor: '#f1ecfa',
    primaryTextColor: '#1c1e21',
    primaryBorderColor: '#7553b2',
    secondaryColor: '#eef5ee',
    tertiaryColor: '#f6f6f7',
    lineColor: '#4b4b55',
    textColor: '#1c1e21',
    mainBkg: '#f1ecfa',
    nodeBorder: '#7553b2',
    nodeTextColor: '#1c1e21',
    clusterBkg: '#faf8fd',
    clusterBorder: '#a58fcf',
    titleColor: '#1c1e21',
    edgeLabelBackground: '#ffffff',
    // sequence diagrams
    actorBkg: '#f1ecfa',
    actorBorder: '#7553b2',
    actorTextColor: '#1c1e21',
    actorLineColor: '#6b6b76',
    signalColor: '#33333d',
    signalTextColor: '#1c1e21',
    labelBoxBkgColor: '#f1ecfa',
    labelBoxBorderColor: '#7553b2',
    labelTextColor: '#1c1e21',
    loopTextColor: '#1c1e21',
    noteBkgColor: '#fff6c7',
    noteTextColor: '#1c1e21',
    noteBorderColor: '#a8901f',
    activationBkgColor: '#e4dbf5',
    activationBorderColor: '#7553b2',
    sequenceNumberColor: '#ffffff',
  },
};

/** Dark: mermaid's `dark` theme on the site's #1b1b1d, with light text on deep fills. */
const dark = {
  theme: 'dark',
  themeVariables: {
    darkMode: true,
    fontFamily: FONT_FAMILY,
    background: PAGE_BACKGROUND.dark,
    primaryColor: '#2d2640',
    primaryTextColor: '#f0eef5',
    primaryBorderColor: '#b49be6',
    secondaryColor: '#223026',
    tertiaryColor: '#26262a',
    lineColor: '#bdbdc6',
    textColor: '#e8e6ee',
    mainBkg: '#2d2640',
    nodeBorder: '#b49be6',
    nodeTextColor: '#f0eef5',
    clusterBkg: '#222126',
    clusterBorder: '#8d7cb0',
    titleColor: '#f0eef5',
    edgeLabelBackground: '#1b1b1d',
    // sequence diagrams
    actorBkg: '#2d2640',
    actorBorder: '#b49be6',
    actorTextColor: '#f0eef5',
    actorLineColor: '#9d9da8',
    signalColor: '#d4d4dc',
    signalTextColor: '#f0eef5',
    labelBoxBkgColor: '#2d2640',
    labelBoxBorderColor: '#b49be6',
    labelTextColor: '#f0eef5',
    loopTextColor: '#f0eef5',
    noteBkgColor: '#3a3522',
    noteTextColor: '#f7f2dc',
    noteBorderColor: '#c8b46a',
    activationBkgColor: '#3b3350',
    activationBorderColor: '#b49be6',
    sequenceNumberColor: '#1b1b1d',
  },
};

export const MERMAID_THEMES: Record<Theme, {theme: string; themeVariables: Record<string, unknown>}> = {light, dark};

/** The whole mermaid configuration for one render. */
export function mermaidConfig(theme: Theme, seed: string): Record<string, unknown> {
  return {
    startOnLoad: false,
    securityLevel: 'strict',
    ...MERMAID_THEMES[theme],
    fontFamily: FONT_FAMILY,
    // Plain SVG <text>, no <foreignObject>: renders the same in every <img> and image viewer.
    htmlLabels: false,
    // SVG labels wrap at wrappingWidth, even inside a word; break lines with <br/> in the source instead.
    flowchart: {htmlLabels: false, useMaxWidth: false, wrappingWidth: 480},
    sequence: {useMaxWidth: false},
    deterministicIds: true,
    deterministicIDSeed: seed,
  };
}
