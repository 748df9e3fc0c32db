/**
 * Issue 8, requirement 4 (pins, rank sync, config history, field list): the same garbage tests as
 * fuzz-read-ops.test.ts (2,000 × fc.anything(), 2,000 × fc.object(), 2,000 shaped-but-wrong payloads per
 * operation, in-process, as a user with no access), and 2,000 shaped payloads each as the Product Owner.
 */
import type { ResolverHandler } from '../../dev/runtime';
import { startDemo } from '../integration/harness';
import { garbageTests, productOwnerTests } from './fuzz-kit';
import { loadResolver } from './helpers';

describe('fuzzing pins, rank sync, config history and listFields in-process', () => {
  let preview: Awaited<ReturnType<typeof startDemo>>;
  let resolver: ResolverHandler;
  beforeAll(async () => {
    preview = await startDemo();
    resolver = await loadResolver();
  }, 60_000);
  afterAll(async () => {
    await preview?.close();
  });

  garbageTests(['setPin', 'planRankSync', 'applyRankSync', 'getConfigHistory', 'listFields'], () => resolver);
  productOwnerTests(['setPin', 'planRankSync', 'applyRankSync', 'getConfigHistory', 'listFields'], () => resolver);
});
