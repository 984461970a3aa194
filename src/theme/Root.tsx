/**
 * Docusaurus' Root (rendered once, above every page, inside the router), plus the one thing
 * frozen HTML needs from the router itself: its history, to route clicks on plain links
 * (src/client/static-links.ts). Renders nothing more.
 */
import React, {type ReactNode, useEffect} from 'react';
import {useHistory} from '@docusaurus/router';
import {followStaticLinks} from '@site/src/client/static-links';

function StaticLinkRouting(): null {
  const history = useHistory();
  useEffect(() => followStaticLinks(history), [history]);
  return null;
}

export default function Root({children}: {children: ReactNode}): ReactNode {
  return (
    <>
      {children}
      <StaticLinkRouting />
    </>
  );
}
