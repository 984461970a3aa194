/** Puts the dark-theme colours of static fenced code blocks (darkCodeBlockCss) in every page's <head>. */
import type {Plugin} from '@docusaurus/types';
import type {PrismTheme} from 'prism-react-renderer';
import {darkCodeBlockCss} from '../lib/accessible-prism-theme';

export default function codeBlockDarkCss(context: {siteConfig: {themeConfig: {prism?: {darkTheme?: PrismTheme}}}}): Plugin {
  const dark = context.siteConfig.themeConfig.prism?.darkTheme;
  if (!dark) throw new Error('code-block-dark-css: themeConfig.prism.darkTheme is not set');
  return {
    name: 'code-block-dark-css',
    injectHtmlTags() {
      return {headTags: [{tagName: 'style', attributes: {'data-code-block-dark': ''}, innerHTML: darkCodeBlockCss(dark)}]};
    },
  };
}
