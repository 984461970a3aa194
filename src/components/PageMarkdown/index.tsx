/**
 * "View as Markdown" and "Copy page" above a doc page: both reach the page's Markdown twin
 * (`<page>.md`, written by src/plugins/markdown-twins.ts). The link is plain HTML and works without
 * JavaScript; the button stays hidden until the page script that copies runs.
 */
import React, {type ReactNode} from 'react';
import clsx from 'clsx';
import Head from '@docusaurus/Head';
import Translate from '@docusaurus/Translate';
import {markdownPath} from '@site/src/markdown/path';
import styles from './styles.module.css';

/** Copying is src/client/before-runtime.ts's work (data-copy-page): it works before the runtime and costs hydration nothing. */
function CopyPageButton({markdownUrl}: {markdownUrl: string}): ReactNode {
  return (
    <button type="button" className={clsx('button button--sm button--secondary', styles.copy)} aria-live="polite" data-copy-page={markdownUrl}>
      <span data-copy-label="idle">
        <Translate id="pageMarkdown.copy" description="Button that copies the whole page as Markdown">Copy page</Translate>
      </span>
      <span data-copy-label="copied">
        <Translate id="pageMarkdown.copied" description="Shown after the page's Markdown was copied">Copied</Translate>
      </span>
      <span data-copy-label="failed">
        <Translate id="pageMarkdown.copyFailed" description="Shown when the page's Markdown could not be copied">Copy failed</Translate>
      </span>
    </button>
  );
}

export default function PageMarkdown({permalink}: {permalink: string}): ReactNode {
  const markdownUrl = markdownPath(permalink);
  return (
    <div className={styles.actions}>
      <Head>
        <link rel="alternate" type="text/markdown" href={markdownUrl} />
      </Head>
      <a href={markdownUrl} type="text/markdown" className={styles.view} data-markdown-twin="">
        <Translate id="pageMarkdown.view" description="Link from a doc page to the same page as Markdown">View as Markdown</Translate>
      </a>
      <CopyPageButton markdownUrl={markdownUrl} />
    </div>
  );
}
