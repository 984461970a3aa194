/**
 * The classic Layout, plus a <main> landmark for pages whose own content brings none (the local
 * search plugin's results page). Such a page opts in with <MainLandmark>; all others are untouched.
 */
import React, {type ReactNode, createContext, useContext} from 'react';
import Layout from '@theme-original/Layout';
import type LayoutType from '@theme/Layout';
import type {WrapperProps} from '@docusaurus/types';

const NeedsMain = createContext(false);

export function MainLandmark({children}: {children: ReactNode}): ReactNode {
  return <NeedsMain.Provider value>{children}</NeedsMain.Provider>;
}

export default function LayoutWrapper(props: WrapperProps<typeof LayoutType>): ReactNode {
  const needsMain = useContext(NeedsMain);
  return <Layout {...props}>{needsMain ? <main>{props.children}</main> : props.children}</Layout>;
}
