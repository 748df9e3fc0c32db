import Range from '@atlaskit/range';
import { token } from '@atlaskit/tokens';
import type { FactorId } from '../../src/contract/model';
import { FACTOR_IDS } from '../../src/contract/model';
import { FACTOR_LABELS, formatPercent, weightShares } from './format';
import { FACTOR_COLORS, text } from './ui';

export type WeightMap = Record<FactorId, number>;

/**
 * Five sliders (0–100, keyboard: arrows ±1, PageUp/PageDown, Home/End as native range inputs do),
 * each with its weight and its normalised share of the total.
 */
export function WeightsEditor({
  weights,
  onChange,
  idPrefix,
  disabled,
}: {
  weights: WeightMap;
  onChange: (next: WeightMap) => void;
  idPrefix: string;
  disabled?: boolean;
}) {
  const shares = weightShares(weights);
  return (
    <div style={{ display: 'grid', gap: token('space.100', '8px') }}>
      {FACTOR_IDS.map((id) => {
        const inputId = `${idPrefix}-${id}`;
        return (
          <div key={id}>
            <label htmlFor={inputId} style={{ display: 'flex', justifyContent: 'space-between', color: text.color, fontSize: '13px' }}>
              <span>
                <span aria-hidden style={{ display: 'inline-block', width: 8, height: 8, borderRadius: 2, background: FACTOR_COLORS[id], marginRight: 6 }} />
                {FACTOR_LABELS[id]}
              </span>
              <span style={{ color: text.subtle }}>
                {weights[id]} · {formatPercent(shares[id])}
              </span>
            </label>
            <Range
              id={inputId}
              min={0}
              max={100}
              step={1}
              value={weights[id]}
              isDisabled={disabled ?? false}
              aria-valuetext={`${weights[id]}, ${formatPercent(shares[id])} of the score`}
              onChange={(v) => onChange({ ...weights, [id]: v })}
            />
          </div>
        );
      })}
    </div>
  );
}
