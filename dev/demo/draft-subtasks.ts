/** Phase: sub-tasks, under stories and tasks (those in progress first), with their parent's theme and reporter. */
import type { Rng } from './random';
import type { Draft, SiteContext } from './site-model';
import { SUBTASKS } from './vocabulary';

export function draftSubtasks(ctx: SiteContext, work: readonly Draft[], subtaskCount: number, rSub: Rng): Draft[] {
  const { people } = ctx;
  const blank = ctx.draft;
  const subtasks: Draft[] = [];
  const parentsPool = work.filter((w) => w.kind === 'story' || w.kind === 'task');
  const preferred = parentsPool.filter((w) => w.status === 'In Progress' || w.status === 'In Review');
  const others = rSub.shuffle(parentsPool.filter((w) => w.status !== 'In Progress' && w.status !== 'In Review'));
  const parentOrder = [...rSub.shuffle(preferred), ...others];
  for (let pi = 0; subtasks.length < subtaskCount && parentOrder.length > 0; pi++) {
    const parent = parentOrder[pi % parentOrder.length] as Draft;
    const want = Math.min(rSub.int(2, 5), subtaskCount - subtasks.length);
    const names = rSub.shuffle([...SUBTASKS]);
    for (let k = 0; k < want; k++) {
      const d = blank('PAY', 'subtask', 'Sub-task', parent.theme);
      const base = names[(k + parent.children.length) % names.length] as string;
      d.summary = parent.children.length >= names.length ? `${base} (${parent.children.length + 1})` : base;
      d.topic = parent.topic;
      d.parent = parent;
      d.priority = parent.priority;
      d.reporter = parent.reporter;
      d.status =
        parent.status === 'Done'
          ? 'Done'
          : parent.status === 'To Do'
            ? 'To Do'
            : rSub.weighted([
                ['Done', 40],
                ['In Progress', 35],
                ['To Do', 25],
              ] as const);
      d.assignee = d.status === 'To Do' && rSub.chance(0.5) ? null : rSub.pick(people.team);
      parent.children.push(d);
      subtasks.push(d);
    }
  }

  return subtasks;
}
