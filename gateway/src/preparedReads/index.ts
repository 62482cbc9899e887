export { PreparedReads, type PreparedReadsOptions, type SentAnswer } from './PreparedReads';
export { preparedReadOf, type PreparedRead, type PreparedReadSubgraphs, type PreparedRootRead, type ResolvedPlan } from './preparedRead';
