import { defaultConfig, scoreBacklog, snapshotOf, SnapshotView, SnapshotViewError } from '../../../src/domain';
import type { SnapshotEvidence, SnapshotRow } from '../../../src/domain/snapshot/types';
import { aFeedbackTicket, anIssue, aScoringInput } from '../../builders/issue-builder';

const weights = defaultConfig().weights;

function snapshot(): { rows: SnapshotRow[]; evidence: Map<string, SnapshotEvidence> } {
  const backlog = scoreBacklog(
    aScoringInput()
      .withIssues(
        anIssue('PRJ-1'),
        anIssue('PRJ-2').feedback('SUP-1').withBusinessValue(8),
        anIssue('PRJ-3').due('2026-11-26'),
        anIssue('PRJ-4').withLabels('tech-debt'),
      )
      .withTickets(aFeedbackTicket('SUP-1', 'Acme'))
      .build(),
  );
  const { rows, evidence } = snapshotOf(backlog);
  return { rows, evidence: new Map(evidence.map((e) => [e.key, e])) };
}

describe('SnapshotView', () => {
  it('refuses to build an item whose evidence was never attached, with a stable code', () => {
    const { rows } = snapshot();
    const view = SnapshotView.of({ rows, pins: new Map(), weights });
    expect(view.scoreAt(0)).toBeGreaterThan(0);
    expect(() => view.item(0)).toThrow(SnapshotViewError);
    expect(() => view.item(0)).toThrow(expect.objectContaining({ code: 'SNAPSHOT_EVIDENCE_MISSING' }));
  });

  it('merges evidence attached in parts, and a later attachment replaces an already built item', () => {
    const { rows, evidence } = snapshot();
    const view = SnapshotView.of({ rows, pins: new Map(), weights });
    const [first, ...rest] = view.keysInValueOrder();
    view.attachEvidence(new Map([[first!, evidence.get(first!)!]]));
    const before = view.item(0);
    view.attachEvidence(new Map(rest.map((k) => [k, evidence.get(k)!])));
    expect(view.slice(0, view.length).map((i) => i.key)).toEqual(view.keysInValueOrder());

    const cut = { ...evidence.get(first!)!, effort: { ...before.effort, estimated: !before.effort.estimated } };
    view.attachEvidence(new Map([[first!, cut]]));
    expect(view.item(0).effort.estimated).toBe(!before.effort.estimated);
  });

  it('orders rows of equal Jira rank by key, and keeps a key listed twice once', () => {
    const { rows } = snapshot();
    const same = rows.map((r) => ({ ...r, jiraRank: 1, values: [0, 0, 0, 0, 0] }));
    const view = SnapshotView.of({ rows: [...same].reverse().concat(same[0]!), pins: new Map(), weights });
    expect(view.keysInJiraOrder()).toEqual(['PRJ-1', 'PRJ-2', 'PRJ-3', 'PRJ-4']);
    expect(view.keysInValueOrder()).toEqual(['PRJ-1', 'PRJ-2', 'PRJ-3', 'PRJ-4']);
  });

  it('answers −1 for a key it does not rank and a range error for a Jira rank outside its rows', () => {
    const { rows } = snapshot();
    const view = SnapshotView.of({ rows: rows.filter((r) => r.key !== 'PRJ-2'), pins: new Map(), weights });
    expect(view.positionOf('PRJ-2')).toBe(-1);
    expect(() => view.positionOfJiraRank(4)).toThrow(RangeError);
    expect(() => view.item(3)).toThrow(RangeError);
  });

  it('reads labels, epic and due date from the rows', () => {
    const { rows } = snapshot();
    const view = SnapshotView.of({ rows, pins: new Map(), weights });
    const debt = view.positionOf('PRJ-4');
    expect([view.labelsAt(debt), view.epicKeyAt(debt), view.dueDateAt(debt)]).toEqual([['tech-debt'], null, null]);
    expect(view.dueDateAt(view.positionOf('PRJ-3'))).toBe('2026-11-26');
    expect(view.rowAt(debt).key).toBe('PRJ-4');
  });

  it('builds the same item from stored evidence when the vote count read from Jira is −0', () => {
    const backlog = scoreBacklog(aScoringInput().withIssues(anIssue('PRJ-1').withVotes(-0)).build());
    const stored = JSON.parse(JSON.stringify(snapshotOf(backlog))) as ReturnType<typeof snapshotOf>;
    const view = SnapshotView.of({ rows: stored.rows, pins: new Map(), weights });
    view.attachEvidence(new Map([['PRJ-1', stored.evidence[0]!]]));
    expect(view.item(0)).toStrictEqual(backlog.item(0));
  });
});
