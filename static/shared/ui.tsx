import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import '@atlaskit/css-reset';
import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import Tooltip from '@atlaskit/tooltip';
import { token } from '@atlaskit/tokens';
import type { Factor, FactorId } from '../../src/contract/model';
import { FACTOR_IDS } from '../../src/contract/model';
import { enableTheming } from './forge-context';
import { FACTOR_LABELS, formatScore, gapHint, type movement } from './format';
import { hiddenEvidenceTexts } from './hidden-evidence';
import { isRetryable, type OperationFailure } from './invoke-core';

/** Mounts a module's root component after asking the host for its theme. */
export function mount(app: ReactNode): void {
  enableTheming();
  const el = document.getElementById('root');
  if (el) createRoot(el).render(app);
}

export const FACTOR_COLORS: Record<FactorId, string> = {
  customerVoice: token('color.chart.blue.bold', '#1D7AFC'),
  businessValue: token('color.chart.green.bold', '#22A06B'),
  timeCriticality: token('color.chart.orange.bold', '#E56910'),
  techDebt: token('color.chart.purple.bold', '#8270DB'),
  enablement: token('color.chart.teal.bold', '#1D9AAA'),
  stakeholders: token('color.chart.magenta.bold', '#CD519D'),
};

export const text = {
  color: token('color.text', '#172B4D'),
  subtle: token('color.text.subtle', '#44546F'),
  subtlest: token('color.text.subtlest', '#626F86'),
};

/** The colour of a rank movement (`movement`): up is good news, down bad, none quiet. */
export function movementColor(direction: ReturnType<typeof movement>['direction']): string {
  return direction === 'up' ? token('color.text.success', '#216E4E') : direction === 'down' ? token('color.text.danger', '#AE2E24') : text.subtlest;
}

export function Loading({ label }: { label: string }) {
  return (
    <div
      role="status"
      aria-live="polite"
      style={{ display: 'flex', gap: token('space.100', '8px'), alignItems: 'center', padding: token('space.200', '16px'), color: text.subtle }}
    >
      <Spinner size="medium" label={label} />
      <span>{label}</span>
    </div>
  );
}

/** An operation's failure: the code and the message, a retry for transient ones, a clear "no access" for FORBIDDEN. */
export function ErrorView({ error, onRetry, title }: { error: OperationFailure; onRetry?: () => void; title?: string }) {
  const forbidden = error.code === 'FORBIDDEN';
  const heading = title ?? (forbidden ? 'You do not have access' : error.code === 'NOT_FOUND' ? 'Not found' : 'Something went wrong');
  const actions = onRetry && isRetryable(error.code) ? [{ key: 'retry', text: 'Try again', onClick: onRetry }] : [];
  return (
    <div role="alert" style={{ padding: token('space.100', '8px') }}>
      <SectionMessage
        appearance={forbidden ? 'warning' : 'error'}
        title={heading}
        actions={actions.map((a) => (
          <Button key={a.key} onClick={a.onClick}>
            {a.text}
          </Button>
        ))}
      >
        <p>{error.message}</p>
        <p style={{ color: text.subtlest, fontSize: '12px' }}>
          Code: <code>{error.code}</code>
        </p>
      </SectionMessage>
    </div>
  );
}

export function EmptyView({ header, description, action }: { header: string; description: string; action?: ReactNode }) {
  return <EmptyState header={header} description={description} headingLevel={2} primaryAction={action} width="narrow" />;
}

/** A horizontal bar filled to `share` (0–1), with a text label for screen readers. */
export function Bar({ share, color, label, width = 60 }: { share: number; color: string; label: string; width?: number }) {
  const pct = Math.max(0, Math.min(1, Number.isFinite(share) ? share : 0)) * 100;
  return (
    <span
      role="img"
      aria-label={label}
      style={{
        display: 'inline-block',
        width,
        height: 6,
        borderRadius: 3,
        background: token('color.background.neutral', '#091E420F'),
        verticalAlign: 'middle',
        overflow: 'hidden',
      }}
    >
      <span style={{ display: 'block', width: `${pct}%`, height: '100%', background: color }} />
    </span>
  );
}

