/** The guide page (route without locale) that shows each reference table; no Node imports, so components may use it. */
export const REFERENCE_TABLE_PAGE = {
  programs: '/docs/reference/entry-points',
  tailCalls: '/docs/reference/entry-points',
  maps: '/docs/reference/maps',
  cells: '/docs/reference/cell-tree',
} as const satisfies Record<'programs' | 'tailCalls' | 'maps' | 'cells', string>;
