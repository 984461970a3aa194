/** The doc page's content, with "View as Markdown" and "Copy page" above it (src/components/PageMarkdown). */
import React, {type ReactNode} from 'react';
import Content from '@theme-original/DocItem/Content';
import type ContentType from '@theme/DocItem/Content';
import type {WrapperProps} from '@docusaurus/types';
import {useDoc} from '@docusaurus/plugin-content-docs/client';
import PageMarkdown from '@site/src/components/PageMarkdown';

export default function ContentWrapper(props: WrapperProps<typeof ContentType>): ReactNode {
  const {metadata} = useDoc();
  return (
    <>
      <PageMarkdown permalink={metadata.permalink} />
      <Content {...props} />
    </>
  );
}
