/**
 * Fuzzing the read operations: each gets 2,000 × fc.anything(), 300 exotic fc.anything() values,
 * 2,000 × fc.object() with keys such as `__proto__`, and 2,000 payloads shaped like the real one but broken
 * (wrong types, NaN, ±Infinity, negative and enormous numbers, 100 KB strings, depth-50 nesting), called
 * in-process through the real preview.resolver handler as a user with no access. The handler never throws; every answer is
 * `{ok:true,data}` or `{ok:false,error:{code,message}}` with a contract code; INVALID_PAYLOAD names the failing field.
 * Then 2,000 shaped payloads each as the Product Owner, whose access lets them past FORBIDDEN into the use case.
 */
import { useDemo } from '../integration/harness';
import { garbageTests, productOwnerTests } from './fuzz-kit';

describe('fuzzing the read operations in-process', () => {
  const preview = useDemo();

  garbageTests(['getBacklog', 'explainIssue', 'getRoadmap', 'previewWeights'], () => preview.resolver);
  productOwnerTests(['getBacklog', 'explainIssue', 'getRoadmap', 'previewWeights'], () => preview.resolver);
});
