import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { ShippedItem } from '../../../src/contract/model';
import { openInJira } from '../../shared/bridge';
import { shippedCsv } from '../../shared/csv';
import { formatDate } from '../../shared/format';
import { useOperation } from '../../shared/use-operation';
import { EmptyView, ErrorView, Loading, text } from '../../shared/ui';
import { NotifyModal } from './notify-modal';
import { SincePicker } from './shipped-since';
import { sinceIso, type Since } from './shipped-text';

function downloadCsv(projectKey: string, items: readonly ShippedItem[]): void {
  const blob = new Blob(['\uFEFF', shippedCsv(items)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `valuerank-${projectKey}-shipped-${new Date().toISOString().slice(0, 10)}.csv`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const hiddenText = (n: number): string => `${n} feedback ticket${n === 1 ? '' : 's'} you cannot open`;

function IssueLink({ issueKey }: { issueKey: string }) {
  return (
    <Button appearance="subtle" spacing="compact" onClick={() => void openInJira(`/browse/${issueKey}`)} aria-label={`Open ${issueKey} in Jira`}>
      {issueKey}
    </Button>
  );
}

function Customers({ item }: { item: ShippedItem }) {
  if (item.customers.length === 0 && item.hiddenTickets === 0) return <span style={{ color: text.subtle }}>No customer feedback behind it</span>;
  return (
    <ul style={{ margin: 0, paddingLeft: 0, listStyle: 'none' }}>
      {item.customers.map((c) => (
        <li key={c.name} style={{ display: 'flex', gap: 4, alignItems: 'center', flexWrap: 'wrap' }}>
          <span style={{ fontWeight: 600 }}>{c.name}</span>
          {c.tickets.map((t) => (
            <IssueLink key={t.key} issueKey={t.key} />
          ))}
        </li>
      ))}
      {item.hiddenTickets > 0 && (
        <li style={{ color: text.subtle }}>{item.customers.length > 0 ? `and ${hiddenText(item.hiddenTickets)}` : hiddenText(item.hiddenTickets)}</li>
      )}
    </ul>
  );
}

/** "9 customers, 10 feedback tickets (2 you cannot open)": how much feedback stands behind the item. */
function askedBy(item: ShippedItem): string {
  const customers = item.customers.length;
  const tickets = item.customers.reduce((n, c) => n + c.tickets.length, 0) + item.hiddenTickets;
  if (tickets === 0) return 'No feedback tickets';
  const who = customers > 0 ? `${customers} customer${customers === 1 ? '' : 's'}, ` : '';
  const hidden = item.hiddenTickets > 0 ? ` (${item.hiddenTickets} you cannot open)` : '';
  return `${who}${tickets} feedback ticket${tickets === 1 ? '' : 's'}${hidden}`;
}

const cell = { padding: token('space.100', '8px'), verticalAlign: 'top', borderBottom: `1px solid ${token('color.border', '#091E4224')}` } as const;

/** The "Shipped" tab: what was done in a period, the customers who asked for it, and a way to tell them. */
export function ShippedView({ projectKey }: { projectKey: string }) {
  const [since, setSince] = useState<Since>({ days: 30 });
  const [telling, setTelling] = useState<ShippedItem | null>(null);
  const iso = sinceIso(since);
  const { data, error, loading, reload } = useOperation('getShipped', iso === null ? null : { projectKey, since: iso });
  const items = data?.items ?? [];

  return (
    <section aria-label="Shipped items">
      <div
        style={{ display: 'flex', gap: token('space.200', '16px'), alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', marginBottom: 12 }}
      >
        <SincePicker since={since} onChange={setSince} />
        <Button onClick={() => downloadCsv(projectKey, items)} isDisabled={items.length === 0}>
          Export CSV
        </Button>
      </div>
      {iso === null && <p style={{ color: text.subtle }}>Pick a date to list what was done since then.</p>}
      {error && <ErrorView error={error} onRetry={reload} />}
      {iso !== null && !error && loading && data === null && <Loading label="Loading what was shipped…" />}
      {data !== null && !error && items.length === 0 && (
        <EmptyView header="Nothing shipped in this period" description="Items appear here when they are done in Jira and leave the ranked backlog." />
      )}
      {items.length > 0 && (
        <table style={{ width: '100%', borderCollapse: 'collapse' }} aria-busy={loading}>
          <caption style={{ textAlign: 'left', color: text.subtle, paddingBottom: 8, fontSize: 14, fontWeight: 400 }}>
            {items.length} item{items.length === 1 ? '' : 's'} done since {formatDate(iso)}
          </caption>
          <thead>
            <tr style={{ textAlign: 'left' }}>
              <th style={cell}>Item</th>
              <th style={cell}>Done</th>
              <th style={cell}>Customers who asked</th>
              <th style={cell}>Customers told</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.key}>
                <td style={cell}>
                  <div style={{ display: 'flex', gap: 4, alignItems: 'baseline' }}>
                    <IssueLink issueKey={item.key} />
                    <span>{item.summary}</span>
                  </div>
                  <div style={{ fontSize: 12, color: text.subtle, marginTop: 4 }}>{askedBy(item)}</div>
                </td>
                <td style={{ ...cell, whiteSpace: 'nowrap' }}>{formatDate(item.resolvedAt)}</td>
                <td style={cell}>
                  <Customers item={item} />
                </td>
                <td style={cell}>
                  <div style={{ display: 'flex', flexDirection: 'column', gap: 6, alignItems: 'flex-start' }}>
                    {item.notifiedAt !== undefined && <Lozenge appearance="success">told {formatDate(item.notifiedAt)}</Lozenge>}
                    {item.customers.length + item.hiddenTickets > 0 && (
                      <Button appearance={item.notifiedAt === undefined ? 'primary' : 'default'} spacing="compact" onClick={() => setTelling(item)}>
                        Tell the customers
                      </Button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {telling && (
        <NotifyModal
          projectKey={projectKey}
          item={telling}
          onClose={(changed) => {
            setTelling(null);
            if (changed) reload();
          }}
        />
      )}
    </section>
  );
}
