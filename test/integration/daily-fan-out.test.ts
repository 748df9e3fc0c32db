/**
 * The daily run and enrolment against the simulator and the local Forge runtime, with a recording consumer in
 * place of the recompute (what matters here is which projects are queued, and that every push is accepted).
 */
import { KvsStore } from '../../dev/runtime/kvs-store';
import { LocalQueue } from '../../dev/runtime/queue';
import { installForgeRuntime, type InstalledForgeRuntime } from '../../dev/runtime/install';
import { invokeFunction, invokeResolver, type ResolverHandler } from '../../dev/runtime/invoke';
import { aSeed, ADMIN, startSim, type RunningSim } from '../dev/sim/helpers';
import { seededRandom } from '../../dev/demo/random';

const FULL = ['BROWSE_PROJECTS', 'SCHEDULE_ISSUES', 'ADMINISTER_PROJECTS'];
const keyOf = (n: number): string => `P${String(n).padStart(3, '0')}`;

/** A site with `n` empty software projects P001…, each browsable by the admin. */
function projects(n: number): Record<string, unknown> {
  return aSeed([], {
    projects: Array.from({ length: n }, (_, i) => ({
      key: keyOf(i + 1),
      id: String(20000 + i),
      name: `Project ${i + 1}`,
      projectTypeKey: 'software',
      permissions: { [ADMIN]: FULL },
    })),
  });
}

/** Forge's KVS answers over the network, taking a few milliseconds: concurrent read-change-write cycles interleave. */
class NetworkKvsStore extends KvsStore {
  private readonly random = seededRandom(5);
  override async handle(path: string, body: unknown): ReturnType<KvsStore['handle']> {
    await new Promise((r) => setTimeout(r, 1 + Math.floor(this.random() * 5)));
    return super.handle(path, body);
  }
}

interface Delivered {
  body: { projectKey?: string; reason?: string; dailyAfter?: string };
}

describe('daily recompute and enrolment', () => {
  let sim: RunningSim;
  let runtime: InstalledForgeRuntime;
  let queue: LocalQueue;
  let app: typeof import('../../src/index');
  const daily = new Set<string>();

  async function start(n: number): Promise<void> {
    sim = await startSim({ seed: projects(n) });
    queue = new LocalQueue({ timeScale: 0.001 });
    runtime = installForgeRuntime({ jiraBaseUrl: sim.url, store: new NetworkKvsStore(), queue });
    app = await import('../../src/index');
    daily.clear();
    queue.register(
      'recompute',
      (async (event: Delivered) => {
        if (typeof event.body.dailyAfter === 'string') return (app.onRecompute as (e: unknown) => Promise<unknown>)(event);
        if (event.body.reason === 'daily recompute' && event.body.projectKey !== undefined) daily.add(event.body.projectKey);
        return undefined;
      }) as never,
      { moduleKey: 'recompute-consumer', timeoutSeconds: 900 },
    );
  }

  afterEach(async () => {
    await queue.close();
    runtime.uninstall();
    await sim.close();
  });

  const open = (projectKey: string) =>
    invokeResolver(app.resolver as ResolverHandler, {
      functionKey: 'getBacklog',
      payload: { projectKey, pageSize: 5 },
      context: { accountId: ADMIN, moduleKey: 'valuerank-project-page', extension: { type: 'jira:projectPage', project: { key: projectKey } } },
    });

  it('twenty projects opened at the same moment are all kept fresh by the daily run', async () => {
    await start(20);
    await Promise.all(Array.from({ length: 20 }, (_, i) => open(keyOf(i + 1))));
    await queue.drain();

    await invokeFunction(app.onDaily as never, {}, { moduleKey: 'daily-recompute' });
    await queue.drain();

    expect([...daily].sort()).toEqual(Array.from({ length: 20 }, (_, i) => keyOf(i + 1)));
  }, 60_000);

  it('the daily run queues all of 120 enrolled projects, in pushes Forge accepts', async () => {
    await start(120);
    for (let i = 1; i <= 120; i++) await open(keyOf(i));
    await queue.drain();

    await invokeFunction(app.onDaily as never, {}, { moduleKey: 'daily-recompute' });
    await queue.drain();

    expect(daily.size).toBe(120);
    expect(queue.stats().failed).toBe(0);
  }, 120_000);

  it('goes on a minute later past the events one minute may push, and reaches every project', async () => {
    await start(620);
    for (let i = 1; i <= 620; i++) await open(keyOf(i));
    await queue.drain();

    await invokeFunction(app.onDaily as never, {}, { moduleKey: 'daily-recompute' });
    await queue.drain();

    expect(daily.size).toBe(620);
    expect(queue.stats().failed).toBe(0);
  }, 180_000);
});
