/**
 * The search plugin's results page renders no <main> and no meta description: ask the Layout for
 * the landmark (axe: landmark-one-main) and describe the page (Lighthouse SEO: meta-description).
 * Its results are the runtime's work, so the page asks for the runtime at once (data-needs-runtime,
 * src/client/before-runtime.ts) instead of waiting for the reader to reach for something.
 */
import React, {type ReactNode} from 'react';
import Head from '@docusaurus/Head';
import {translate} from '@docusaurus/Translate';
import SearchPage from '@theme-original/SearchPage';
import {MainLandmark} from '@site/src/theme/Layout';

export default function SearchPageWrapper(): ReactNode {
  const description = translate({
    id: 'search.page.description',
    message: 'Search the Cilium Source Guide: the guide pages and the reference of entry points, tail calls, maps and hive cells.',
    description: 'The meta description of the search results page',
  });
  return (
    <MainLandmark>
      <Head>
        <html data-needs-runtime="" />
        <meta name="description" content={description} />
        <meta property="og:description" content={description} />
      </Head>
      <SearchPage />
    </MainLandmark>
  );
}
