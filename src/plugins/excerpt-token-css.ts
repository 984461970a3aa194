/** Puts the excerpt token colours (src/rehype/token-classes.ts) in every page's <head>, about 1 KB. */
import type {Plugin} from '@docusaurus/types';
import {getHighlighter} from '../rehype/excerpts';
import {tokenCss, tokenPalette} from '../rehype/token-classes';

export default function excerptTokenCss(): Plugin<string> {
  return {
    name: 'excerpt-token-css',
    async loadContent() {
      return tokenCss(tokenPalette(await getHighlighter()));
    },
    injectHtmlTags({content}) {
      return {headTags: [{tagName: 'style', attributes: {'data-excerpt-tokens': ''}, innerHTML: content as string}]};
    },
  };
}
