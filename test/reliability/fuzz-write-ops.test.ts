/**
 * Fuzzing pins, rank sync, config history and the field list: the same garbage tests as
 * fuzz-read-ops.test.ts (2,000 × fc.anything(), 2,000 × fc.object(), 2,000 shaped-but-wrong payloads per
 * operation, in-process, as a user with no access), and 2,000 shaped payloads each as the Product Owner.
 */
import { useDemo } from '../integration/harness';
import { garbageTests, productOwnerTests } from './fuzz-kit';

describe('fuzzing pins, rank sync, config history and listFields in-process', () => {
  const preview = useDemo();

  garbageTests(['setPin', 'planRankSync', 'applyRankSync', 'getConfigHistory', 'listFields'], () => preview.resolver);
  productOwnerTests(['setPin', 'planRankSync', 'applyRankSync', 'getConfigHistory', 'listFields'], () => preview.resolver);
});
