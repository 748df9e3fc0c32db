/**
 * Test helpers for the Jira simulator: a small seed builder and a running simulator on a free port.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSimulator, type Simulator, type SimulatorOptions } from '../../../dev/sim/server';

/** `call(…, AS_APP)` sends the request as `asApp()` does: the app's own user, not a person nor the site admin. */
export const AS_APP = '<asApp>';

export const ADMIN = 'acc-admin';
export const ALICE = 'acc-alice'; // browses PRJ only
export const BOB = 'acc-bob'; // browses PRJ and SEC, may not rank

type Json = Record<string, unknown>;

const CATEGORY = {
  new: { id: 2, key: 'new', name: 'To Do' },
  indeterminate: { id: 4, key: 'indeterminate', name: 'In Progress' },
  done: { id: 3, key: 'done', name: 'Done' },
};

export const status = (name: string, category: keyof typeof CATEGORY): Json => ({ name, id: name.length.toString(), statusCategory: CATEGORY[category] });

export interface IssueSpec {
  key: string;
  type?: string;
  status?: Json;
  labels?: string[];
  points?: unknown;
  created?: string;
  links?: Json[];
  extra?: Json;
}

let nextId = 10001;

export function anIssue(spec: IssueSpec): Json {
  const id = String(nextId++);
  return {
    id,
    key: spec.key,
    fields: {
      summary: `Summary of ${spec.key}`,
      issuetype: { id: spec.type === 'Bug' ? '10004' : '10001', name: spec.type ?? 'Story', subtask: spec.type === 'Sub-task' },
      status: spec.status ?? status('To Do', 'new'),
      labels: spec.labels ?? [],
      priority: { id: '3', name: 'Medium' },
      created: spec.created ?? '2026-01-01T10:00:00.000+0000',
      updated: spec.created ?? '2026-01-01T10:00:00.000+0000',
      customfield_10016: spec.points ?? null,
      issuelinks: spec.links ?? [],
      ...spec.extra,
    },
  };
}

/** A site with projects PRJ (software) and SEC (service desk), three users and the given issues in rank order. */
export function aSeed(issues: Json[], extra: Json = {}): Json {
  return {
    now: '2026-11-25T00:00:00Z',
    users: [
      { accountId: ADMIN, displayName: 'Ada Admin', groups: ['jira-admins'] },
      { accountId: ALICE, displayName: 'Alice', groups: [] },
      { accountId: BOB, displayName: 'Bob', groups: [] },
    ],
    projects: [
      {
        key: 'PRJ',
        id: '10000',
        name: 'Product',
        projectTypeKey: 'software',
        permissions: {
          [ADMIN]: ['BROWSE_PROJECTS', 'SCHEDULE_ISSUES', 'ADMINISTER_PROJECTS', 'EDIT_ISSUES', 'LINK_ISSUES'],
          [ALICE]: ['BROWSE_PROJECTS', 'SCHEDULE_ISSUES', 'EDIT_ISSUES', 'LINK_ISSUES'],
          [BOB]: ['BROWSE_PROJECTS'],
        },
      },
      { key: 'SEC', id: '10001', name: 'Support', projectTypeKey: 'service_desk', permissions: { [ADMIN]: ['BROWSE_PROJECTS'], [BOB]: ['BROWSE_PROJECTS'] } },
    ],
    fields: [
      {
        id: 'customfield_10016',
        name: 'Story Points',
        custom: true,
        schema: { type: 'number', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float', customId: 10016 },
      },
      { id: 'customfield_10019', name: 'Rank', custom: true, schema: { type: 'any', custom: 'com.pyxis.greenhopper.jira:gh-lexo-rank', customId: 10019 } },
    ],
    issues,
    ...extra,
  };
}

/** `n` stories PRJ-1…PRJ-n, in rank order. */
/** A closed sprint as a seed holds it (times as ISO strings). */
export function aClosedSprint(id: number, name: string, times: { startDate: string; endDate: string; completeDate: string }, originBoardId = 1): Json {
  return { id, originBoardId, state: 'closed', name, ...times };
}

export function stories(n: number): Json[] {
  return Array.from({ length: n }, (_, i) => anIssue({ key: `PRJ-${i + 1}`, points: (i % 8) + 1 }));
}

export interface RunningSim {
  sim: Simulator;
  url: string;
  call(method: string, path: string, body?: unknown, accountId?: string): Promise<{ status: number; body: any; headers: Headers }>;
  close(): Promise<void>;
}

export async function startSim(options: SimulatorOptions): Promise<RunningSim> {
  const sim = createSimulator(options);
  const server: Server = createServer((req, res) => {
    if (!sim.handle(req, res)) {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    sim,
    url,
    async call(method, path, body, accountId) {
      const headers: Record<string, string> = {};
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (accountId === AS_APP) headers['x-sim-principal'] = 'app';
      else if (accountId !== undefined) headers['x-sim-account-id'] = accountId;
      const res = await fetch(url + path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
      const text = await res.text();
      return { status: res.status, body: text === '' ? undefined : JSON.parse(text), headers: res.headers };
    },
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
