export * from './AnswerCache';
export * from './answerCachePlugin';
export * from './answerRecord';
export * from './answerFastPath';
