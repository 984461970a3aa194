/**
 * The theme's token <span>, plus its dark-theme colour as custom properties. A fenced block stays
 * the server's light-theme HTML until a reader reaches for it (src/theme/CodeBlock); with these
 * properties, CSS from the same dark palette (darkCodeBlockCss, src/plugins/code-block-dark-css.ts)
 * shows it in the dark theme without downloading Prism.
 */
import React, {type ComponentProps, type CSSProperties, type ReactNode} from 'react';
import Token from '@theme-original/CodeBlock/Line/Token';
import {useThemeConfig} from '@docusaurus/theme-common';
import {useCodeBlockContext} from '@docusaurus/theme-common/internal';
import {prismTokenStyle} from '@site/src/lib/accessible-prism-theme';

type Props = ComponentProps<typeof Token>;

export default function TokenWithDarkColour(props: Props): ReactNode {
  const {darkTheme} = useThemeConfig().prism;
  const {metadata} = useCodeBlockContext();
  const dark = darkTheme ? prismTokenStyle(darkTheme, metadata.language ?? '', props.token.types) : undefined;
  if (!dark || (!dark.color && !dark.fontStyle)) return <Token {...props} />;
  const style = {
    ...props.style,
    ...(dark.color && {'--prism-dark': dark.color}),
    ...(dark.fontStyle && {'--prism-dark-font': dark.fontStyle}),
  } as CSSProperties;
  return <Token {...props} style={style} />;
}
