/**
 * Fails the build when the locales disagree, a UI string or a generated phrase is untranslated, or an
 * excerpt/source link has no intact data entry.
 */
import type {LoadContext, Plugin} from '@docusaurus/types';
import {checkExcerptData, checkLocaleParity} from '../lib/content-checks';
import {checkTranslations} from '../lib/translation-checks';
import {type Program, readFactFile} from '../lib/facts';
import {checkGeneratedText} from '../lib/generated-text';
import {loadExcerptData} from '../lib/excerpt-data';
import {scanSite} from '../lib/mdx-scan';

export default function contentChecks(context: LoadContext): Plugin {
  return {
    name: 'content-checks',
    async loadContent() {
      const site = scanSite(context.siteDir);
      const problems = [
        ...checkLocaleParity(site),
        ...checkTranslations(context.siteDir),
        ...checkExcerptData(site, loadExcerptData()),
        ...checkGeneratedText(readFactFile<{programs: Program[]}>('programs.json', context.siteDir).programs),
      ];
      if (problems.length > 0) {
        throw new Error(`The guide's content has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
      }
    },
  };
}
