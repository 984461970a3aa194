/** Rewrites `cilium:path#Lx-Ly` links to GitHub permalinks at the pinned commit. */
import type {Link, Root} from 'mdast';
import type {VFile} from 'vfile';
import {visit} from 'unist-util-visit';
import {parseLinkTarget} from '../lib/excerpt-data';
import {CILIUM_LINK_PREFIX} from '../lib/mdx-scan';
import {ciliumPermalink} from '../lib/cilium';

export default function remarkCiliumLinks() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'link', (node: Link) => {
      if (!node.url.startsWith(CILIUM_LINK_PREFIX)) return;
      try {
        const {path, from, to} = parseLinkTarget(node.url.slice(CILIUM_LINK_PREFIX.length));
        node.url = ciliumPermalink(path, from, to);
      } catch (error) {
        file.fail(`${file.path}:${node.position?.start.line}: ${(error as Error).message}`, node);
      }
    });
  };
}
