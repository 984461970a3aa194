/** The drift data as the scripts print and write it. */
import {DRIFT_STATUSES, type DriftData, REFERENCE_TABLES} from '../../src/lib/drift';

export function serialiseDrift(data: DriftData): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** Counts per excerpt status and per reference table, one line each. */
export function driftSummary(data: DriftData): string {
  const entries = Object.values(data.excerpts);
  const lines = [`  excerpts vs ${data.label} (${data.to}): ${entries.length}`];
  for (const status of DRIFT_STATUSES) lines.push(`    ${status}: ${entries.filter((e) => e.status === status).length}`);
  for (const table of REFERENCE_TABLES) {
    const t = data.reference[table];
    lines.push(
      t.status === 'compared'
        ? `  ${table}: ${t.present} present, ${t.removed.length} removed, ${t.added.length} added`
        : `  ${table}: not compared, the facts extractor failed at the target: ${t.error.split('\n')[0]}`,
    );
  }
  return lines.join('\n');
}
