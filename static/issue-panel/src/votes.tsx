import { useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import type { StakeholderVoteView } from '../../../src/contract/operations';
import { useModuleContext } from '../../shared/forge-context';
import { formatDate } from '../../shared/format';
import { useAction } from '../../shared/use-operation';
import { text } from '../../shared/ui';

const IMPORTANCE = ['None', 'Minor', 'Low', 'Medium', 'High', 'Critical'] as const;
const MAX_NOTE = 500;
/**
 * The background rescores a voted issue within moments, later when its queue is busy: the panel looks again after
 * 0.7 s, a quarter longer each time up to 5 s, for about a minute and a half (20 looks), then leaves it to Refresh.
 */
const RELOAD_FIRST_MS = 700;
const RELOAD_MAX_MS = 5000;
const RELOADS = 20;
const reloadDelay = (n: number): number => Math.min(RELOAD_MAX_MS, RELOAD_FIRST_MS * 1.25 ** n);

interface Props {
  issueKey: string;
  votes: StakeholderVoteView[];
  /** How many votes the score shown counts (the stakeholders factor's evidence). */
  counted: number;
  reload: () => void;
}

/**
 * The issue panel's vote control (importance 0–5, 0 withdraws; an optional note) and the list of who voted. A vote
 * is rescored in the background, so after voting the panel reloads until the score counts the new number of votes.
 */
export function StakeholderVotes({ issueKey, votes, counted, reload }: Props) {
  const { context } = useModuleContext();
  const mine = votes.find((v) => v.accountId === context?.accountId);
  const [importance, setImportance] = useState<number>(mine?.importance ?? 0);
  const [note, setNote] = useState(mine?.note ?? '');
  const [expected, setExpected] = useState<number | null>(null);
  const cast = useAction('castVote');
  const reloads = useRef(0);

  useEffect(() => {
    if (expected === null) return;
    if (expected === counted || reloads.current >= RELOADS) {
      setExpected(null);
      return;
    }
    const t = setTimeout(() => {
      reloads.current++;
      reload();
    }, reloadDelay(reloads.current));
    return () => clearTimeout(t);
  }, [expected, counted, reload]);

  const submit = async (): Promise<void> => {
    const trimmed = note.trim();
    const answer = await cast.run({ issueKey, importance: importance as 0 | 1 | 2 | 3 | 4 | 5, ...(trimmed && importance > 0 ? { note: trimmed } : {}) });
    if (answer === null) return;
    reloads.current = 0;
    setExpected(answer.votes);
    reload();
  };

  return (
    <section aria-label="Stakeholder votes">
      <div role="group" aria-label="Importance to you" style={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
        {IMPORTANCE.map((label, n) => (
          <Button key={n} spacing="compact" isSelected={importance === n} onClick={() => setImportance(n)} aria-label={`${n} – ${label}`}>
            {String(n)}
          </Button>
        ))}
      </div>
      <label htmlFor="vote-note" style={{ display: 'block', fontSize: 12, color: text.subtle, marginTop: 6 }}>
        Note (optional)
      </label>
      <textarea
        id="vote-note"
        rows={2}
        maxLength={MAX_NOTE}
        value={note}
        disabled={importance === 0}
        onChange={(e) => setNote(e.target.value)}
        style={{ width: '100%', boxSizing: 'border-box', font: 'inherit', fontSize: 13 }}
      />
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginTop: 4 }}>
        <Button
          appearance="primary"
          spacing="compact"
          onClick={() => void submit()}
          isLoading={cast.busy || expected !== null}
          isDisabled={importance === 0 && mine === undefined}
        >
          {importance === 0 ? (mine ? 'Withdraw my vote' : 'Vote') : mine ? 'Update my vote' : 'Vote'}
        </Button>
        <span style={{ fontSize: 12, color: text.subtlest }}>{IMPORTANCE[importance]}</span>
      </div>
      {cast.error && (
        <p role="alert" style={{ color: token('color.text.danger', '#AE2E24'), fontSize: 13, margin: '4px 0 0' }}>
          {cast.error.message}
        </p>
      )}
      {votes.length === 0 ? (
        <p style={{ color: text.subtlest, margin: '6px 0 0', fontSize: 13 }}>No stakeholder has voted yet.</p>
      ) : (
        <ul aria-label="Who voted" style={{ paddingLeft: 16, margin: '6px 0 0', fontSize: 13 }}>
          {votes.map((v) => (
            <li key={v.accountId} style={{ color: text.color }}>
              <strong>{v.displayName}</strong> · {v.importance} ({IMPORTANCE[v.importance] ?? '?'}) ·{' '}
              <span style={{ color: text.subtlest }}>{formatDate(v.at)}</span>
              {v.note && <div style={{ color: text.subtle }}>“{v.note}”</div>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
