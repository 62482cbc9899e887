import type { View } from '../viewDefinition';
import { comparisonView } from './comparison';
import { enterprisesView } from './enterprises';
import { indicatorsView } from './indicators';
import { partyOrganizationsView } from './partyOrganizations';
import { selectionRunView } from './selectionRun';
import { syntheticRowsView } from './syntheticRows';
import { zonesView } from './zones';

/** Every view, in the order they are documented. */
export const VIEWS: readonly View[] = [zonesView, indicatorsView, comparisonView, enterprisesView, partyOrganizationsView, selectionRunView, syntheticRowsView];
