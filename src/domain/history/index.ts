export type { Facts, HistoryPoint, PinFact, PointEntry } from './types';
export { encodeEntries, decodeEntries, factsById, HistoryCorruptError, type StoredEntry } from './encode-point';
export { reasonsBetween, weightsDiffer, type Reason } from './reasons';
export { reasonText, factorWords, type TextContext } from './reason-text';
export { diffPoints, issueSeries, type PointDiff, type RawMove, type SeriesStep } from './diff-points';
export { pointOf } from './point-of';
