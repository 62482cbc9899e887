export { PreparedReads, type PreparedReadsOptions, type SentAnswer } from './PreparedReads';
export { preparedReadOf, type PreparedRead, type PreparedReadSubgraphs, type ResolvedPlan } from './preparedRead';
