/**
 * Fuzzing the operations around the ranking (changes since a date, shipped items and telling their customers, the
 * sprint proposal, stakeholder votes, settings previews and presets) as fuzz-read-ops does the read operations:
 * 2,000 × fc.anything(), 300 exotic values, 2,000 objects with keys such as `__proto__` and 2,000 broken shaped
 * payloads as a user with no access, then 2,000 shaped payloads as the Product Owner, whose access lets them into
 * the use case. The handler never throws; every answer is a result or a contract error, and INVALID_PAYLOAD names
 * the failing field.
 */
import type { OperationKey } from '../../src/contract/operations';
import { useDemo } from '../integration/harness';
import { garbageTests, productOwnerTests } from './fuzz-kit';

const OPERATIONS: OperationKey[] = ['getChanges', 'getShipped', 'notifyCustomers', 'planSprint', 'castVote', 'previewConfig', 'listPresets'];

describe('fuzzing the operations around the ranking in-process', () => {
  const preview = useDemo();

  garbageTests(OPERATIONS, () => preview.resolver);
  productOwnerTests(OPERATIONS, () => preview.resolver);
});
