/** Phase: issue keys and ids (growing with creation; one PAY key left as a gap) and the Jira rank order. */
import { PAY, SUP } from './jira-catalog';
import type { Draft } from './site-model';

export interface Keyed {
  /** The issues in Jira rank order: epics, ranked work with its sub-tasks after it, then the tickets. */
  order: Draft[];
  /** Index (in PAY creation order) of the deleted issue whose key is a gap, or -1 on sites too small for one. */
  deletedAt: number;
  deletedId: string;
}

export function assignKeys(epics: Draft[], work: Draft[], subtasks: Draft[], tickets: Draft[]): Keyed {
  const pay = [...epics, ...work, ...subtasks];
  const byCreated = (a: Draft, b: Draft): number => a.created.getTime() - b.created.getTime() || a.seq - b.seq;
  const paySorted = [...pay].sort(byCreated);
  // One PAY key is a gap: the issue was deleted, and one link still points at it (see README).
  const deletedAt = paySorted.length >= 20 ? Math.floor(paySorted.length * 0.8) : -1;
  paySorted.forEach((d, i) => {
    d.key = `${PAY.key}-${i + 1 + (deletedAt >= 0 && i >= deletedAt ? 1 : 0)}`;
  });
  [...tickets].sort(byCreated).forEach((d, i) => {
    d.key = `${SUP.key}-${i + 1}`;
  });
  const all = [...pay, ...tickets].sort(byCreated);
  let deletedId = '';
  let nextId = 10001;
  for (const d of all) {
    if (deletedAt >= 0 && deletedId === '' && d === paySorted[deletedAt]) deletedId = String(nextId++);
    d.id = String(nextId++);
  }

  const rankedWork = [...work].sort((a, b) => a.rankKey - b.rankKey || a.seq - b.seq);
  const order: Draft[] = [...[...epics].sort((a, b) => a.rankKey - b.rankKey || a.seq - b.seq)];
  for (const w of rankedWork) {
    order.push(w);
    for (const c of w.children) if (c.kind === 'subtask') order.push(c);
  }
  order.push(...[...tickets].sort(byCreated));

  return { order, deletedAt, deletedId };
}
