import Tooltip from '@atlaskit/tooltip';
import type { BacklogItem } from '../../../src/contract/model';
import { hiddenEvidence } from '../../shared/hidden-evidence';
import { text } from '../../shared/ui';

/** The customer count of a backlog row; when part of its feedback is out of the person's reach, a tooltip counts it. */
export function CustomersCell({ item }: { item: Pick<BacklogItem, 'customers' | 'factors'> }) {
  const hidden = hiddenEvidence(item).customerVoice;
  const count = <span style={{ color: item.customers > 0 ? text.color : text.subtlest }}>{item.customers}</span>;
  if (hidden.length === 0) return count;
  const said = hidden.join('; ');
  return (
    <Tooltip content={said}>
      {(p) => (
        <span
          {...p}
          tabIndex={0}
          aria-label={`${item.customers} ${item.customers === 1 ? 'customer' : 'customers'}; ${said}`}
          style={{ borderBottom: `1px dotted ${text.subtlest}`, cursor: 'help' }}
        >
          {count}
        </span>
      )}
    </Tooltip>
  );
}
