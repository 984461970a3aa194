import React, {type ReactNode} from 'react';
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import Layout from '@theme/Layout';
import {CILIUM_COMMIT, CILIUM_TREE_URL, CILIUM_VERSION} from '@site/src/lib/cilium';
import styles from './index.module.css';

const START_HERE = [
  {
    to: '/docs/intro',
    title: translate({id: 'home.start.intro.title', message: 'Introduction'}),
    text: translate({id: 'home.start.intro.text', message: 'How the guide works and how to get the source at the pinned commit.'}),
  },
  {
    to: '/docs/source-layout',
    title: translate({id: 'home.start.layout.title', message: 'Source layout'}),
    text: translate({id: 'home.start.layout.text', message: 'Every top-level directory, and which binary each one builds.'}),
  },
];

export default function Home(): ReactNode {
  return (
    <Layout
      title={translate({id: 'home.title', message: 'Read the Cilium source code'})}
      description={translate(
        {id: 'home.description', message: 'A bilingual guide to reading the Cilium source code, pinned to Cilium v{version}.'},
        {version: CILIUM_VERSION},
      )}>
      <main className={styles.main}>
        <header className={styles.hero}>
          <h1 className={styles.heading}>
            <Translate id="home.heading">Find your way in the Cilium source code</Translate>
          </h1>
          <p className={styles.lead}>
            <Translate id="home.lead">
              A guide for engineers who know Go or C: where each part of Cilium lives, how the eBPF datapath is
              built and loaded, and how the agent is wired together — with real source excerpts and their line numbers.
            </Translate>
          </p>
          <p className={styles.pin}>
            <Translate
              id="home.pin"
              values={{
                version: <strong>v{CILIUM_VERSION}</strong>,
                commit: (
                  <a href={CILIUM_TREE_URL} target="_blank" rel="noopener noreferrer">
                    <code>{CILIUM_COMMIT}</code>
                  </a>
                ),
              }}>
              {'Every claim and excerpt is checked against Cilium {version}, commit {commit}.'}
            </Translate>
          </p>
          <Link className="button button--primary button--lg" to="/docs/intro">
            <Translate id="home.cta">Start reading</Translate>
          </Link>
        </header>
        <section className={styles.cards} aria-label={translate({id: 'home.start.label', message: 'Where to start'})}>
          {START_HERE.map((item) => (
            <Link key={item.to} className={styles.card} to={item.to}>
              <h2 className={styles.cardTitle}>{item.title}</h2>
              <p>{item.text}</p>
            </Link>
          ))}
        </section>
      </main>
    </Layout>
  );
}
