import { useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { ResultMap } from '../../../src/contract/operations';
import { expectedVersionFor } from '../../shared/config-edit';
import { flag } from '../../shared/bridge';
import { invoke, OperationFailure } from '../../shared/invoke';
import { LatestOnly } from '../../shared/latest-only';
import { toOperationFailure } from '../../shared/invoke-core';
import { useOperation } from '../../shared/use-operation';
import { ErrorView, Loading, text } from '../../shared/ui';
import { WeightsEditor, type WeightMap } from '../../shared/weights-editor';

export interface Preview {
  moves: Map<string, { from: number; to: number }>;
  changed: number;
}

/**
 * What-if weights: sliders → previewWeights → per-row movement in the table; save as project weights. A change is
 * asked at once; changes made while an answer is on its way collapse into one request for the newest weights
 * (`LatestOnly`), so a held arrow key sends one request per round trip and only the newest answer is shown.
 */
export function WhatIfPanel({
  projectKey,
  onPreview,
  onSaved,
  onClose,
}: {
  projectKey: string;
  onPreview: (p: Preview | null) => void;
  onSaved: () => void;
  onClose: () => void;
}) {
  const config = useOperation('getConfig', { projectKey });
  const [weights, setWeights] = useState<WeightMap | null>(null);
  const [previewError, setPreviewError] = useState<OperationFailure | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [changed, setChanged] = useState<number | null>(null);
  const [saveError, setSaveError] = useState<OperationFailure | null>(null);
  const [saving, setSaving] = useState(false);
  const saved = config.data?.config.weights ?? null;

  useEffect(() => {
    if (saved && weights === null) setWeights({ ...saved });
  }, [saved, weights]);

  const dirty = saved !== null && weights !== null && JSON.stringify(saved) !== JSON.stringify(weights);

  // One requester while the panel is mounted; the latest onPreview is read through a ref.
  const previewRef = useRef(onPreview);
  previewRef.current = onPreview;
  const requester = useRef<LatestOnly<{ projectKey: string; weights: WeightMap }, ResultMap['previewWeights']> | null>(null);
  // Declared before the effect that uses it, so it exists when that effect first runs (and again after a remount).
  useEffect(() => {
    const r = new LatestOnly(
      (p: { projectKey: string; weights: WeightMap }) => invoke('previewWeights', p),
      (outcome) => {
        setPreviewing(false);
        if (!outcome.ok) {
          setPreviewError(toOperationFailure('previewWeights', outcome.error));
          return;
        }
        const moves = new Map(outcome.result.moves.map((m) => [m.key, { from: m.from, to: m.to }]));
        const n = outcome.result.moves.filter((m) => m.from !== m.to).length;
        setChanged(n);
        setPreviewError(null);
        previewRef.current({ moves, changed: n });
      },
    );
    requester.current = r;
    return () => {
      r.close();
      requester.current = null;
    };
  }, []);

  useEffect(() => {
    const r = requester.current;
    if (r === null) return;
    if (!weights || !dirty) {
      r.cancel();
      setPreviewing(false);
      onPreview(null);
      setChanged(null);
      return;
    }
    setPreviewing(true);
    r.request({ projectKey, weights });
    // onPreview is a state setter from the parent (stable); the JSON string is the real dependency.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [JSON.stringify(weights), dirty, projectKey]);

  const save = async () => {
    if (!weights) return;
    setSaving(true);
    setSaveError(null);
    try {
      const fresh = await invoke('getConfig', { projectKey });
      if (fresh.access !== 'full')
        throw new OperationFailure(
          'saveConfig',
          'FORBIDDEN',
          'Saving weights for the project needs the Administer Projects permission. You can still try weights here: nothing is saved.',
        );
      await invoke('saveConfig', { projectKey, expectedVersion: expectedVersionFor(projectKey, fresh), config: { ...fresh.config, weights } });
      void flag('Project weights saved', `${projectKey} now ranks with these weights.`, 'success');
      config.reload();
      setWeights(null);
      onPreview(null);
      onSaved();
    } catch (e) {
      setSaveError(toOperationFailure('saveConfig', e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div
      style={{
        border: `1px solid ${token('color.border', '#091E4224')}`,
        borderRadius: 6,
        padding: token('space.200', '16px'),
        background: token('elevation.surface.raised', '#FFFFFF'),
      }}
    >
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 8 }}>
        <h2 style={{ fontSize: '16px', margin: 0 }}>What-if weights</h2>
        <Button appearance="subtle" spacing="compact" onClick={onClose}>
          Close
        </Button>
      </div>
      <p style={{ color: text.subtle, fontSize: '12px', marginTop: 0 }}>Move a slider to see how the order would change. Nothing is saved until you save.</p>
      {config.error && <ErrorView error={config.error} onRetry={config.reload} />}
      {!weights && config.loading && <Loading label="Loading weights…" />}
      {weights && (
        <>
          <WeightsEditor idPrefix="whatif" weights={weights} onChange={setWeights} disabled={saving} />
          <div aria-live="polite" style={{ minHeight: 20, margin: '8px 0', color: text.subtle, fontSize: '12px' }}>
            {previewing
              ? 'Previewing…'
              : dirty && changed !== null
                ? `${changed} issue${changed === 1 ? '' : 's'} would move (see the What-if column).`
                : 'Current weights.'}
          </div>
          {previewError && <ErrorView error={previewError} title="Preview failed" />}
          {saveError && (
            <SectionMessage
              appearance={saveError.code === 'CONFIG_CONFLICT' ? 'warning' : 'error'}
              title={
                saveError.code === 'CONFIG_CONFLICT'
                  ? 'Someone changed the settings meanwhile'
                  : saveError.code === 'FORBIDDEN'
                    ? 'Only a project admin can save weights'
                    : 'Not saved'
              }
            >
              <p>{saveError.message}</p>
              <p style={{ fontSize: 12 }}>
                Code: <code>{saveError.code}</code>
                {saveError.code === 'CONFIG_CONFLICT' ? ' — press Save again to save your weights on top of the newest settings.' : ''}
              </p>
            </SectionMessage>
          )}
          <div style={{ display: 'flex', gap: 8, marginTop: 8, flexWrap: 'wrap' }}>
            <Button onClick={() => saved && setWeights({ ...saved })} isDisabled={!dirty || saving}>
              Reset
            </Button>
            {config.data?.access === 'full' && (
              <Button appearance="primary" onClick={() => void save()} isDisabled={!dirty || saving} isLoading={saving}>
                Save as project weights
              </Button>
            )}
          </div>
          {config.data && (
            <p style={{ color: text.subtlest, fontSize: '11px' }}>
              Now using the {config.data.scope} settings (v{config.data.version}).
              {config.data.access === 'summary' ? ' Only a project admin can save weights for the project.' : ''}
            </p>
          )}
        </>
      )}
    </div>
  );
}