/**
 * The five contributions side by side in one bar (width ∝ score points); a tooltip lists each one, and counts the
 * evidence behind them that the person cannot open.
 */
export function FactorStack({ factors, width = 90 }: { factors: Record<FactorId, Factor>; width?: number }) {
  const total = FACTOR_IDS.reduce((s, id) => s + Math.max(0, factors[id]?.contribution ?? 0), 0);
  const hidden = hiddenEvidenceTexts({ factors });
  const summary = [FACTOR_IDS.map((id) => `${FACTOR_LABELS[id]} ${formatScore(factors[id]?.contribution ?? 0)}`).join(', '), ...hidden].join('; ');
  const content = (
    <div>
      {FACTOR_IDS.map((id) => (
        <div key={id}>
          {FACTOR_LABELS[id]}: {formatScore(factors[id]?.contribution ?? 0)} pts (value {Math.round((factors[id]?.value ?? 0) * 100)}%)
        </div>
      ))}
      {hidden.length > 0 && (
        <div style={{ marginTop: token('space.050', '4px') }}>
          {hidden.map((h) => (
            <div key={h}>{h}</div>
          ))}
        </div>
      )}
    </div>
  );
  return (
    <Tooltip content={content}>
      {(props) => (
        <span
          {...props}
          tabIndex={0}
          role="img"
          aria-label={`Contributions: ${summary}`}
          style={{
            display: 'inline-flex',
            width,
            height: 10,
            borderRadius: 3,
            overflow: 'hidden',
            background: token('color.background.neutral', '#091E420F'),
            verticalAlign: 'middle',
          }}
        >
          {total > 0 &&
            FACTOR_IDS.map((id) => {
              const c = Math.max(0, factors[id]?.contribution ?? 0);
              return c > 0 ? <span key={id} style={{ width: `${(c / total) * 100}%`, background: FACTOR_COLORS[id] }} /> : null;
            })}
        </span>
      )}
    </Tooltip>
  );
}

/** A "gaps" lozenge whose tooltip lists the hint for each gap (what to fix in Jira). */
export function GapMarker({ gaps }: { gaps: readonly string[] }) {
  if (gaps.length === 0) return null;
  const content = (
    <ul style={{ margin: 0, paddingLeft: '16px' }}>
      {gaps.map((g) => (
        <li key={g}>{gapHint(g)}</li>
      ))}
    </ul>
  );
  return (
    <Tooltip content={content}>
      {(props) => (
        <span {...props} tabIndex={0} aria-label={`Data gaps: ${gaps.map(gapHint).join(' ')}`}>
          <Lozenge appearance="moved">{gaps.length === 1 ? '1 gap' : `${gaps.length} gaps`}</Lozenge>
        </span>
      )}
    </Tooltip>
  );
}

export function ConfidenceLozenge({ confidence }: { confidence: number }) {
  const level = confidence >= 0.75 ? 'high' : confidence >= 0.4 ? 'medium' : 'low';
  const appearance = level === 'high' ? 'success' : level === 'medium' ? 'default' : 'moved';
  return (
    <span title={`Confidence ${Math.round(confidence * 100)}%: how much evidence stands behind the score`}>
      <Lozenge appearance={appearance}>{`${level} conf.`}</Lozenge>
    </span>
  );
}

/** A visually hidden text for screen readers. */
export function VisuallyHidden({ children }: { children: ReactNode }) {
  return (
    <span
      style={{ position: 'absolute', width: 1, height: 1, padding: 0, margin: -1, overflow: 'hidden', clip: 'rect(0,0,0,0)', whiteSpace: 'nowrap', border: 0 }}
    >
      {children}
    </span>
  );
}
