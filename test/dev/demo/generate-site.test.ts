import { generateDemoSite, CLOSED_SPRINTS } from '../../../dev/demo/generate-site';
import { FIELD, PERSONAS } from '../../../dev/demo/jira-catalog';
import type { LinkedIssue, Seed, SeedIssue, SeedIssueLink } from '../../../dev/demo/seed-types';
import { parseSeed } from '../../../dev/sim/seed';

const site: Seed = generateDemoSite();
const byKey = new Map(site.issues.map((i) => [i.key, i]));
const byId = new Map(site.issues.map((i) => [i.id, i]));
const pay = site.issues.filter((i) => i.key.startsWith('PAY-'));
const sup = site.issues.filter((i) => i.key.startsWith('SUP-'));
const typeOf = (i: SeedIssue): string => i.fields.issuetype.name;
const other = (l: SeedIssueLink): LinkedIssue => ('outwardIssue' in l ? l.outwardIssue : l.inwardIssue);
const allLinks = site.issues.flatMap((issue) => issue.fields.issuelinks.map((link) => ({ issue, link })));
const now = new Date(site.now).getTime();

describe('generateDemoSite: determinism', () => {
  it('gives byte-identical JSON for the same options', () => {
    expect(JSON.stringify(generateDemoSite())).toBe(JSON.stringify(site));
    expect(generateDemoSite({ seed: 7, issues: 120 })).toEqual(generateDemoSite({ seed: 7, issues: 120 }));
  });

  it('differs for a different seed, and moves with now', () => {
    expect(JSON.stringify(generateDemoSite({ seed: 1 }))).not.toBe(JSON.stringify(site));
    const later = generateDemoSite({ now: '2027-03-01T12:00:00Z' });
    expect(later.now).toBe('2027-03-01T12:00:00Z');
    const max = Math.max(...later.issues.map((i) => Date.parse(i.fields.updated.replace('+0000', 'Z'))));
    expect(max).toBeLessThanOrEqual(Date.parse('2027-03-01T12:00:00Z'));
    expect(max).toBeGreaterThan(Date.parse('2027-01-01T00:00:00Z'));
  });

  it('rejects impossible options', () => {
    expect(() => generateDemoSite({ issues: 0 })).toThrow(RangeError);
    expect(() => generateDemoSite({ now: 'yesterday' })).toThrow(RangeError);
    expect(() => generateDemoSite({ seed: 1.5 })).toThrow(RangeError);
  });

  it('copes with small sizes', () => {
    for (const issues of [1, 5, 25, 60]) {
      const s = generateDemoSite({ issues });
      expect(s.issues.filter((i) => i.key.startsWith('PAY-'))).toHaveLength(issues);
      expect(() => parseSeed(JSON.parse(JSON.stringify(s)))).not.toThrow();
    }
  });
});

