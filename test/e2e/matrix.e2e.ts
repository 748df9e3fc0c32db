/**
 * The Matrix tab of the project page: every candidate of the demo drawn as a point of value against effort, a
 * summary on hover, the keyboard walking the points in rank order and opening one, in light and dark.
 * Where a point is drawn is recomputed here from getBacklog with the chart's own geometry, so a point the chart
 * misplaces or fails to draw is found.
 */
import type { Frame, FrameLocator, Page } from 'playwright-core';
import {
  CHART,
  frameOf,
  hitIndex,
  hitTest,
  place,
  quadrantOf,
  scalesOf,
  splitOf,
  toMatrixPoints,
  type MatrixPoint,
  type Placed,
} from '../../static/shared/matrix-geometry';
import {
  type Dom,
  formatViolations,
  fullBacklog,
  luminance,
  moduleFrame,
  moduleLocator,
  openShell,
  PERSONAS,
  screenshot,
  seriousAxeViolations,
} from './support';
import { useE2E } from './use-e2e';

const PO = PERSONAS.productOwner.accountId;

interface Chart {
  f: FrameLocator;
  frame: Frame;
  /** The canvas's top-left corner in page coordinates. */
  origin: { x: number; y: number };
  width: number;
  drawn: number;
}

async function openMatrix(page: Page, url: string, theme: 'light' | 'dark'): Promise<Chart> {
  await openShell(page, url, 'project', { user: PO, theme });
  const f = moduleLocator(page, 'project-page');
  await f.getByRole('tab', { name: 'Matrix' }).click();
  const canvas = f.locator('canvas[data-drawn]');
  await canvas.waitFor({ timeout: 30_000 });
  const frame = await moduleFrame(page, 'project-page');
  await frame.waitForFunction((mode) => (globalThis as unknown as Dom).document.documentElement.getAttribute('data-color-mode') === mode, theme, {
    timeout: 10_000,
  });
  const box = await canvas.boundingBox();
  if (!box) throw new Error('the matrix canvas has no box');
  return { f, frame, origin: { x: box.x, y: box.y }, width: box.width, drawn: Number(await canvas.getAttribute('data-drawn')) };
}

/** RGBA of the chart's base canvas at CSS px (x, y). */
async function pixel(frame: Frame, x: number, y: number): Promise<[number, number, number, number]> {
  return frame.evaluate(
    ([px, py]) => {
      const { document, window } = globalThis as unknown as Dom;
      const c = document.querySelector('canvas[data-drawn]');
      const dpr = window.devicePixelRatio || 1;
      return Array.from(c.getContext('2d').getImageData(Math.round(px * dpr), Math.round(py * dpr), 1, 1).data) as [number, number, number, number];
    },
    [x, y] as const,
  );
}

/** The points as the chart places them on a canvas `width` px wide. */
function layout(points: readonly MatrixPoint[], width: number): Placed {
  return place(points, scalesOf(points, frameOf(width)), CHART.SPREAD);
}

/** The best-ranked point that no other point hides (hit-testing at its centre finds it). */
function clearPoint(placed: Placed, count: number): number {
  const index = hitIndex(placed, CHART.HIT_RADIUS);
  for (let i = 0; i < count; i++) {
    let alone = true;
    for (let j = 0; j < count && alone; j++) {
      if (j !== i && Math.hypot(placed.xs[j]! - placed.xs[i]!, placed.ys[j]! - placed.ys[i]!) < 2 * CHART.HIT_RADIUS) alone = false;
    }
    if (alone && hitTest(index, placed.xs[i]!, placed.ys[i]!, CHART.HIT_RADIUS) === i) return i;
  }
  throw new Error('every point has a neighbour within the hover radius');
}

