/** Build-time data written by src/plugins/reference-data.ts (createData). */
declare module '@generated/reference-data/default/reference.json' {
  const data: unknown;
  export default data;
}

/** Build-time data written by src/plugins/symbol-index.ts (createData). */
declare module '@generated/symbol-index/default/symbols.json' {
  const data: unknown;
  export default data;
}
