/**
 * What the search bar reads from the search plugin's generated constants. The plugin's own module
 * also loads lunr and its language packs, which only the search worker needs; the lean-main-bundle
 * plugin points the bar here so they stay out of every page's main bundle.
 */
export const searchResultLimits = 8;
