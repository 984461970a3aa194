/**
 * The search plugin's results page renders no <main> and no meta description: ask the Layout for
 * the landmark (axe: landmark-one-main) and describe the page (Lighthouse SEO: meta-description).
 * Its results are the runtime's work, so with a query in the URL (?q=) the page asks for the runtime
 * at once (data-needs-runtime="q", src/client/before-runtime.ts) instead of waiting for the reader
 * to reach for something. Without one it waits like any page, and what the reader typed into the
 * server-rendered field before the runtime came is carried into the URL, where the plugin reads it.
 */
import React, {type ReactNode, useEffect, useState} from 'react';
import Head from '@docusaurus/Head';
import {useHistory, useLocation} from '@docusaurus/router';
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';
import {translate} from '@docusaurus/Translate';
import SearchPage from '@theme-original/SearchPage';
import {MainLandmark} from '@site/src/theme/Layout';

/** The query typed into the server-rendered field, read before hydration gives the field React's value. */
function useQueryTypedBeforeRuntime(): string {
  const [typed] = useState(() => (ExecutionEnvironment.canUseDOM ? (document.querySelector<HTMLInputElement>('main input[name="q"]')?.value ?? '') : ''));
  return typed;
}

export default function SearchPageWrapper(): ReactNode {
  const description = translate({
    id: 'search.page.description',
    message: 'Search the Cilium Source Guide: the guide pages and the reference of entry points, tail calls, maps and hive cells.',
    description: 'The meta description of the search results page',
  });
  const typed = useQueryTypedBeforeRuntime();
  const history = useHistory();
  const location = useLocation();
  useEffect(() => {
    if (typed && !new URLSearchParams(location.search).get('q')) history.replace({...location, search: `?q=${encodeURIComponent(typed)}`});
    // Once, on mount: later typing is the plugin's.
  }, []);
  return (
    <MainLandmark>
      <Head>
        <html data-needs-runtime="q" />
        <meta name="description" content={description} />
        <meta property="og:description" content={description} />
      </Head>
      <SearchPage />
    </MainLandmark>
  );
}
