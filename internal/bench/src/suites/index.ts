import type { Suite } from '../context';
import { deepPagesSuite } from './deepPages';
import { fanoutSuite } from './fanout';
import { overheadSuite } from './overhead';
import { selectionSuite } from './selection';
import { statementsSuite } from './statements';
import { throughputSuite } from './throughput';
import { writeCostSuite } from './writeCost';

/** In run order. Throughput ends on its largest zone count, which selection then reuses. */
export const SUITES: readonly Suite[] = [overheadSuite, fanoutSuite, statementsSuite, throughputSuite, selectionSuite, deepPagesSuite, writeCostSuite];
