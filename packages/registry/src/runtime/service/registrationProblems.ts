import type { RegistryProblem, ServiceRegistration } from '../types';

/** What the payload schema cannot know: provinces the directory holds, and moves among the zones claimed. */
export function registrationProblems(
  registration: ServiceRegistration,
  moveZones: readonly string[],
  knownProvinces: readonly string[] | undefined,
): RegistryProblem[] {
  const problems: RegistryProblem[] = [];
  if (knownProvinces) {
    registration.zones.forEach((zone, i) => {
      if (!knownProvinces.includes(zone.provinceCode)) {
        problems.push({
          check: 'payload',
          path: `zones[${i}].provinceCode`,
          message: `unknown province "${zone.provinceCode}"; known: ${[...knownProvinces].sort().join(', ')}`,
        });
      }
    });
  }
  const claimed = new Set(registration.zones.map((zone) => zone.id));
  moveZones.forEach((zoneId, i) => {
    if (!claimed.has(zoneId))
      problems.push({ check: 'payload', path: `moveZones[${i}]`, message: `zone "${zoneId}" is moved but not among the zones claimed` });
  });
  return problems;
}
