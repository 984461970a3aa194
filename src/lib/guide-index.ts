/**
 * Which guide page shows which excerpt, and which excerpts show a given source line. Reference
 * rows and symbol links both point readers at the excerpt that quotes a definition.
 */
import type {ExcerptData} from './excerpt-data';
import {scanSite} from './mdx-scan';

export interface ExcerptPlace {
  /** The excerpt's id; its lines are `#<id>-L<n>`. */
  id: string;
  /** The route of the English page that shows it, e.g. `/docs/ebpf/maps` (other locales prefix it). */
  route: string;
}

export class GuideIndex {
  private readonly routes = new Map<string, string>();

  constructor(
    private readonly excerpts: ExcerptData,
    siteDir?: string,
  ) {
    // Reference pages are generated from the data; only the guide's own pages explain lines.
    for (const [key, page] of scanSite(siteDir).en) {
      if (!key.startsWith('docs/') || key.startsWith('docs/reference/')) continue;
      const route = `/${key.replace(/\.mdx?$/, '').replace(/\/index$/, '')}`;
      for (const ref of page.excerpts) this.routes.set(ref.attrs.id, route);
    }
  }

  /** The route of the page showing excerpt `id`, if a guide page shows it. */
  routeOf(id: string): string | undefined {
    return this.routes.get(id);
  }

  /** The excerpts on guide pages that show `file`'s `line`, in the data's order. */
  showing(file: string, line: number): ExcerptPlace[] {
    const out: ExcerptPlace[] = [];
    for (const [id, excerpt] of Object.entries(this.excerpts.excerpts)) {
      const route = this.routes.get(id);
      if (excerpt.path !== file || !route) continue;
      if (excerpt.ranges.some((r) => line >= r.from && line < r.from + r.lines.length)) out.push({id, route});
    }
    return out;
  }

  /** `/docs/...#<excerpt>-L<line>` for the first excerpt showing the line, or null. */
  link(file: string, line: number): string | null {
    const [first] = this.showing(file, line);
    return first ? `${first.route}#${first.id}-L${line}` : null;
  }
}
