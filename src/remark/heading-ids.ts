/** Fails the build when a heading lacks an explicit ASCII id `{/* #some-id *\/}` or repeats one. */
import type {Heading, Root} from 'mdast';
import type {VFile} from 'vfile';
import {visit} from 'unist-util-visit';
import {explicitHeadingId, headingText} from '../lib/mdx-scan';

export default function remarkHeadingIds() {
  return (tree: Root, file: VFile) => {
    const seen = new Map<string, number>();
    visit(tree, 'heading', (node: Heading) => {
      const line = node.position?.start.line ?? 0;
      const where = `${file.path}:${line}`;
      const id = explicitHeadingId(node);
      if (id === null) {
        file.fail(
          `${where}: heading "${headingText(node)}" has no explicit id. ` +
            'End it with {/* #ascii-id */} (lower-case letters, digits, dashes), the same id in both locales.',
          node,
        );
      }
      if (seen.has(id)) {
        file.fail(`${where}: heading id "${id}" is already used on line ${seen.get(id)} of this page.`, node);
      }
      seen.set(id, line);
    });
  };
}
