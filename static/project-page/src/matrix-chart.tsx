import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { token } from '@atlaskit/tokens';
import { useThemeObserver } from '@atlaskit/tokens/use-theme-observer';
import { openInJira } from '../../shared/bridge';
import { drawMarks, drawScene, prepare, readPalette, type Palette, type Scene } from '../../shared/matrix-draw';
import {
  CHART,
  frameOf,
  hitIndex,
  hitTest,
  place,
  quadrantOf,
  scalesOf,
  splitOf,
  stepFocus,
  type MatrixPoint,
  type Quadrant,
} from '../../shared/matrix-geometry';
import { text, VisuallyHidden } from '../../shared/ui';
import { describePoint, MatrixLegend, MatrixList, TopQuickWins } from './matrix-list';

const { HEIGHT, HIT_RADIUS, SPREAD } = CHART;

/** The chart's width follows its container's. */
function useWidth(): [React.RefObject<HTMLDivElement>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(Math.floor(el.getBoundingClientRect().width));
    const ro = new ResizeObserver(([e]) => e && setWidth(Math.floor(e.contentRect.width)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width];
}

/**
 * The points on a canvas (one draw for thousands), hovered and focused ones on a second canvas above it. The chart
 * takes the keyboard: arrows walk the points in rank order, Enter opens the issue, as a click does.
 */
export function MatrixChart({ points }: { points: readonly MatrixPoint[] }) {
  const [wrap, width] = useWidth();
  const base = useRef<HTMLCanvasElement>(null);
  const overlay = useRef<HTMLCanvasElement>(null);
  const { colorMode } = useThemeObserver();
  const [hover, setHover] = useState<number | null>(null);
  const [focus, setFocus] = useState<number | null>(null);
  // Inline styles have no :focus-visible: the chart's focus ring follows this flag.
  const [ring, setRing] = useState(false);
  const [palette, setPalette] = useState<Palette>(readPalette);
  // A theme switch changes the tokens' values: canvas colours are read again (the same colours keep the drawing).
  useEffect(() => {
    const next = readPalette();
    setPalette((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next));
  }, [colorMode]);

  const split = useMemo(() => splitOf(points), [points]);
  const quadrants = useMemo(() => points.map((p) => quadrantOf(p, split)), [points, split]);
  const counts = useMemo(() => {
    const c: Record<Quadrant, number> = { quickWin: 0, bigBet: 0, fillIn: 0, moneyPit: 0 };
    for (const q of quadrants) c[q]++;
    return c;
  }, [quadrants]);
  const scene = useMemo((): Scene | null => {
    if (width === 0) return null;
    const frame = frameOf(width);
    const scales = scalesOf(points, frame);
    return { points, placed: place(points, scales, SPREAD), scales, split, frame, palette };
  }, [points, split, width, palette]);
  const index = useMemo(() => (scene ? hitIndex(scene.placed, HIT_RADIUS) : null), [scene]);

  useEffect(() => {
    const canvas = base.current;
    if (!scene || !canvas) return;
    const ctx = prepare(canvas, width, HEIGHT);
    if (!ctx) return;
    drawScene(ctx, scene, counts, width, HEIGHT);
    // The chart's first paint is measured from here (bench/ui/matrix.ts); the attribute tells tests it is drawn.
    canvas.dataset.drawn = String(points.length);
    performance.mark('valuerank:matrix-drawn');
  }, [scene, counts, width, points.length]);

  useEffect(() => {
    const canvas = overlay.current;
    if (!scene || !canvas) return;
    const ctx = prepare(canvas, width, HEIGHT);
    if (ctx) drawMarks(ctx, scene, [hover, focus], width, HEIGHT);
  }, [scene, hover, focus, width]);

  const at = (e: MouseEvent<HTMLElement>): number | null => {
    if (!index) return null;
    const r = e.currentTarget.getBoundingClientRect();
    return hitTest(index, e.clientX - r.left, e.clientY - r.top, HIT_RADIUS);
  };
  const open = (i: number | null) => {
    const p = i === null ? undefined : points[i];
    if (p) void openInJira(`/browse/${p.key}`);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      if (focus !== null) {
        e.preventDefault();
        open(focus);
      }
      return;
    }
    if (e.key === 'Escape') {
      setFocus(null);
      return;
    }
    const next = stepFocus(focus, e.key, points.length);
    if (next === null) return;
    e.preventDefault();
    setFocus(next);
  };

  const active = hover ?? focus;
  const activePoint = active === null ? undefined : points[active];
  const activeQuadrant = active === null ? undefined : quadrants[active];
  const tip =
    scene && activePoint && activeQuadrant && active !== null
      ? { x: scene.placed.xs[active] as number, y: scene.placed.ys[active] as number, text: describePoint(activePoint, activeQuadrant) }
      : null;
  const focused = focus === null ? undefined : points[focus];
  const focusedQuadrant = focus === null ? undefined : quadrants[focus];

  return (
    <div>
      <p style={{ margin: `0 0 ${token('space.100', '8px')}`, color: text.subtle }}>
        Value is the score before the effort divisor; the lines are the medians (value {split.value.toFixed(1)}, effort {split.effort} points). An issue on a
        line counts as high value and low effort.
      </p>
      <MatrixLegend />
      <div ref={wrap} style={{ position: 'relative', width: '100%', height: HEIGHT }}>
        <VisuallyHidden>
          <span id="matrix-help">
            Arrow keys move between issues in rank order, Page Up and Page Down by ten, Home and End to the first and last; Enter opens the issue in Jira. The
            same issues are listed by quadrant after the chart.
          </span>
        </VisuallyHidden>
        <div
          role="application"
          aria-label={`Value versus effort of ${points.length.toLocaleString('en-US')} issues`}
          aria-describedby="matrix-help"
          tabIndex={0}
          onKeyDown={onKeyDown}
          onFocus={(e) => {
            const visible = e.currentTarget.matches(':focus-visible');
            setRing(visible);
            if (focus === null && visible) setFocus(0);
          }}
          onBlur={() => setRing(false)}
          onMouseMove={(e) => setHover(at(e))}
          onMouseLeave={() => setHover(null)}
          onClick={(e) => open(at(e))}
          style={{
            position: 'absolute',
            inset: 0,
            cursor: hover === null ? 'default' : 'pointer',
            borderRadius: 4,
            outline: ring ? `2px solid ${token('color.border.focused', '#388BFF')}` : 'none',
            outlineOffset: 2,
          }}
        >
          <canvas ref={base} aria-hidden="true" style={{ position: 'absolute', left: 0, top: 0 }} />
          <canvas ref={overlay} aria-hidden="true" style={{ position: 'absolute', left: 0, top: 0 }} />
        </div>
        {tip && (
          <div
            aria-hidden="true"
            data-testid="matrix-tooltip"
            style={{
              position: 'absolute',
              left: Math.min(tip.x + 12, Math.max(0, width - 320)),
              top: tip.y > HEIGHT / 2 ? tip.y - 12 : tip.y + 12,
              transform: tip.y > HEIGHT / 2 ? 'translateY(-100%)' : undefined,
              maxWidth: 300,
              padding: `${token('space.075', '6px')} ${token('space.100', '8px')}`,
              borderRadius: 4,
              background: token('color.background.neutral.bold', '#44546F'),
              color: token('color.text.inverse', '#FFFFFF'),
              fontSize: 12,
              pointerEvents: 'none',
              whiteSpace: 'pre-line',
            }}
          >
            {tip.text}
          </div>
        )}
        <VisuallyHidden>
          <span role="status" aria-live="polite">
            {focused && focusedQuadrant ? describePoint(focused, focusedQuadrant).replace(/\n/g, '. ') : ''}
          </span>
        </VisuallyHidden>
      </div>
      <TopQuickWins points={points} quadrants={quadrants} />
      <MatrixList points={points} quadrants={quadrants} />
    </div>
  );
}
