import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import type { ResultMap } from '../../../src/contract/operations';
import { movement } from '../../shared/format';
import { invoke } from '../../shared/invoke';
import { toOperationFailure, type OperationFailure } from '../../shared/invoke-core';
import { ErrorView, Loading, movementColor, text } from '../../shared/ui';
import type { WeightMap } from '../../shared/weights-editor';

const PROJECT_KEY = /^[A-Z][A-Z0-9_]{0,49}$/;
const SHOWN = 25;

/** "Preview": what the edited weights would move, on this project (project scope) or a project the admin names (global). */
export function PreviewPanel({ projectKey, weights }: { projectKey: string | null; weights: WeightMap }) {
  const [typed, setTyped] = useState('');
  const [result, setResult] = useState<{ key: string; moves: ResultMap['previewWeights']['moves'] } | null>(null);
  const [error, setError] = useState<OperationFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const target = projectKey ?? typed.trim().toUpperCase();
  const valid = PROJECT_KEY.test(target);

  const run = async () => {
    if (!valid) return;
    setBusy(true);
    setError(null);
    try {
      const r = await invoke('previewWeights', { projectKey: target, weights });
      setResult({ key: target, moves: r.moves });
    } catch (e) {
      setError(toOperationFailure('previewWeights', e));
    } finally {
      setBusy(false);
    }
  };

  const moved = (result?.moves ?? []).filter((m) => m.from !== m.to).sort((a, b) => Math.abs(b.from - b.to) - Math.abs(a.from - a.to) || a.to - b.to);

  return (
    <section
      aria-label="Preview the weights"
      style={{
        border: `1px dashed ${token('color.border', '#091E4224')}`,
        borderRadius: 6,
        padding: token('space.200', '16px'),
        marginBottom: token('space.200', '16px'),
      }}
    >
      <h2 style={{ fontSize: 16, margin: '0 0 8px' }}>Preview the weights</h2>
      <div style={{ display: 'flex', gap: 8, alignItems: 'flex-end', flexWrap: 'wrap' }}>
        {projectKey === null && (
          <div style={{ width: 180 }}>
            <label htmlFor="preview-project" style={{ fontSize: 13 }}>
              Project key to preview on
            </label>
            <Textfield
              id="preview-project"
              value={typed}
              placeholder="PRJ"
              isInvalid={typed !== '' && !valid}
              onChange={(e) => setTyped((e.target as HTMLInputElement).value)}
            />
          </div>
        )}
        <Button onClick={() => void run()} isDisabled={!valid || busy} isLoading={busy}>
          Preview{projectKey ? ` on ${projectKey}` : ''}
        </Button>
      </div>
      <p style={{ color: text.subtlest, fontSize: 12 }}>Shows how the backlog order would change with the weights above. Nothing is saved.</p>
      {busy && !result && <Loading label="Ranking with the new weights…" />}
      {error && <ErrorView error={error} title="Preview failed" />}
      {result && (
        <div aria-live="polite">
          <p>
            On {result.key}: <strong>{moved.length}</strong> of {result.moves.length} issues would move.
          </p>
          {moved.length > 0 && (
            <table style={{ borderCollapse: 'collapse', fontSize: 13 }}>
              <caption style={{ textAlign: 'left', color: text.subtle }}>
                Largest moves first{moved.length > SHOWN ? ` (${SHOWN} of ${moved.length})` : ''}
              </caption>
              <thead>
                <tr>
                  <th scope="col" style={{ textAlign: 'left', paddingRight: 16 }}>
                    Issue
                  </th>
                  <th scope="col" style={{ textAlign: 'left', paddingRight: 16 }}>
                    Now
                  </th>
                  <th scope="col" style={{ textAlign: 'left', paddingRight: 16 }}>
                    Would be
                  </th>
                  <th scope="col" style={{ textAlign: 'left' }}>
                    Move
                  </th>
                </tr>
              </thead>
              <tbody>
                {moved.slice(0, SHOWN).map((m) => {
                  const mv = movement(m.from, m.to);
                  return (
                    <tr key={m.key}>
                      <td style={{ paddingRight: 16 }}>{m.key}</td>
                      <td style={{ paddingRight: 16 }}>#{m.from}</td>
                      <td style={{ paddingRight: 16 }}>#{m.to}</td>
                      <td aria-label={mv.label} style={{ color: movementColor(mv.direction) }}>
                        {mv.text}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}
