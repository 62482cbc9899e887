import type { ApolloServerPlugin } from '@apollo/server';
import { Kind } from 'graphql';
import { limitExceeded } from './limitExceeded';

export interface OperationNameLimitOptions {
  /**
   * Longest name of an operation in the document (the `operationName` parameter is checked before parsing).
   * @default 100
   */
  readonly maxOperationNameLength?: number;
}

/** Refuses a document naming an operation too long (`LIMIT_EXCEEDED`, limit `operationName`). */
export function operationNameLimitPlugin({ maxOperationNameLength = 100 }: OperationNameLimitOptions = {}): ApolloServerPlugin {
  return {
    requestDidStart: async () => ({
      didResolveOperation: async ({ document }) => {
        for (const definition of document.definitions) {
          const length = definition.kind === Kind.OPERATION_DEFINITION ? (definition.name?.value.length ?? 0) : 0;
          if (length > maxOperationNameLength) throw limitExceeded('operationName', maxOperationNameLength, length);
        }
      },
    }),
  };
}
