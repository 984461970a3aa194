/**
 * CJK ideographs, kana, hangul and full-width forms: characters that set about one em wide (twice a
 * Latin letter) and between any two of which a line may break. Build-time size estimates (prose,
 * excerpt notes) and reference cards count text with the same class. Needs a `u` regular expression
 * (the last range, rare ideographs, lies beyond the BMP).
 */
export const CJK_RANGES = '\\u1100-\\u115f\\u2e80-\\ua4cf\\uac00-\\ud7a3\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uff60\\uffe0-\\uffe6\\u{20000}-\\u{3fffd}';

/** Matches one CJK character. */
export const CJK_CHARACTER = new RegExp(`[${CJK_RANGES}]`, 'u');
