import { useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import ProgressBar from '@atlaskit/progress-bar';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { ResultMap } from '../../../src/contract/operations';
import { flag } from '../../shared/bridge';
import { invoke, OperationFailure } from '../../shared/invoke';
import { toOperationFailure } from '../../shared/invoke-core';
import { ErrorView, Loading, text } from '../../shared/ui';

type Plan = ResultMap['planRankSync'];
type Phase = { kind: 'planning' } | { kind: 'planned' } | { kind: 'applying' } | { kind: 'done' } | { kind: 'stopped' };

const SHOWN_MOVES = 200;
/** The plan itself is no longer good (too old, or Jira's order moved): only a new plan helps. */
const STALE_PLAN = new Set(['PLAN_EXPIRED', 'PLAN_OUTDATED']);
/** Calls per click at most: each call works until its time budget nears the end, so this bounds minutes, not batches. */
const MAX_CALLS = 100;

function moveText(m: Plan['moves'][number]): string {
  if (m.before) return `before ${m.before}`;
  if (m.after) return `after ${m.after}`;
  return 'in place';
}

/** "Apply order to Jira": plan → diff → apply (resumed while 'partial') with progress and per-issue failures. */
export function ApplyOrderModal({ projectKey, onClose }: { projectKey: string; onClose: (changed: boolean) => void }) {
  const [plan, setPlan] = useState<Plan | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'planning' });
  const [error, setError] = useState<OperationFailure | null>(null);
  const [applied, setApplied] = useState(0);
  const [failed, setFailed] = useState<ResultMap['applyRankSync']['failed']>([]);
  const cancelled = useRef(false);
  const changed = useRef(false);

  const makePlan = async () => {
    setPhase({ kind: 'planning' });
    setError(null);
    setPlan(null);
    setApplied(0);
    setFailed([]);
    try {
      setPlan(await invoke('planRankSync', { projectKey }));
      setPhase({ kind: 'planned' });
    } catch (e) {
      setError(toOperationFailure('planRankSync', e));
      setPhase({ kind: 'stopped' });
    }
  };

  useEffect(() => {
    void makePlan();
    return () => {
      cancelled.current = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [projectKey]);

  const apply = async () => {
    if (!plan) return;
    setPhase({ kind: 'applying' });
    setError(null);
    let previousApplied = -1;
    for (let call = 0; call < MAX_CALLS && !cancelled.current; call++) {
      let r: ResultMap['applyRankSync'];
      try {
        r = await invoke('applyRankSync', { projectKey, planId: plan.planId });
      } catch (e) {
        setError(toOperationFailure('applyRankSync', e));
        setPhase({ kind: 'stopped' });
        return;
      }
      changed.current = changed.current || r.applied > 0;
      setApplied(r.applied);
      setFailed(r.failed);
      if (r.status === 'done') {
        setPhase({ kind: 'done' });
        void flag('Jira rank updated', `${r.applied} issue${r.applied === 1 ? '' : 's'} moved to match the value order.`, 'success');
        return;
      }
      // 'partial' with only time running out: resume at once. With failures and no progress: stop for a Retry.
      if (r.failed.length > 0 && r.applied <= previousApplied) break;
      previousApplied = r.applied;
    }
    setPhase({ kind: 'stopped' });
  };

  const moves = plan?.moves ?? [];
  const progress = moves.length > 0 ? Math.min(1, applied / moves.length) : phase.kind === 'done' ? 1 : 0;
  const busy = phase.kind === 'applying' || phase.kind === 'planning';

  return (
    <Modal onClose={() => !busy && onClose(changed.current)} width="large" shouldCloseOnOverlayClick={!busy} label="Apply value order to Jira">
      <ModalHeader>
        <ModalTitle>Apply value order to Jira's Rank</ModalTitle>
      </ModalHeader>
      <ModalBody>
        {phase.kind === 'planning' && <Loading label="Planning the fewest rank moves…" />}
        {error && error.code === 'BUSY' && (
          <SectionMessage appearance="warning" title="Another apply is running">
            <p>{error.message}</p>
            <p style={{ fontSize: 12 }}>
              Code: <code>BUSY</code>
            </p>
          </SectionMessage>
        )}
        {error && STALE_PLAN.has(error.code) && (
          <SectionMessage appearance="warning" title={error.code === 'PLAN_EXPIRED' ? 'This plan is too old' : "Jira's order changed since this plan was made"}>
            <p>{error.message}</p>
            <p style={{ fontSize: 12 }}>
              Code: <code>{error.code}</code>
            </p>
          </SectionMessage>
        )}
        {error && error.code !== 'BUSY' && !STALE_PLAN.has(error.code) && (
          <ErrorView error={error} title={error.code === 'FORBIDDEN' ? 'You cannot change the rank here (needs Schedule Issues)' : undefined} />
        )}
        {plan && (
          <>
            {moves.length === 0 ? (
              <SectionMessage appearance="success" title="Jira's order already matches">
                All {plan.total} issues are already in value order: nothing to change.
              </SectionMessage>
            ) : (
              <p>
                <strong>{moves.length}</strong> of {plan.total} issues move ({plan.unchanged} stay where they are), in <strong>{plan.calls}</strong> rank call
                {plan.calls === 1 ? '' : 's'} to Jira.
              </p>
            )}
            {(phase.kind === 'applying' || phase.kind === 'done' || (phase.kind === 'stopped' && applied > 0)) && moves.length > 0 && (
              <div style={{ margin: '12px 0' }} aria-live="polite">
                <ProgressBar value={progress} ariaLabel="Rank changes applied" appearance={phase.kind === 'done' ? 'success' : 'default'} />
                <div style={{ color: text.subtle, fontSize: 12, marginTop: 4 }}>
                  {applied} of {moves.length} applied{phase.kind === 'done' ? ' — done.' : phase.kind === 'applying' ? '…' : '.'}
                </div>
              </div>
            )}
            {failed.length > 0 && (
              <SectionMessage appearance="error" title={`${failed.length} issue${failed.length === 1 ? '' : 's'} could not be moved`}>
                <ul>
                  {failed.map((f) => (
                    <li key={f.key}>
                      <strong>{f.key}</strong>: {f.message}
                    </li>
                  ))}
                </ul>
                <p>Retry plans again from Jira's current order and moves what is still out of place.</p>
              </SectionMessage>
            )}
            {moves.length > 0 && (
              <table style={{ width: '100%', borderCollapse: 'collapse', marginTop: 8 }}>
                <caption style={{ textAlign: 'left', color: text.subtle, fontSize: 12 }}>Moves (issue → new neighbour)</caption>
                <thead>
                  <tr>
                    <th scope="col" style={{ textAlign: 'left' }}>
                      Issue
                    </th>
                    <th scope="col" style={{ textAlign: 'left' }}>
                      Summary
                    </th>
                    <th scope="col" style={{ textAlign: 'right' }}>
                      Jira rank now → after
                    </th>
                    <th scope="col" style={{ textAlign: 'left', paddingLeft: 12 }}>
                      Placed
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {moves.slice(0, SHOWN_MOVES).map((m) => (
                    <tr key={m.key} style={{ borderTop: `1px solid ${token('color.border', '#091E4224')}` }}>
                      <td>{m.key}</td>
                      <td style={{ maxWidth: 320, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{m.summary ?? ''}</td>
                      <td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>{m.from !== undefined && m.to !== undefined ? `#${m.from} → #${m.to}` : ''}</td>
                      <td style={{ paddingLeft: 12 }}>{moveText(m)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {moves.length > SHOWN_MOVES && <p style={{ color: text.subtle }}>… and {moves.length - SHOWN_MOVES} more.</p>}
          </>
        )}
      </ModalBody>
      <ModalFooter>
        <Button onClick={() => onClose(changed.current)} isDisabled={phase.kind === 'applying'}>
          {phase.kind === 'done' ? 'Close' : 'Cancel'}
        </Button>
        {phase.kind === 'stopped' && (!plan || (error !== null && STALE_PLAN.has(error.code))) && (
          <Button appearance="primary" onClick={() => void makePlan()}>
            Plan again
          </Button>
        )}
        {plan && moves.length > 0 && phase.kind !== 'done' && !(error !== null && STALE_PLAN.has(error.code)) && (
          <Button appearance="primary" onClick={() => void apply()} isLoading={phase.kind === 'applying'} isDisabled={busy}>
            {phase.kind === 'stopped' ? (failed.length > 0 ? 'Retry' : 'Resume') : `Apply ${moves.length} move${moves.length === 1 ? '' : 's'}`}
          </Button>
        )}
      </ModalFooter>
    </Modal>
  );
}
