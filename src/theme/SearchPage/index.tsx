/** The search plugin's results page renders no <main>; ask the Layout for one (axe: landmark-one-main). */
import React, {type ReactNode} from 'react';
import SearchPage from '@theme-original/SearchPage';
import {MainLandmark} from '@site/src/theme/Layout';

export default function SearchPageWrapper(): ReactNode {
  return (
    <MainLandmark>
      <SearchPage />
    </MainLandmark>
  );
}
