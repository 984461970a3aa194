/**
 * "View as Markdown" and "Copy page" above a doc page: both reach the page's Markdown twin
 * (`<page>.md`, written by src/plugins/markdown-twins.ts). The link is plain HTML and works without
 * JavaScript; the button is the only hydrated part and stays hidden until it can work.
 */
import React, {type ReactNode, useCallback, useState} from 'react';
import clsx from 'clsx';
import Head from '@docusaurus/Head';
import Translate from '@docusaurus/Translate';
import useIsBrowser from '@docusaurus/useIsBrowser';
import {markdownPath} from '@site/src/markdown/path';
import styles from './styles.module.css';

type CopyState = 'idle' | 'copied' | 'failed';

async function copyFrom(url: string): Promise<void> {
  const text = fetch(url).then((response) => {
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return response.text();
  });
  // Safari only lets a click write to the clipboard synchronously: hand it the pending text.
  if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
    const blob = text.then((value) => new Blob([value], {type: 'text/plain'}));
    await navigator.clipboard.write([new ClipboardItem({'text/plain': blob})]);
  } else {
    await navigator.clipboard.writeText(await text);
  }
}

function CopyPageButton({markdownUrl}: {markdownUrl: string}): ReactNode {
  const ready = useIsBrowser();
  const [state, setState] = useState<CopyState>('idle');
  const copy = useCallback(async () => {
    try {
      await copyFrom(markdownUrl);
      setState('copied');
    } catch {
      setState('failed');
    }
    window.setTimeout(() => setState('idle'), 2000);
  }, [markdownUrl]);
  return (
    <button type="button" className={clsx('button button--sm button--secondary', styles.copy)} onClick={copy} aria-live="polite" disabled={!ready} hidden={!ready} data-copy-page="">
      {state === 'copied' ? (
        <Translate id="pageMarkdown.copied" description="Shown after the page's Markdown was copied">Copied</Translate>
      ) : state === 'failed' ? (
        <Translate id="pageMarkdown.copyFailed" description="Shown when the page's Markdown could not be copied">Copy failed</Translate>
      ) : (
        <Translate id="pageMarkdown.copy" description="Button that copies the whole page as Markdown">Copy page</Translate>
      )}
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
