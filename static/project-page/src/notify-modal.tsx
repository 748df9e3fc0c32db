import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import SectionMessage from '@atlaskit/section-message';
import Textfield from '@atlaskit/textfield';
import type { ShippedItem } from '../../../src/contract/model';
import type { ResultMap } from '../../../src/contract/operations';
import { invoke, OperationFailure } from '../../shared/invoke';
import { toOperationFailure } from '../../shared/invoke-core';
import { ErrorView, text } from '../../shared/ui';
import { notifyOutcome, plural } from './shipped-text';

const MAX_TEXT = 2000;

/** "Tell the customers": one internal comment on each feedback ticket behind `item`, as the user, never twice. */
export function NotifyModal({ projectKey, item, onClose }: { projectKey: string; item: ShippedItem; onClose: (changed: boolean) => void }) {
  const [message, setMessage] = useState(`${item.summary} (${item.key}) is done and available now. Thank you for asking for it.`);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<OperationFailure | null>(null);
  const [result, setResult] = useState<ResultMap['notifyCustomers'] | null>(null);
  const trimmed = message.trim();
  const tickets = item.customers.reduce((n, c) => n + c.tickets.length, 0) + item.hiddenTickets;

  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await invoke('notifyCustomers', { projectKey, issueKey: item.key, text: trimmed }));
    } catch (e) {
      setError(toOperationFailure('notifyCustomers', e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal onClose={() => !busy && onClose(result !== null)} label={`Tell the customers about ${item.key}`} shouldCloseOnOverlayClick={!busy}>
      <ModalHeader>
        <ModalTitle>Tell the customers about {item.key}</ModalTitle>
      </ModalHeader>
      <ModalBody>
        {result === null ? (
          <>
            <p style={{ marginTop: 0, color: text.subtle }}>
              Adds this text as one internal comment, in your name, to each of the {plural(tickets, 'feedback ticket', 'feedback tickets')} behind {item.key},
              so the support team can answer the customers. A ticket is never commented twice for the same item.
            </p>
            <label htmlFor="notify-text" style={{ fontWeight: 600, display: 'block', marginBottom: 4 }}>
              Message
            </label>
            <Textfield
              id="notify-text"
              value={message}
              maxLength={MAX_TEXT}
              isInvalid={trimmed === ''}
              onChange={(e) => setMessage(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && trimmed !== '' && !busy) void send();
              }}
            />
            <div style={{ fontSize: 12, color: text.subtle, marginTop: 4 }}>
              {trimmed === '' ? 'Write a short message first.' : `${message.length} of ${MAX_TEXT} characters`}
            </div>
            {error && (
              <div style={{ marginTop: 12 }}>
                <ErrorView error={error} title={error.code === 'PARTIAL_FAILURE' ? 'Some tickets were told; Jira stopped before the rest' : undefined} />
              </div>
            )}
          </>
        ) : (
          <SectionMessage appearance={result.commented > 0 ? 'success' : 'information'} title={result.commented > 0 ? 'Customers told' : 'Nothing new to add'}>
            <p>{notifyOutcome(result)}</p>
          </SectionMessage>
        )}
      </ModalBody>
      <ModalFooter>
        {result === null ? (
          <>
            <Button appearance="subtle" onClick={() => onClose(false)} isDisabled={busy}>
              Cancel
            </Button>
            <Button appearance="primary" onClick={() => void send()} isDisabled={trimmed === '' || busy} isLoading={busy}>
              Add internal comments
            </Button>
          </>
        ) : (
          <Button appearance="primary" onClick={() => onClose(true)} autoFocus>
            Close
          </Button>
        )}
      </ModalFooter>
    </Modal>
  );
}
