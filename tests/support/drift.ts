/** Drift data for fixture excerpts: the entries given, stamped with each excerpt's hash. */
import type {DriftData, ExcerptDrift} from '../../src/lib/drift';
import type {ExcerptData} from '../../src/lib/excerpt-data';

export const FIXTURE_TARGET = 'b'.repeat(40);

export function driftFixture(excerpts: ExcerptData, entries: Record<string, Omit<ExcerptDrift, 'sha256'>>): DriftData {
  const failed = {status: 'failed', error: 'not part of this fixture'} as const;
  return {
    $comment: '',
    command: '',
    from: excerpts.commit,
    to: FIXTURE_TARGET,
    label: 'v9.9.9',
    excerpts: Object.fromEntries(Object.entries(entries).map(([id, e]) => [id, {sha256: excerpts.excerpts[id].sha256, ...e}])),
    reference: {programs: failed, tailCalls: failed, maps: failed, cells: failed},
  };
}