describe('Project page Matrix tab', () => {
  const e2e = useE2E({ warmAs: PO });
  let points: MatrixPoint[];

  beforeAll(async () => {
    points = toMatrixPoints((await fullBacklog(e2e.url, PO)).items);
  });

  it('draws every candidate of the demo, each where its value and effort put it, and hover shows its summary (light)', async () => {
    const chart = await openMatrix(e2e.page, e2e.url, 'light');
    expect(points.length).toBeGreaterThan(100);
    expect(chart.drawn).toBe(points.length);
    const placed = layout(points, chart.width);
    // A marker is painted at each of the first ten points' places (fully transparent = nothing drawn there).
    for (let i = 0; i < 10; i++) expect((await pixel(chart.frame, placed.xs[i]!, placed.ys[i]!))[3]).toBeGreaterThan(0);
    const i = clearPoint(placed, points.length);
    const p = points[i]!;
    await e2e.page.mouse.move(chart.origin.x + placed.xs[i]!, chart.origin.y + placed.ys[i]!);
    const tip = chart.f.getByTestId('matrix-tooltip');
    await tip.waitFor({ timeout: 5_000 });
    const tipText = await tip.innerText();
    expect(tipText).toContain(p.key);
    expect(tipText).toContain(p.summary);
    expect(tipText).toContain(`#${p.rank}`);
    expect(tipText).toContain(`score ${(Math.round(p.score * 10) / 10).toFixed(1)}`);
    await screenshot(e2e.page, 'matrix.png');
    await e2e.page.mouse.move(chart.origin.x + 2, chart.origin.y + 2);
    await tip.waitFor({ state: 'detached', timeout: 5_000 });
    const violations = await seriousAxeViolations(chart.frame);
    if (violations.length > 0) throw new Error(formatViolations('project page, Matrix tab', violations));
    expect(e2e.errors).toEqual([]);
  });

  it('walks the points in rank order with the arrow keys, announces the focused one, and Enter opens it', async () => {
    const chart = await openMatrix(e2e.page, e2e.url, 'light');
    const app = chart.f.getByRole('application');
    await app.focus();
    await app.press('Home');
    await app.press('ArrowRight');
    await app.press('ArrowRight');
    const third = points[2]!;
    const status = chart.f.locator('[role="status"]', { hasText: third.key });
    await status.waitFor({ state: 'attached', timeout: 5_000 });
    expect(await status.textContent()).toContain(third.summary);
    expect(await chart.f.getByTestId('matrix-tooltip').innerText()).toContain(third.key);
    await app.press('ArrowLeft');
    await chart.f.locator('[role="status"]', { hasText: points[1]!.key }).waitFor({ state: 'attached', timeout: 5_000 });
    await app.press('ArrowRight');
    await app.press('Enter');
    // The host's router opens the issue: the preview shell shows it at #/issue/<key>.
    await e2e.page.waitForURL((u) => u.hash === `#/issue/${third.key}`, { timeout: 10_000 });
    expect(e2e.errors).toEqual([]);
  });

  it('lists every issue by quadrant for screen readers, and the five best-ranked quick wins for everyone', async () => {
    const chart = await openMatrix(e2e.page, e2e.url, 'light');
    const split = splitOf(points);
    const quickWins = points.filter((p) => quadrantOf(p, split) === 'quickWin').slice(0, 5);
    const shown = await chart.f.getByRole('region', { name: 'Top quick wins' }).getByRole('button').allTextContents();
    expect(shown).toEqual(quickWins.map((p) => p.key));
    const region = chart.f.getByRole('region', { name: 'Issues by quadrant' });
    await region.waitFor({ state: 'attached', timeout: 10_000 });
    expect(await region.getByRole('listitem').count()).toBe(points.length);
    const headings = await region.getByRole('heading').allTextContents();
    expect(headings.map((h) => h.split(' (')[0])).toEqual(['Quick wins', 'Big bets', 'Fill-ins', 'Money pits']);
    const counted = headings.reduce((s, h) => s + Number(/: (\d+) issues/.exec(h)?.[1] ?? NaN), 0);
    expect(counted).toBe(points.length);
  });

  it.each([
    ['light', (l: number) => l > 0.8],
    ['dark', (l: number) => l < 0.2],
  ] as const)('paints the canvas with the %s theme’s token colours', async (theme, fits) => {
    const chart = await openMatrix(e2e.page, e2e.url, theme);
    // Just inside the "Quick wins" label's box (drawn in the surface colour over the points).
    const [r, g, b] = await pixel(chart.frame, CHART.MARGIN.left + 4, CHART.MARGIN.top + 8);
    const l = luminance(`rgb(${r}, ${g}, ${b})`);
    expect(l).not.toBeNull();
    expect(fits(l!)).toBe(true);
    if (theme === 'dark') await screenshot(e2e.page, 'matrix-dark.png');
    expect(e2e.errors).toEqual([]);
  });
});
