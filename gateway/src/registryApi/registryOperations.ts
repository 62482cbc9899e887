/** The province's registry operations the HTTP/JSON endpoint runs, one per route. */
const RESULT = 'outcome changeId version supergraphHash problems { check path message } changes { criticality type path message }';

export const REGISTRY_OPERATIONS = {
  register: `mutation RegistryApiRegister($input: ZoneServiceRegistrationInput!, $moveZones: [ID!], $force: Boolean!) { result: registerZoneService(input: $input, moveZones: $moveZones, force: $force) { ${RESULT} } }`,
  update: `mutation RegistryApiUpdate($input: ZoneServiceRegistrationInput!, $moveZones: [ID!], $force: Boolean!) { result: updateZoneService(input: $input, moveZones: $moveZones, force: $force) { ${RESULT} } }`,
  deregister: `mutation RegistryApiDeregister($name: String!, $force: Boolean!) { result: deregisterZoneService(name: $name, force: $force) { ${RESULT} } }`,
  rollback: `mutation RegistryApiRollback($toVersion: Int!) { result: rollbackRegistry(toVersion: $toVersion) { ${RESULT} } }`,
  status: `query RegistryApiStatus { result: registryStatus { version supergraphHash acceptedAt services { name url contact { name email phone } zoneIds registeredBy updatedAt lacking state health { replica state lastSeen checkedAt detail } } } }`,
  history: `query RegistryApiHistory($service: String, $limit: Int!) { result: registryHistory(service: $service, limit: $limit) { id at actor action service outcome problems { check path message } changes { criticality type path message } version supergraphHash forced payload } }`,
} as const;
