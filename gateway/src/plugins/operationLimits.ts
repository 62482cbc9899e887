import type { OperationPrecheckOptions } from '../http/operationPrecheck';
import type { ArmorLimitsOptions } from './armorLimitsPlugin';
import type { FanOutCostOptions } from './fanOutCostPlugin';
import type { ListSizeLimitOptions } from './listSizeLimitPlugin';
import type { RootFieldLimitOptions } from './rootFieldLimitPlugin';

/** Every limit an operation is checked against before it runs; each option documents its default. */
export type OperationLimits = ArmorLimitsOptions &
  OperationPrecheckOptions &
  RootFieldLimitOptions &
  ListSizeLimitOptions &
  Pick<FanOutCostOptions, 'maxCost' | 'defaultListSize' | 'fetchCost'>;
