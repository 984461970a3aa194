// Stands in for theme-classic's client module that registers Prism languages at startup (see
// src/plugins/lean-main-bundle.ts); Highlighted.tsx registers them when a code block needs them.
export {};
