import { FACTOR_IDS, type FactorId, type Pin } from '../../contract/model';
import { SnapshotView } from '../snapshot/snapshot-view';
import type { SnapshotRow } from '../snapshot/types';
import type { Facts, HistoryPoint, PinFact } from './types';

/**
 * A snapshot's ranking as a history point: every candidate ranked with the snapshot's weights and the pins in
 * force (rank among all candidates), scores to 0.01, and each one's facts. `edges`: the snapshot's "blocks"
 * edges (an edge to a resolved issue no longer counts).
 */
export function pointOf(p: {
  at: string;
  configVersion: number;
  weights: Record<FactorId, number>;
  rows: readonly SnapshotRow[];
  edges: readonly { from: string; to: string; toDone: boolean }[];
  pins: ReadonlyMap<string, Pin>;
}): HistoryPoint {
  const view = SnapshotView.of({ rows: p.rows, pins: p.pins, weights: p.weights });
  const blocks = new Map<string, string[]>();
  for (const e of p.edges) {
    if (e.toDone) continue;
    const list = blocks.get(e.from) ?? [];
    list.push(e.to);
    blocks.set(e.from, list);
  }
  const entries = [];
  for (let pos = 0; pos < view.length; pos++) {
    const row = view.rowAt(pos);
    entries.push({ id: row.id, score: Math.round(view.scoreAt(pos) * 100) / 100, facts: factsOf(row, blocks.get(row.key), p.pins.get(row.key)) });
  }
  return { at: p.at, configVersion: p.configVersion, weights: { ...p.weights }, entries };
}

function factsOf(row: SnapshotRow, blocks: string[] | undefined, pin: Pin | undefined): Facts {
  return {
    key: row.key,
    values: FACTOR_IDS.map((_, k) => Math.round((row.values[k] ?? 0) * 1000) / 1000),
    customers: row.customers,
    due: row.dueDate,
    points: row.points,
    businessValue: row.businessValue ?? null,
    blocks: [...new Set(blocks ?? [])].sort(),
    pin: pin === undefined ? null : pinFact(pin),
  };
}

function pinFact(pin: Pin): PinFact {
  return { position: pin.position ?? null, quarter: pin.quarter ?? null, by: pin.by ?? null };
}
