/**
 * The pre-rendered diagrams agree with their sources: every src/diagrams/<name>.<locale>.mmd has
 * both locales, an entry in src/data/diagrams.json and a light and a dark SVG rendered from the
 * current text, whose viewBox matches the entry's width/height (the page reserves that space).
 * Run: node --import tsx --test tests/unit/diagrams.test.ts
 */
import assert from 'node:assert/strict';
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import {
  DATA_PATH,
  type DiagramData,
  HAN,
  LOCALES,
  OUTPUT_DIR,
  RENDER_COMMAND,
  STAMP,
  THEMES,
  readSources,
  svgFileName,
  svgUrl,
  viewBoxSize,
} from '../../scripts/diagrams/sources';

const STALE = `; run ${RENDER_COMMAND}`;
const {sources, problems} = readSources();
const data = JSON.parse(readFileSync(DATA_PATH, 'utf8')) as DiagramData;
const svgOf = (file: string) => readFileSync(join(OUTPUT_DIR, file), 'utf8');

describe('diagram sources', () => {
  it('are named <name>.<locale>.mmd, start with a "%% alt:" line and exist in every locale', () => {
    assert.deepEqual(problems, []);
  });

  it('exist (the guide has diagrams)', () => {
    assert.ok(sources.length > 0, 'no src/diagrams/*.mmd found');
  });

  for (const name of new Set(sources.map((s) => s.name))) {
    it(`${name} has both locales`, () => {
      for (const locale of LOCALES) {
        assert.ok(
          sources.some((s) => s.name === name && s.locale === locale),
          `src/diagrams/${name}.${locale}.mmd is missing`,
        );
      }
    });
  }
});

describe('src/data/diagrams.json', () => {
  it('says what generated it', () => {
    assert.match(data.generatedBy, /diagrams:render/);
  });

  it('has exactly one entry per source', () => {
    assert.deepEqual(Object.keys(data.diagrams).sort(), sources.map((s) => s.key).sort(), `entries differ from src/diagrams${STALE}`);
  });

  for (const source of sources) {
    describe(source.key, () => {
      const entry = data.diagrams[source.key];

      it('has an entry', () => assert.ok(entry, `no "${source.key}" in src/data/diagrams.json${STALE}`));
      if (!entry) return;

      it('has the alt text of its source, non-empty', () => {
        assert.ok(entry.alt.trim().length > 0, 'empty alt');
        assert.equal(entry.alt, source.alt, `alt differs from the first line of ${source.file}${STALE}`);
        if (source.locale === 'zh-Hans') assert.match(entry.alt, HAN, 'the zh-Hans alt text has no Chinese characters');
      });

      it('has a positive integer size', () => {
        assert.ok(Number.isInteger(entry.width) && entry.width > 0, `width ${entry.width}`);
        assert.ok(Number.isInteger(entry.height) && entry.height > 0, `height ${entry.height}`);
      });

      for (const theme of THEMES) {
        describe(theme, () => {
          const file = svgFileName(source.key, theme);

          it('points at its SVG, which exists', () => {
            assert.equal(entry[theme], svgUrl(source.key, theme));
            assert.ok(existsSync(join(OUTPUT_DIR, file)), `static/diagrams/${file} is missing${STALE}`);
          });
          if (!existsSync(join(OUTPUT_DIR, file))) return;
          const svg = svgOf(file);

          it('was rendered from the current source', () => {
            const stamp = STAMP.exec(svg);
            assert.ok(stamp, `static/diagrams/${file} has no render stamp${STALE}`);
            assert.equal(stamp[1], source.file);
            assert.equal(stamp[2], source.sha256, `${source.file} changed after static/diagrams/${file} was rendered${STALE}`);
          });

          it('has a viewBox that matches width/height', () => {
            const box = viewBoxSize(svg);
            assert.ok(box, `static/diagrams/${file} has no viewBox`);
            assert.deepEqual(box, {width: entry.width, height: entry.height});
            const root = /<svg\b[^>]*>/.exec(svg)![0];
            assert.match(root, new RegExp(`\\swidth="${entry.width}"`));
            assert.match(root, new RegExp(`\\sheight="${entry.height}"`));
          });

          it('is self-contained: no scripts, no HTML labels, nothing fetched', () => {
            assert.doesNotMatch(svg, /<script\b/i);
            assert.doesNotMatch(svg, /<foreignObject\b/i, 'HTML labels render differently in <img>; keep htmlLabels off');
            assert.doesNotMatch(svg, /(?:href|src)="(?!#)[^"]+"|url\(\s*["']?(?!#)[a-z]+:/i, 'references something outside the SVG');
            assert.doesNotMatch(svg, /@import|@font-face/i);
          });
        });
      }
    });
  }

  it('has unique <svg> ids across all files (mermaid scopes its CSS by them)', () => {
    const ids = readdirSync(OUTPUT_DIR)
      .filter((f) => f.endsWith('.svg'))
      .map((f) => /<svg\b[^>]*\sid="([^"]+)"/.exec(svgOf(f))?.[1]);
    assert.ok(ids.every(Boolean), 'an SVG has no id');
    assert.equal(new Set(ids).size, ids.length);
  });

  it('leaves no SVG in static/diagrams without a source', () => {
    const expected = new Set(sources.flatMap((s) => THEMES.map((t) => svgFileName(s.key, t))));
    const orphans = readdirSync(OUTPUT_DIR).filter((f) => f.endsWith('.svg') && !expected.has(f));
    assert.deepEqual(orphans, [], `orphaned SVGs${STALE}`);
  });
});

describe('readSources (what diagrams:render refuses)', () => {
  const withFiles = (files: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), 'diagrams-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    try {
      return readSources(dir);
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  };
  const ok = {
    'a.en.mmd': '%% alt: A to B.\nflowchart LR\n  A --> B\n',
    'a.zh-Hans.mmd': '%% alt: 从 A 到 B。\nflowchart LR\n  A --> B\n',
  };

  it('accepts a diagram with both locales and alt lines', () => {
    const {sources: found, problems: found2} = withFiles(ok);
    assert.deepEqual(found2, []);
    assert.deepEqual(found.map((s) => [s.key, s.alt]), [['a.en', 'A to B.'], ['a.zh-Hans', '从 A 到 B。']]);
  });

  it('names the file whose first line is not "%% alt:"', () => {
    const {problems: found} = withFiles({...ok, 'a.en.mmd': 'flowchart LR\n  A --> B\n'});
    assert.equal(found.length, 1);
    assert.match(found[0], /a\.en\.mmd:1: .*%% alt:/);
  });

  it('refuses an empty alt, and a zh-Hans alt without Chinese', () => {
    assert.match(withFiles({...ok, 'a.en.mmd': '%% alt:   \nflowchart LR\n  A --> B\n'}).problems.join('\n'), /a\.en\.mmd:1: .*empty/);
    assert.match(withFiles({...ok, 'a.zh-Hans.mmd': '%% alt: A to B.\nflowchart LR\n  A --> B\n'}).problems.join('\n'), /a\.zh-Hans\.mmd:1: .*Chinese/);
  });

  it('refuses a diagram in one locale only, and a bad file name', () => {
    assert.match(withFiles({'a.en.mmd': ok['a.en.mmd']}).problems.join('\n'), /a\.zh-Hans\.mmd: missing/);
    assert.match(withFiles({...ok, 'B.fr.mmd': ok['a.en.mmd']}).problems.join('\n'), /B\.fr\.mmd: name it/);
  });
});
