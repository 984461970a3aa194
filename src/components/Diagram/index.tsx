/** A diagram rendered ahead of time to static SVG (light and dark). Completed by scripts/diagrams. */
import React, {type ReactNode} from 'react';

export default function Diagram({name}: {name: string}): ReactNode {
  return <figure data-diagram={name} />;
}
