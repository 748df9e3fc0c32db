/**
 * Drawing the value-vs-effort matrix on a canvas. Canvas cannot use CSS variables, so the colours are the design
 * tokens' computed values, read when the theme changes (`readPalette`).
 */
import { getTokenValue } from '@atlaskit/tokens/get-token-value';
import { effortTicks, QUADRANT_LABELS, valueTicks, type Frame, type MatrixPoint, type Placed, type Quadrant, type Scales, type Split } from './matrix-geometry';

export interface Palette {
  feature: string;
  debt: string;
  text: string;
  subtle: string;
  axis: string;
  grid: string;
  quickWin: string;
  moneyPit: string;
  focus: string;
  surface: string;
}

export function readPalette(): Palette {
  return {
    feature: getTokenValue('color.chart.blue.bold', '#1D7AFC'),
    debt: getTokenValue('color.chart.purple.bold', '#8270DB'),
    text: getTokenValue('color.text', '#172B4D'),
    subtle: getTokenValue('color.text.subtle', '#44546F'),
    axis: getTokenValue('color.border.bold', '#758195'),
    grid: getTokenValue('color.border', '#091E4224'),
    quickWin: getTokenValue('color.background.success', '#DCFFF1'),
    moneyPit: getTokenValue('color.background.danger', '#FFECEB'),
    focus: getTokenValue('color.border.focused', '#388BFF'),
    surface: getTokenValue('elevation.surface', '#FFFFFF'),
  };
}

/** Marker radius in CSS px. Features are circles, debt is a square: the kinds differ in shape as well as colour. */
export const MARK = 3.5;

/** Sizes the canvas for the screen's pixel density and returns its context, scaled to CSS pixels. */
export function prepare(canvas: HTMLCanvasElement, width: number, height: number): CanvasRenderingContext2D | null {
  const dpr = window.devicePixelRatio || 1;
  canvas.width = Math.round(width * dpr);
  canvas.height = Math.round(height * dpr);
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const ctx = canvas.getContext('2d');
  ctx?.setTransform(dpr, 0, 0, dpr, 0, 0);
  return ctx;
}

function shape(ctx: CanvasRenderingContext2D, kind: MatrixPoint['kind'], x: number, y: number, r: number): void {
  if (kind === 'debt') ctx.rect(x - r, y - r, 2 * r, 2 * r);
  else {
    ctx.moveTo(x + r, y);
    ctx.arc(x, y, r, 0, 2 * Math.PI);
  }
}

const CORNER: Record<Quadrant, { left: boolean; top: boolean }> = {
  quickWin: { left: true, top: true },
  bigBet: { left: false, top: true },
  fillIn: { left: true, top: false },
  moneyPit: { left: false, top: false },
};

export interface Scene {
  points: readonly MatrixPoint[];
  placed: Placed;
  scales: Scales;
  split: Split;
  frame: Frame;
  palette: Palette;
}