describe('generateDemoSite: people, projects, fields', () => {
  it('has the five personas with the documented permissions', () => {
    const [payProject, supProject] = site.projects;
    expect(payProject).toMatchObject({ key: 'PAY', id: '10000', name: 'Payments Platform', projectTypeKey: 'software' });
    expect(supProject).toMatchObject({ key: 'SUP', id: '10001', name: 'Customer Support', projectTypeKey: 'service_desk' });
    const admin = site.users.find((u) => u.accountId === PERSONAS.admin.accountId);
    expect(admin?.groups).toContain('jira-admins');
    expect(payProject?.permissions[PERSONAS.productOwner.accountId]).toEqual([
      'BROWSE_PROJECTS',
      'SCHEDULE_ISSUES',
      'ADMINISTER_PROJECTS',
      'TRANSITION_ISSUES',
      'ADD_COMMENTS',
    ]);
    expect(supProject?.permissions[PERSONAS.productOwner.accountId]).toEqual(['BROWSE_PROJECTS', 'ADD_COMMENTS']);
    expect(payProject?.permissions[PERSONAS.developer.accountId]).toEqual(['BROWSE_PROJECTS', 'TRANSITION_ISSUES', 'ADD_COMMENTS']);
    expect(payProject?.permissions[PERSONAS.supportAgent.accountId]).toBeUndefined();
    expect(supProject?.permissions[PERSONAS.supportAgent.accountId]).toEqual(['BROWSE_PROJECTS', 'ADD_COMMENTS', 'TRANSITION_ISSUES']);
    expect(supProject?.permissions[PERSONAS.developer.accountId]).toBeUndefined();
    for (const p of site.projects) expect(p.permissions[PERSONAS.noAccess.accountId]).toBeUndefined();
    for (const p of site.projects) expect(p.permissions['*']).toBeUndefined();
    for (const u of site.users) expect(u.accountId).toMatch(/^[0-9a-f]{24}$/);
    expect(new Set(site.users.map((u) => u.accountId)).size).toBe(site.users.length);
  });

  it('declares the fields in GET /rest/api/3/field shape', () => {
    const ids = site.fields.map((f) => f.id);
    for (const id of [
      'summary',
      'issuetype',
      'status',
      'labels',
      'priority',
      'created',
      'updated',
      'duedate',
      'issuelinks',
      'components',
      'fixVersions',
      'reporter',
      'parent',
    ]) {
      expect(ids).toContain(id);
    }
    const custom = Object.fromEntries(site.fields.filter((f) => f.custom).map((f) => [f.id, f]));
    expect(custom[FIELD.storyPoints]).toMatchObject({
      name: 'Story Points',
      schema: { type: 'number', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float', customId: 10016 },
    });
    expect(custom[FIELD.storyPointEstimate]?.schema.custom).toBe('com.pyxis.greenhopper.jira:jsw-story-points');
    expect(custom[FIELD.businessValue]).toMatchObject({
      name: 'Business Value',
      schema: { custom: 'com.atlassian.jira.plugin.system.customfieldtypes:select' },
    });
    expect(custom[FIELD.organizations]?.schema.custom).toBe('com.atlassian.servicedesk:sd-customer-organizations');
    expect(custom[FIELD.customerTier]?.schema.custom).toBe('com.atlassian.jira.plugin.system.customfieldtypes:select');
    expect(custom[FIELD.rank]?.schema.custom).toBe('com.pyxis.greenhopper.jira:gh-lexo-rank');
    expect(custom[FIELD.sprint]?.schema.custom).toBe('com.pyxis.greenhopper.jira:gh-sprint');
    for (const f of site.fields) {
      expect(f).toEqual(
        expect.objectContaining({ id: expect.any(String), key: f.id, name: expect.any(String), custom: expect.any(Boolean), clauseNames: expect.any(Array) }),
      );
    }
  });

  it('declares the link types', () => {
    expect(site.issueLinkTypes.map((t) => [t.name, t.inward, t.outward])).toEqual([
      ['Blocks', 'is blocked by', 'blocks'],
      ['Cloners', 'is cloned by', 'clones'],
      ['Duplicate', 'is duplicated by', 'duplicates'],
      ['Relates', 'relates to', 'relates to'],
      ['Problem/Incident', 'is caused by', 'causes'],
    ]);
  });

  it('is a seed the simulator accepts', () => {
    expect(() => parseSeed(JSON.parse(JSON.stringify(site)))).not.toThrow();
  });
});

describe('generateDemoSite: issues', () => {
  it('has the documented counts', () => {
    expect(pay).toHaveLength(330);
    expect(sup).toHaveLength(250);
    const types = (list: SeedIssue[], name: string): number => list.filter((i) => typeOf(i) === name).length;
    expect(types(pay, 'Epic')).toBe(8);
    expect(types(pay, 'Story') + types(pay, 'Task') + types(pay, 'Bug')).toBe(300);
    expect(types(pay, 'Sub-task')).toBeGreaterThanOrEqual(15);
    expect(types(sup, 'Support request') + types(sup, 'Feature request')).toBe(250);
    const debt = pay.filter((i) => i.fields.labels.some((l) => ['tech-debt', 'techdebt', 'technical-debt', 'debt', 'refactoring'].includes(l)));
    expect(debt.length).toBeGreaterThanOrEqual(30);
    expect(debt.length).toBeLessThanOrEqual(50);
  });

  it('gives every issue an id, a key and the basic fields, with unique ids and keys', () => {
    expect(byKey.size).toBe(site.issues.length);
    expect(byId.size).toBe(site.issues.length);
    const category = {
      'To Do': 'new',
      'In Progress': 'indeterminate',
      'In Review': 'indeterminate',
      Done: 'done',
      'Waiting for support': 'new',
      'Waiting for customer': 'indeterminate',
      Resolved: 'done',
      Closed: 'done',
    } as Record<string, string>;
    for (const i of site.issues) {
      expect(i.id).toMatch(/^\d+$/);
      expect(i.key).toMatch(/^(PAY|SUP)-[1-9]\d*$/);
      expect(typeof i.fields.summary).toBe('string');
      expect(i.fields.summary.length).toBeGreaterThan(5);
      expect(i.fields.issuetype.name).toBeTruthy();
      expect(i.fields.status.statusCategory.key).toBe(category[i.fields.status.name]);
      expect(i.fields.project.key).toBe(i.key.split('-')[0]);
      const created = Date.parse(i.fields.created.replace('+0000', 'Z'));
      const updated = Date.parse(i.fields.updated.replace('+0000', 'Z'));
      expect(created).toBeLessThanOrEqual(updated);
      expect(updated).toBeLessThanOrEqual(now);
      expect(created).toBeGreaterThanOrEqual(now - 560 * 86_400_000);
      expect(i.fields.resolutiondate !== null).toBe(i.fields.status.statusCategory.key === 'done');
    }
  });

  it('lists issues in rank order, epics first, sub-tasks after their parent', () => {
    const ranks = site.issues.map((i) => i.fields.customfield_10019);
    expect([...ranks].sort()).toEqual(ranks);
    expect(site.issues.slice(0, 8).every((i) => typeOf(i) === 'Epic')).toBe(true);
    site.issues.forEach((i, idx) => {
      if (typeOf(i) !== 'Sub-task') return;
      const parentIdx = site.issues.findIndex((p) => p.key === i.fields.parent?.key);
      expect(parentIdx).toBeGreaterThanOrEqual(0);
      expect(parentIdx).toBeLessThan(idx);
    });
  });

  it('has realistic summaries: distinct, composed from the themes', () => {
    const summaries = pay.filter((i) => typeOf(i) !== 'Sub-task').map((i) => i.fields.summary);
    expect(new Set(summaries).size).toBe(summaries.length);
    expect(summaries.filter((s) => s.includes('(part')).length).toBe(0);
    expect(pay.filter((i) => typeOf(i) === 'Epic').map((i) => i.fields.summary)).toEqual(
      expect.arrayContaining(['Checkout v2', 'SCA / 3-D Secure', 'Payout reconciliation', 'Merchant dashboard', 'Fraud rules engine', 'Platform reliability']),
    );
  });

  it('parents stories to epics and sub-tasks to their issue (Jira Cloud `parent`)', () => {
    const stories = pay.filter((i) => typeOf(i) === 'Story');
    const withEpic = stories.filter((i) => i.fields.parent !== undefined && typeOf(byKey.get(i.fields.parent.key) as SeedIssue) === 'Epic');
    expect(withEpic.length / stories.length).toBeGreaterThan(0.7);
    for (const sub of pay.filter((i) => typeOf(i) === 'Sub-task')) {
      const parent = byKey.get(sub.fields.parent?.key ?? '');
      expect(parent).toBeDefined();
      expect(parent?.fields.subtasks.map((s) => s.key)).toContain(sub.key);
      expect(sub.fields.issuetype.subtask).toBe(true);
    }
  });

  it('has statuses, story points, business value and due dates with realistic gaps', () => {
    const work = pay.filter((i) => ['Story', 'Task', 'Bug'].includes(typeOf(i)));
    const statuses = new Set(work.map((i) => i.fields.status.name));
    expect([...statuses].sort()).toEqual(['Done', 'In Progress', 'In Review', 'To Do']);
    const points = work.map((i) => i.fields.customfield_10016);
    const missing = points.filter((p) => p === null).length / points.length;
    expect(missing).toBeGreaterThan(0.05);
    expect(missing).toBeLessThan(0.2);
    const odd = points.filter((p) => p !== null && typeof p !== 'number');
    expect(odd).toEqual(expect.arrayContaining(['3', '?']));
    expect(odd).toHaveLength(2);
    for (const p of points) if (typeof p === 'number') expect([1, 2, 3, 5, 8, 13, 21]).toContain(p);
    const bv = work.map((i) => i.fields.customfield_10050 as { value: string } | null);
    const share = bv.filter((v) => v !== null).length / bv.length;
    expect(share).toBeGreaterThan(0.6);
    expect(share).toBeLessThan(0.8);
    expect(new Set(bv.flatMap((v) => (v ? [v.value] : [])))).toEqual(new Set(['Low', 'Medium', 'High', 'Critical', 'Must have']));
    const due = work.filter((i) => i.fields.duedate !== null);
    expect(due.length / work.length).toBeGreaterThan(0.08);
    expect(due.length / work.length).toBeLessThan(0.22);
    const overdue = due.filter((i) => i.fields.status.statusCategory.key !== 'done' && Date.parse(`${i.fields.duedate}T00:00:00Z`) < now);
    expect(overdue.length).toBeGreaterThan(0);
    for (const i of due) expect(i.fields.duedate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const versions = work.flatMap((i) => i.fields.fixVersions);
    expect(versions.length).toBeGreaterThan(50);
    for (const v of versions) expect(v.releaseDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('generateDemoSite: links', () => {
  const types = new Map(site.issueLinkTypes.map((t) => [t.id, t]));

  it('uses declared link types and the REST v3 shape on every link', () => {
    for (const { link } of allLinks) {
      const declared = types.get(link.type.id);
      expect(declared).toEqual(link.type);
      expect('outwardIssue' in link !== 'inwardIssue' in link).toBe(true);
      const o = other(link);
      expect(o).toEqual({
        id: expect.any(String),
        key: expect.any(String),
        fields: {
          summary: expect.any(String),
          status: { name: expect.any(String), statusCategory: { key: expect.any(String) } },
          priority: { name: expect.any(String) },
          issuetype: { name: expect.any(String) },
        },
      });
    }
  });

  it('writes each link on both ends, except the one link to a deleted issue', () => {
    const dangling = allLinks.filter(({ link }) => !byKey.has(other(link).key));
    expect(dangling).toHaveLength(1);
    const [d] = dangling;
    // Blocked by an issue that was deleted: its key is a gap in PAY's numbering and its id is not in the seed.
    expect(d?.link.type.name).toBe('Blocks');
    expect(d && 'inwardIssue' in d.link).toBe(true);
    const gapKey = Number(d ? other(d.link).key.split('-')[1] : 0);
    expect(gapKey).toBeLessThan(Math.max(...pay.map((i) => Number(i.key.split('-')[1]))));
    expect(byId.has(d ? other(d.link).id : '')).toBe(false);
    for (const { issue, link } of allLinks) {
      if (!byKey.has(other(link).key)) continue;
      const target = byKey.get(other(link).key) as SeedIssue;
      expect(other(link).id).toBe(target.id);
      const mirror = target.fields.issuelinks.find((l) => l.id === link.id);
      expect(mirror).toBeDefined();
      expect(mirror && other(mirror).key).toBe(issue.key);
      expect(mirror && 'outwardIssue' in mirror).toBe(!('outwardIssue' in link));
    }
    expect(new Set(allLinks.map(({ link }) => link.id)).size).toBe((allLinks.length + 1) / 2);
  });

  it('has blocks chains and exactly one small cycle', () => {
    const blocks = new Map<string, string[]>();
    for (const { issue, link } of allLinks) {
      if (link.type.name === 'Blocks' && 'outwardIssue' in link) blocks.set(issue.key, [...(blocks.get(issue.key) ?? []), link.outwardIssue.key]);
    }
    const depth = (k: string, seen: Set<string>): number => {
      if (seen.has(k)) return 0;
      const next = blocks.get(k) ?? [];
      return 1 + Math.max(0, ...next.map((n) => depth(n, new Set([...seen, k]))));
    };
    expect(Math.max(...[...blocks.keys()].map((k) => depth(k, new Set())))).toBeGreaterThanOrEqual(3);
    const inCycle = [...blocks.keys()].filter((start) => {
      const stack = [...(blocks.get(start) ?? [])];
      const seen = new Set<string>();
      while (stack.length > 0) {
        const k = stack.pop() as string;
        if (k === start) return true;
        if (seen.has(k)) continue;
        seen.add(k);
        stack.push(...(blocks.get(k) ?? []));
      }
      return false;
    });
    expect(inCycle).toHaveLength(3);
  });

  it('links tech debt to the bugs it causes', () => {
    const causes = allLinks.filter(({ link }) => link.type.name === 'Problem/Incident' && 'outwardIssue' in link);
    expect(causes.length).toBeGreaterThanOrEqual(10);
    for (const { issue, link } of causes) {
      expect(issue.fields.labels.some((l) => ['tech-debt', 'techdebt', 'technical-debt', 'refactoring'].includes(l))).toBe(true);
      expect('outwardIssue' in link && link.outwardIssue.fields.issuetype.name).toBe('Bug');
    }
  });
});

describe('generateDemoSite: customer feedback', () => {
  it('gives every SUP ticket an organisation, a customer reporter and mostly a tier', () => {
    const orgs = new Set<string>();
    for (const t of sup) {
      const o = t.fields.customfield_10002;
      expect(o).toHaveLength(1);
      expect(o?.[0]).toEqual({ id: expect.stringMatching(/^\d+$/), name: expect.any(String) });
      orgs.add(o?.[0]?.name ?? '');
      expect(t.fields.reporter?.accountType).toBe('customer');
      expect([null, 'Enterprise', 'Business', 'Free']).toContain(t.fields.customfield_10070?.value ?? null);
      expect(t.fields[FIELD.storyPoints]).toBeUndefined();
    }
    expect(orgs.size).toBeGreaterThanOrEqual(35);
    expect(sup.filter((t) => t.fields.customfield_10070 === null).length).toBeLessThan(sup.length * 0.1);
  });

  it('spreads tickets over the last 12 months, recent ones more often', () => {
    const ages = sup.map((t) => (now - Date.parse(t.fields.created.replace('+0000', 'Z'))) / 86_400_000);
    expect(Math.max(...ages)).toBeLessThanOrEqual(366);
    expect(ages.filter((a) => a < 90).length).toBeGreaterThan(ages.filter((a) => a > 270).length * 2);
  });

  it('links tickets to PAY items: popular items have many distinct customers, some tickets several items', () => {
    const customers = new Map<string, Set<string>>();
    let multi = 0;
    for (const t of sup) {
      const targets = t.fields.issuelinks.filter((l) => l.type.name === 'Relates').map(other);
      if (targets.length > 1) multi++;
      for (const target of targets) {
        expect(target.key).toMatch(/^PAY-/);
        const set = customers.get(target.key) ?? new Set<string>();
        set.add(t.fields.customfield_10002?.[0]?.name ?? '');
        customers.set(target.key, set);
      }
    }
    const counts = [...customers.values()].map((s) => s.size).sort((a, b) => b - a);
    expect(counts[0]).toBeGreaterThanOrEqual(12);
    expect(counts.length).toBeGreaterThanOrEqual(40);
    expect(multi).toBeGreaterThanOrEqual(10);
  });

  it('has remote links to the support tool in GET remotelink item shape', () => {
    const keys = Object.keys(site.remoteLinks);
    expect(keys.length).toBeGreaterThanOrEqual(50);
    expect(keys.length).toBeLessThanOrEqual(70);
    const ids = new Set<number>();
    for (const key of keys) {
      expect(byKey.get(key)?.key).toMatch(/^PAY-/);
      for (const r of site.remoteLinks[key] ?? []) {
        ids.add(r.id);
        expect(r).toEqual({
          id: expect.any(Number),
          globalId: expect.any(String),
          application: { type: expect.any(String), name: expect.any(String) },
          relationship: expect.any(String),
          object: expect.objectContaining({
            url: expect.stringMatching(/^https:\/\/[a-z]+\.example\.com\//),
            title: expect.any(String),
            icon: expect.any(Object),
            status: expect.any(Object),
          }),
        });
      }
    }
    const all = Object.values(site.remoteLinks).flat();
    expect(ids.size).toBe(all.length);
    expect(all.filter((r) => /^https:\/\/support\.example\.com\/orgs\/[a-z0-9-]+\/tickets\/\d+$/.test(r.object.url)).length).toBeGreaterThan(all.length * 0.7);
  });
});

describe('generateDemoSite: board and sprints', () => {
  it('has one scrum board for PAY', () => {
    expect(site.boards).toEqual([
      expect.objectContaining({ id: 1, type: 'scrum', location: expect.objectContaining({ projectId: 10000, projectKey: 'PAY' }) }),
    ]);
  });

  it('has closed sprints with start, end and completion dates, one active sprint containing now, one future sprint, and no sprint totals', () => {
    const closed = site.sprints.filter((s) => s.state === 'closed');
    expect(closed).toHaveLength(CLOSED_SPRINTS);
    for (const s of closed) {
      expect(Date.parse(s.endDate) - Date.parse(s.startDate)).toBeGreaterThan(13 * 86_400_000);
      expect(Date.parse(s.completeDate ?? '')).toBeGreaterThanOrEqual(Date.parse(s.endDate));
    }
    const [active, ...rest] = site.sprints.filter((s) => s.state === 'active');
    expect(rest).toHaveLength(0);
    expect(Date.parse(active?.startDate ?? '')).toBeLessThanOrEqual(now);
    expect(Date.parse(active?.endDate ?? '')).toBeGreaterThan(now);
    expect(active?.completeDate).toBeUndefined();
    expect(site.sprints.filter((s) => s.state === 'future')).toHaveLength(1);
    const sprintKeys = new Set(site.sprints.flatMap((s) => Object.keys(s)));
    expect([...sprintKeys].sort()).toEqual(['completeDate', 'createdDate', 'endDate', 'goal', 'id', 'name', 'originBoardId', 'startDate', 'state']);
  });

  it('lets each closed sprint deliver 25–40 points read as Jira keeps them: Sprint field and resolution date', () => {
    const resolvedIn = (i: SeedIssue, s: { startDate: string; completeDate?: string }): boolean => {
      const at = Date.parse(i.fields.resolutiondate ?? '');
      return at >= Date.parse(s.startDate) && at <= Date.parse(s.completeDate ?? '');
    };
    const doneIn = (s: (typeof site.sprints)[number]): SeedIssue[] =>
      pay.filter((i) => i.fields.status.name === 'Done' && (i.fields.customfield_10020 ?? []).some((v) => v.id === s.id));
    for (const s of site.sprints.filter((sp) => sp.state === 'closed')) {
      const delivered = doneIn(s)
        .filter((i) => resolvedIn(i, s))
        .reduce((acc, i) => acc + (typeof i.fields.customfield_10016 === 'number' ? i.fields.customfield_10016 : 0), 0);
      expect(delivered).toBeGreaterThanOrEqual(25);
      expect(delivered).toBeLessThanOrEqual(40);
    }
    const closedIds = new Set(site.sprints.filter((s) => s.state === 'closed').map((s) => s.id));
    const carried = pay.filter((i) => i.fields.status.name === 'Done' && (i.fields.customfield_10020 ?? []).filter((v) => closedIds.has(v.id)).length > 1);
    expect(carried.length).toBeGreaterThan(3);
    const afterClose = pay.filter((i) => {
      const names = i.fields.customfield_10020 ?? [];
      const last = site.sprints.find((s) => s.id === names.at(-1)?.id);
      return i.fields.status.name === 'Done' && last?.state === 'closed' && Date.parse(i.fields.resolutiondate ?? '') > Date.parse(last.completeDate ?? '');
    });
    expect(afterClose.length).toBeGreaterThan(3);
    for (const i of pay.filter((x) => x.fields.status.name === 'Done')) expect(i.fields.resolutiondate).toEqual(expect.any(String));
    const inActive = pay.filter((i) => i.fields.customfield_10020?.some((v) => v.state === 'active'));
    expect(inActive.length).toBeGreaterThan(20);
  });

  it('writes each Sprint field value as the sprint it names, completion date included', () => {
    const byId = new Map(site.sprints.map((s) => [s.id, s]));
    for (const i of pay) {
      for (const v of i.fields.customfield_10020 ?? []) {
        const s = byId.get(v.id);
        expect(v).toEqual(expect.objectContaining({ name: s?.name, state: s?.state, startDate: s?.startDate, endDate: s?.endDate }));
        expect(v.completeDate).toBe(s?.completeDate);
      }
    }
  });
});