/** The axes, the quadrants (tinted, labelled with their counts), the median lines and every point. */
export function drawScene(ctx: CanvasRenderingContext2D, s: Scene, counts: Record<Quadrant, number>, width: number, height: number): void {
  const { frame: f, scales, split, palette: p } = s;
  ctx.clearRect(0, 0, width, height);
  const sx = scales.x(split.effort);
  const sy = scales.y(split.value);
  ctx.fillStyle = p.quickWin;
  ctx.fillRect(f.left, f.top, sx - f.left, sy - f.top);
  ctx.fillStyle = p.moneyPit;
  ctx.fillRect(sx, sy, f.left + f.width - sx, f.top + f.height - sy);

  ctx.font = '11px -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, sans-serif';
  ctx.strokeStyle = p.grid;
  ctx.lineWidth = 1;
  ctx.fillStyle = p.subtle;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const v of valueTicks(scales.maxValue)) {
    const y = Math.round(scales.y(v)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(f.left, y);
    ctx.lineTo(f.left + f.width, y);
    ctx.stroke();
    ctx.fillText(String(v), f.left - 6, y);
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const e of effortTicks(scales.maxEffort)) {
    const x = Math.round(scales.x(e)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(x, f.top);
    ctx.lineTo(x, f.top + f.height);
    ctx.stroke();
    ctx.fillText(String(e), x, f.top + f.height + 6);
  }
  ctx.fillText('Effort (story points, square-root scale) →', f.left + f.width / 2, f.top + f.height + 22);
  ctx.save();
  ctx.translate(14, f.top + f.height / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.fillText('Value (score before effort) →', 0, 0);
  ctx.restore();

  ctx.strokeStyle = p.axis;
  ctx.setLineDash([6, 4]);
  ctx.beginPath();
  ctx.moveTo(Math.round(sx) + 0.5, f.top);
  ctx.lineTo(Math.round(sx) + 0.5, f.top + f.height);
  ctx.moveTo(f.left, Math.round(sy) + 0.5);
  ctx.lineTo(f.left + f.width, Math.round(sy) + 0.5);
  ctx.stroke();
  ctx.setLineDash([]);

  // Hollow marks first, then filled ones, one path per style: thousands of points in eight fills or strokes.
  for (const hollow of [true, false]) {
    for (const kind of ['feature', 'debt'] as const) {
      ctx.beginPath();
      s.points.forEach((pt, i) => {
        if (pt.kind === kind && pt.estimated === hollow) shape(ctx, kind, s.placed.xs[i] as number, s.placed.ys[i] as number, MARK);
      });
      const color = kind === 'debt' ? p.debt : p.feature;
      if (hollow) {
        ctx.strokeStyle = color;
        ctx.lineWidth = 1.25;
        ctx.stroke();
      } else {
        ctx.globalAlpha = 0.75;
        ctx.fillStyle = color;
        ctx.fill();
        ctx.globalAlpha = 1;
      }
    }
  }

  ctx.font = '600 12px -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, sans-serif';
  ctx.fillStyle = p.text;
  for (const q of Object.keys(CORNER) as Quadrant[]) {
    const c = CORNER[q];
    ctx.textAlign = c.left ? 'left' : 'right';
    ctx.textBaseline = c.top ? 'top' : 'bottom';
    const x = c.left ? f.left + 6 : f.left + f.width - 6;
    const y = c.top ? f.top + 6 : f.top + f.height - 6;
    const label = `${QUADRANT_LABELS[q]} (${counts[q].toLocaleString('en-US')})`;
    const w = ctx.measureText(label).width;
    ctx.fillStyle = p.surface;
    ctx.globalAlpha = 0.85;
    ctx.fillRect(c.left ? x - 3 : x - w - 3, c.top ? y - 2 : y - 16, w + 6, 18);
    ctx.globalAlpha = 1;
    ctx.fillStyle = p.text;
    ctx.fillText(label, x, y);
  }
}

/** The hovered and the keyboard-focused point, on the overlay canvas (the thousands below are not redrawn). */
export function drawMarks(ctx: CanvasRenderingContext2D, s: Scene, marks: readonly (number | null)[], width: number, height: number): void {
  ctx.clearRect(0, 0, width, height);
  for (const i of new Set(marks)) {
    if (i === null) continue;
    const pt = s.points[i];
    if (!pt) continue;
    const x = s.placed.xs[i] as number;
    const y = s.placed.ys[i] as number;
    ctx.beginPath();
    shape(ctx, pt.kind, x, y, MARK + 1.5);
    ctx.fillStyle = pt.kind === 'debt' ? s.palette.debt : s.palette.feature;
    ctx.fill();
    ctx.beginPath();
    ctx.arc(x, y, MARK + 5, 0, 2 * Math.PI);
    ctx.strokeStyle = s.palette.focus;
    ctx.lineWidth = 2;
    ctx.stroke();
  }
}
