/**
 * deploy/k8s checks. There is no Kubernetes cluster where the tests run, so the manifests
 * are checked statically:
 *
 * - every file parses and the kustomization lists exactly the manifest files; every object
 *   validates against the Kubernetes 1.30 JSON schema of its kind, vendored in
 *   tests/fixtures/k8s/schemas (origin and sha256 in sources.json), and the kustomization
 *   against a minimal schema written for it;
 * - wiring: selectors match pod labels, Services target container ports that exist, every
 *   URL a service is given names a Service and port that reach the right process, every
 *   DATABASE_URL its own PostgreSQL with that server's user, database and password;
 * - probes: readiness and liveness on every container, on ports it listens on and paths it
 *   serves (the gateway: /ready and /health; zone services and the province: the /health
 *   check docker-compose.yml uses; PostgreSQL: pg_isready on its own database);
 * - environment: every variable one the service reads (tests/fixtures/k8s/serviceEnvironment,
 *   shared with tests/compose.test.ts) or only used to build another, every value accepted
 *   by the service's own configuration code; the gateway in registry mode on the province's
 *   database with two or more replicas that a rolling update keeps ready;
 * - the pods run as non-root users with NODE_ENV=production, resource requests and limits;
 * - with kubectl on the machine, `kubectl kustomize` renders the whole deployment.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { parse, parseAllDocuments } from 'yaml';
import { parseSigningKeys } from '@devzone/auth';
import { metricsAccessFromEnv } from '@devzone/observability';
import { StaticZoneServiceRegistry } from '@devzone/registry';
import {
  gatewayConfig,
  misspelledGatewayVariables,
  provinceConfig,
  unreadVariables,
  zoneServiceConfig,
  type Environment,
  type ServiceKind,
} from './fixtures/k8s/serviceEnvironment';

const REPO_ROOT = path.resolve(__dirname, '..');
const K8S_DIR = path.join(REPO_ROOT, 'deploy/k8s');
const SCHEMA_DIR = path.join(__dirname, 'fixtures/k8s/schemas');
/** The image the kustomization's `images` entry points at the registry the cluster pulls from. */
const APP_IMAGE = 'devzone-graph';
const NAMESPACE = 'devzone-graph';
/** What a deployment puts in the signing-keys Secret (the committed template is refused on purpose). */
const DEPLOYMENT_SIGNING_KEYS = `k2026:${'n'.repeat(64)}`;
/** A pod name as the Deployment controller makes them, for fieldRef metadata.name. */
const SAMPLE_POD_NAME = 'gateway-7c9d8f6b5d-x2x7k';

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string; optional?: boolean }; fieldRef?: { fieldPath: string } };
}
interface Probe {
  httpGet?: { path?: string; port: number | string };
  exec?: { command: string[] };
  tcpSocket?: { port: number | string };
}
interface Container {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  ports?: Array<{ name?: string; containerPort: number }>;
  env?: EnvVar[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: { allowPrivilegeEscalation?: boolean; readOnlyRootFilesystem?: boolean; capabilities?: { drop?: string[] }; runAsNonRoot?: boolean };
  volumeMounts?: Array<{ name: string; mountPath: string }>;
}
interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  enableServiceLinks?: boolean;
  automountServiceAccountToken?: boolean;
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number; runAsGroup?: number; seccompProfile?: { type: string } };
  volumes?: Array<{ name: string; emptyDir?: unknown; persistentVolumeClaim?: unknown }>;
}
interface Metadata {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
}
interface Workload {
  apiVersion: string;
  kind: 'Deployment' | 'StatefulSet';
  metadata: Metadata;
  spec: {
    replicas?: number;
    serviceName?: string;
    selector: { matchLabels: Record<string, string> };
    strategy?: { type?: string; rollingUpdate?: { maxSurge?: number | string; maxUnavailable?: number | string } };
    template: { metadata: { labels: Record<string, string> }; spec: PodSpec };
    volumeClaimTemplates?: Array<{ metadata: { name: string } }>;
  };
}
interface ServiceObject {
  apiVersion: string;
  kind: 'Service';
  metadata: Metadata;
  spec: { selector: Record<string, string>; clusterIP?: string; ports: Array<{ name?: string; port: number; targetPort?: number | string }> };
}
interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: Metadata;
  spec?: unknown;
}
interface Manifest {
  readonly file: string;
  readonly object: K8sObject;
}
interface Kustomization {
  namespace?: string;
  resources: string[];
  images?: Array<{ name: string; newName?: string; newTag?: string }>;
  secretGenerator?: Array<{ name: string; envs?: string[] }>;
}
interface SchemaSources {
  kubernetes: { files: Array<{ file: string; apiVersion: string; kind: string; sha256: string }> };
}

const kustomization = parse(readFileSync(path.join(K8S_DIR, 'kustomization.yaml'), 'utf8')) as Kustomization;
const manifests: Manifest[] = kustomization.resources.flatMap((file) =>
  parseAllDocuments(readFileSync(path.join(K8S_DIR, file), 'utf8')).map((document) => {
    if (document.errors.length > 0) throw new Error(`${file}: ${document.errors.map((error) => error.message).join('; ')}`);
    return { file, object: document.toJS() as K8sObject };
  }),
);
const objects = manifests.map((manifest) => manifest.object);
const workloads = objects.filter((object): object is Workload => object.kind === 'Deployment' || object.kind === 'StatefulSet');
const deployments = workloads.filter((workload) => workload.kind === 'Deployment');
const statefulSets = workloads.filter((workload) => workload.kind === 'StatefulSet');
const servicesByName = new Map(objects.filter((object): object is ServiceObject => object.kind === 'Service').map((object) => [object.metadata.name, object]));

/** Secret name → its keys and values, from the templates (the signing key replaced by a valid one). */
const secretValues: Record<string, Record<string, string>> = Object.fromEntries(
  (kustomization.secretGenerator ?? []).map((generator) => {
    const values = Object.assign({}, ...(generator.envs ?? []).map((envFile) => readEnvFile(exampleOf(envFile)))) as Record<string, string>;
    if ('SERVICE_SIGNING_KEYS' in values) values.SERVICE_SIGNING_KEYS = DEPLOYMENT_SIGNING_KEYS;
    return [generator.name, values];
  }),
);

function formatAjvErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((error) => `  ${error.instancePath || '(root)'} ${error.message ?? ''} ${JSON.stringify(error.params)}`).join('\n');
}

/** `KEY=value` lines; `#` comments and blank lines skipped, as kustomize reads env files. */
function readEnvFile(file: string): Record<string, string> {
  const entries = readFileSync(path.join(K8S_DIR, file), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]);
  return Object.fromEntries(entries);
}

/** The committed template of a git-ignored env file: secrets/x.env → secrets/x.example.env. */
function exampleOf(envFile: string): string {
  return envFile.replace(/\.env$/, '.example.env');
}

function workload(kind: Workload['kind'], name: string): Workload {
  const found = workloads.find((candidate) => candidate.kind === kind && candidate.metadata.name === name);
  if (!found) throw new Error(`deploy/k8s has no ${kind} "${name}"`);
  return found;
}

function serviceNamed(name: string): ServiceObject {
  const found = servicesByName.get(name);
  if (!found) throw new Error(`deploy/k8s has no Service "${name}"`);
  return found;
}

/** The workloads whose pods a Service selects. */
function selectedBy(service: ServiceObject): Workload[] {
  return workloads.filter((candidate) => Object.entries(service.spec.selector).every(([key, value]) => candidate.spec.template.metadata.labels[key] === value));
}

function onlyContainer(target: Workload): Container {
  expect([target.metadata.name, target.spec.template.spec.containers.length]).toEqual([target.metadata.name, 1]);
  return target.spec.template.spec.containers[0];
}

/** A container port by number or name. */
function containerPort(container: Container, port: number | string): number | undefined {
  return container.ports?.find((candidate) => candidate.containerPort === port || candidate.name === port)?.containerPort;
}

/** The kind of Node service a container runs, from its command (undefined: not one of ours). */
function kindOf(container: Container): ServiceKind | undefined {
  const entry = container.command?.at(-1) ?? '';
  if (container.image !== APP_IMAGE) return undefined;
  if (entry === 'gateway/dist/main.js') return 'gateway';
  if (entry === 'subgraphs/province/dist/main.js') return 'province';
  return /^subgraphs\/[a-z]+\/dist\/main\.js$/.test(entry) ? 'zone' : undefined;
}

/**
 * A container's environment as the kubelet gives it: Secret and pod-field references
 * resolved, `$(NAME)` expanded from the entries before it (`$$` escapes a `$`), a reference
 * to an unknown name left as written. `composedOnly`: names used only inside other values.
 */
function environmentOf(container: Container): { env: Environment; composedOnly: string[] } {
  const env: Record<string, string> = {};
  const referenced = new Set<string>();
  for (const variable of container.env ?? []) {
    let value: string;
    if (variable.value !== undefined) {
      value = variable.value.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (match, name: string | undefined) => {
        if (name === undefined) return '$';
        if (!(name in env)) return match;
        referenced.add(name);
        return env[name];
      });
    } else if (variable.valueFrom?.secretKeyRef) {
      const { name, key } = variable.valueFrom.secretKeyRef;
      const secret = secretValues[name];
      if (!secret || !(key in secret)) throw new Error(`${container.name}: ${variable.name} refers to ${name}/${key}, which no secretGenerator template holds`);
      value = secret[key];
    } else if (variable.valueFrom?.fieldRef?.fieldPath === 'metadata.name') {
      value = SAMPLE_POD_NAME;
    } else {
      throw new Error(`${container.name}: ${variable.name} has no value this test knows how to resolve`);
    }
    env[variable.name] = value;
  }
  return { env, composedOnly: [...referenced] };
}

/** The Service and container a URL reaches inside the namespace (`http://<service>:<port>/...`). */
function reachedBy(url: string): { service: ServiceObject; target: Workload; container: Container } {
  const parsed = new URL(url);
  const service = serviceNamed(parsed.hostname);
  const port = service.spec.ports.find((candidate) => String(candidate.port) === parsed.port);
  if (!port) throw new Error(`${url}: Service ${parsed.hostname} has no port ${parsed.port}`);
  const [target] = selectedBy(service);
  const container = onlyContainer(target);
  expect([url, containerPort(container, port.targetPort ?? port.port)]).toEqual([url, expect.any(Number)]);
  return { service, target, container };
}

const composeServices = (parse(readFileSync(path.join(REPO_ROOT, 'docker-compose.yml'), 'utf8')) as { services: Record<string, ComposeService> }).services;
interface ComposeService {
  command?: string[];
  healthcheck?: { test?: string[] };
  environment?: Record<string, string>;
}

describe('deploy/k8s: files and schemas', () => {
  const sources = JSON.parse(readFileSync(path.join(SCHEMA_DIR, 'sources.json'), 'utf8')) as SchemaSources;
  // int-or-string and the numeric formats are how the OpenAPI schemas are written; their
  // types are checked, the formats themselves are accepted as they are.
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    validateSchema: false,
    formats: { int32: true, int64: true, double: true, byte: true, 'date-time': true },
  });
  const validators = new Map<string, ValidateFunction>(
    sources.kubernetes.files.map(({ file, apiVersion, kind }) => [
      `${apiVersion} ${kind}`,
      ajv.compile(JSON.parse(readFileSync(path.join(SCHEMA_DIR, file), 'utf8')) as object),
    ]),
  );
  const validatorOf = (apiVersion: string, kind: string): ValidateFunction => {
    const validate = validators.get(`${apiVersion} ${kind}`);
    if (!validate) throw new Error(`no vendored schema for ${apiVersion} ${kind}: add it to tests/fixtures/k8s/schemas and sources.json`);
    return validate;
  };

  it('vendors each Kubernetes schema unchanged (sha256 as recorded in sources.json)', () => {
    for (const { file, sha256 } of sources.kubernetes.files) {
      expect([
        file,
        createHash('sha256')
          .update(readFileSync(path.join(SCHEMA_DIR, file)))
          .digest('hex'),
      ]).toEqual([file, sha256]);
    }
    const onDisk = readdirSync(SCHEMA_DIR).filter((file) => file.endsWith('.json') && file !== 'sources.json' && file !== 'kustomization.json');
    expect(onDisk.sort()).toEqual(sources.kubernetes.files.map(({ file }) => file).sort());
  });

  it('lists every manifest file in kustomization.yaml, and only those', () => {
    const files = readdirSync(K8S_DIR).filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml');
    expect([...kustomization.resources].sort()).toEqual(files.sort());
    expect(kustomization.namespace).toBe(NAMESPACE);
    expect(objects.filter((object) => object.kind === 'Namespace').map((object) => object.metadata.name)).toEqual([NAMESPACE]);
    // The kustomization sets the namespace; a file naming another would escape it.
    expect(objects.filter((object) => object.metadata.namespace !== undefined && object.metadata.namespace !== NAMESPACE)).toEqual([]);
  });

  it('validates kustomization.yaml against its schema', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(
      JSON.parse(readFileSync(path.join(SCHEMA_DIR, 'kustomization.json'), 'utf8')) as object,
    );
    if (!validate(kustomization)) throw new Error(`kustomization.yaml:\n${formatAjvErrors(validate.errors)}`);
    expect(validate({ ...kustomization, resource: [] })).toBe(false);
  });

  it('validates every object against the Kubernetes 1.30 schema of its kind', () => {
    for (const { file, object } of manifests) {
      const label = `${file}: ${object.kind} ${object.metadata.name}`;
      const validate = validatorOf(object.apiVersion, object.kind);
      if (!validate(object)) throw new Error(`${label}:\n${formatAjvErrors(validate.errors)}`);
    }
    const names = objects.map((object) => `${object.kind}/${object.metadata.name}`);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  });

  it('validates the Secrets the generator makes from the committed templates', () => {
    for (const [name, values] of Object.entries(secretValues)) {
      const secret = {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name },
        type: 'Opaque',
        data: Object.fromEntries(Object.entries(values).map(([key, value]) => [key, Buffer.from(value).toString('base64')])),
      };
      const validate = validatorOf('v1', 'Secret');
      if (!validate(secret)) throw new Error(`Secret ${name}:\n${formatAjvErrors(validate.errors)}`);
    }
  });

  it('refuses broken objects (the schemas are strict, not a no-op)', () => {
    const gateway = workload('Deployment', 'gateway');
    const container = gateway.spec.template.spec.containers[0];
    const broken: Array<[string, K8sObject]> = [
      ['unknown container field', withContainer(gateway, { ...container, imagee: 'x' } as Container)],
      [
        'probe port of the wrong type',
        withContainer(gateway, { ...container, readinessProbe: { httpGet: { path: '/ready', port: { name: 'http' } as unknown as string } } }),
      ],
      ['replicas as text', { ...gateway, spec: { ...gateway.spec, replicas: 'two' as unknown as number } }],
      ['unknown top-level field', { ...gateway, specs: {} } as K8sObject],
    ];
    for (const [label, object] of broken) expect([label, validatorOf('apps/v1', 'Deployment')(object)]).toEqual([label, false]);
  });

  it('keeps the real secrets out of git: each generator reads a git-ignored file that has a committed template', () => {
    const ignore = readFileSync(path.join(K8S_DIR, 'secrets/.gitignore'), 'utf8').split('\n');
    expect(ignore).toEqual(expect.arrayContaining(['*.env', '!*.example.env']));
    for (const generator of kustomization.secretGenerator ?? []) {
      for (const envFile of generator.envs ?? []) {
        expect([envFile, path.dirname(envFile), existsSync(path.join(K8S_DIR, exampleOf(envFile)))]).toEqual([envFile, 'secrets', true]);
        expect([envFile, git(['check-ignore', '--quiet', path.join('deploy/k8s', envFile)]).status]).toEqual([envFile, 0]);
        expect([envFile, git(['check-ignore', '--quiet', path.join('deploy/k8s', exampleOf(envFile))]).status]).toEqual([envFile, 1]);
      }
    }
    // A template copied unchanged does not start a service with a published key.
    const template = readEnvFile(exampleOf('secrets/signing-keys.env'));
    expect(() => parseSigningKeys(template.SERVICE_SIGNING_KEYS)).toThrow(/at least 32 characters/);
  });

  it('refers only to Secret keys a template holds, and the templates hold only keys that are used', () => {
    const used = new Set<string>();
    for (const target of workloads) {
      for (const container of target.spec.template.spec.containers) {
        for (const variable of container.env ?? []) {
          const ref = variable.valueFrom?.secretKeyRef;
          if (!ref) continue;
          expect([container.name, ref.name, ref.key, ref.key in (secretValues[ref.name] ?? {})]).toEqual([container.name, ref.name, ref.key, true]);
          used.add(`${ref.name}/${ref.key}`);
        }
      }
    }
    const held = Object.entries(secretValues).flatMap(([name, values]) => Object.keys(values).map((key) => `${name}/${key}`));
    expect(held.sort()).toEqual([...used].sort());
  });
});

describe('deploy/k8s: workloads, Services and probes', () => {
  it('has a Deployment and a Service for every zone service, the province and the gateway, and a PostgreSQL StatefulSet per database', () => {
    const composeNodeServices = Object.keys(composeServices).filter((name) => /^zone-|^province$/.test(name));
    expect(deployments.map((target) => target.metadata.name).sort()).toEqual([...composeNodeServices, 'gateway'].sort());
    for (const target of deployments) expect([target.metadata.name, servicesByName.has(target.metadata.name)]).toEqual([target.metadata.name, true]);
    const composeDatabases = Object.keys(composeServices).filter((name) => name.startsWith('db-'));
    expect(statefulSets.map((target) => target.metadata.name).sort()).toEqual(composeDatabases.sort());
  });

  it('selects each workload’s own pods, and every Service targets a port its pods open', () => {
    for (const target of workloads) {
      const { matchLabels } = target.spec.selector;
      const labels = target.spec.template.metadata.labels;
      expect([target.metadata.name, Object.keys(matchLabels).length > 0]).toEqual([target.metadata.name, true]);
      for (const [key, value] of Object.entries(matchLabels)) expect([target.metadata.name, key, labels[key]]).toEqual([target.metadata.name, key, value]);
      const others = workloads.filter(
        (other) => other !== target && Object.entries(matchLabels).every(([key, value]) => other.spec.template.metadata.labels[key] === value),
      );
      expect([target.metadata.name, others.map((other) => other.metadata.name)]).toEqual([target.metadata.name, []]);
    }
    for (const service of servicesByName.values()) {
      const selected = selectedBy(service);
      expect([service.metadata.name, selected.map((target) => target.metadata.name)]).toEqual([service.metadata.name, [service.metadata.name]]);
      const container = onlyContainer(selected[0]);
      for (const port of service.spec.ports) {
        expect([service.metadata.name, port.port, containerPort(container, port.targetPort ?? port.port)]).toEqual([
          service.metadata.name,
          port.port,
          expect.any(Number),
        ]);
      }
    }
    for (const database of statefulSets)
      expect([database.metadata.name, serviceNamed(database.spec.serviceName ?? '').spec.clusterIP]).toEqual([database.metadata.name, 'None']);
  });

  it('probes every Node service over HTTP on the port it listens on: the gateway /ready and /health, the others the /health check compose uses', () => {
    for (const target of deployments) {
      const container = onlyContainer(target);
      const name = target.metadata.name;
      const listens = Number(environmentOf(container).env.PORT);
      const probes = { readiness: container.readinessProbe, liveness: container.livenessProbe, startup: container.startupProbe };
      for (const [which, probe] of Object.entries(probes)) {
        expect([name, which, probe?.httpGet?.path]).toEqual([name, which, expect.any(String)]);
        expect([name, which, containerPort(container, probe!.httpGet!.port)]).toEqual([name, which, listens]);
      }
      if (kindOf(container) === 'gateway') {
        expect([container.readinessProbe?.httpGet?.path, container.livenessProbe?.httpGet?.path]).toEqual(['/ready', '/health']);
      } else {
        const composeCheck = /'(\/[a-z]+)'/.exec(JSON.stringify(composeServices[name].healthcheck?.test ?? ''))?.[1];
        expect([name, composeCheck]).toEqual([name, '/health']);
        expect([name, container.readinessProbe?.httpGet?.path, container.livenessProbe?.httpGet?.path]).toEqual([name, composeCheck, composeCheck]);
      }
    }
  });

  it('probes every PostgreSQL server with pg_isready on its own database, over TCP', () => {
    for (const target of statefulSets) {
      const container = onlyContainer(target);
      const { env } = environmentOf(container);
      for (const probe of [container.readinessProbe, container.livenessProbe, container.startupProbe]) {
        expect([target.metadata.name, probe?.exec?.command]).toEqual([
          target.metadata.name,
          ['pg_isready', '-h', '127.0.0.1', '-p', String(containerPort(container, 'postgres')), '-U', env.POSTGRES_USER, '-d', env.POSTGRES_DB],
        ]);
      }
      const data = container.volumeMounts?.find((mount) => mount.mountPath === '/var/lib/postgresql/data');
      expect([target.metadata.name, target.spec.volumeClaimTemplates?.map((claim) => claim.metadata.name)]).toEqual([target.metadata.name, [data?.name]]);
      expect([target.metadata.name, env.PGDATA?.startsWith('/var/lib/postgresql/data/')]).toEqual([target.metadata.name, true]);
    }
  });

  it('runs every Node service from the app image, with the command compose gives it', () => {
    expect(kustomization.images).toEqual([expect.objectContaining({ name: APP_IMAGE, newName: expect.any(String), newTag: expect.any(String) })]);
    for (const target of deployments) {
      const container = onlyContainer(target);
      const composeName = target.metadata.name === 'gateway' ? 'gateway-1' : target.metadata.name;
      expect([target.metadata.name, container.image, container.command]).toEqual([target.metadata.name, APP_IMAGE, composeServices[composeName].command]);
      expect([target.metadata.name, kindOf(container)]).toEqual([target.metadata.name, expect.any(String)]);
    }
  });

  it('runs at least two gateway replicas, and a rolling update never takes a ready one away first', () => {
    const gateway = workload('Deployment', 'gateway');
    expect(gateway.spec.replicas).toBeGreaterThanOrEqual(2);
    expect(gateway.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } });
    const budget = objects.find((object) => object.kind === 'PodDisruptionBudget') as
      { spec: { minAvailable: number; selector: { matchLabels: Record<string, string> } } } | undefined;
    expect(budget?.spec.selector.matchLabels).toEqual(gateway.spec.selector.matchLabels);
    expect(budget?.spec.minAvailable).toBeGreaterThanOrEqual(1);
    // Every Node service keeps its one pod until the new one is ready.
    for (const target of deployments) expect([target.metadata.name, target.spec.strategy?.rollingUpdate?.maxUnavailable]).toEqual([target.metadata.name, 0]);
  });

  it('routes the Ingress to the gateway Service', () => {
    const ingress = objects.find((object) => object.kind === 'Ingress') as
      { spec: { rules: Array<{ http: { paths: Array<{ backend: { service: { name: string; port: { name?: string; number?: number } } } }> } }> } } | undefined;
    const backends = ingress?.spec.rules.flatMap((rule) => rule.http.paths.map((route) => route.backend.service)) ?? [];
    expect(backends.length).toBeGreaterThan(0);
    for (const backend of backends) {
      expect(backend.name).toBe('gateway');
      expect(serviceNamed('gateway').spec.ports.some((port) => port.name === backend.port.name || port.port === backend.port.number)).toBe(true);
    }
  });
});

describe('deploy/k8s: environment and wiring', () => {
  const nodeContainers = deployments.map((target) => ({ name: target.metadata.name, container: onlyContainer(target) }));

  it('sets on every Node service only variables it reads, or only uses to build another', () => {
    expect(misspelledGatewayVariables()).toEqual([]);
    for (const { name, container } of nodeContainers) {
      const { env, composedOnly } = environmentOf(container);
      const unread = unreadVariables(kindOf(container)!, env).filter((variable) => !composedOnly.includes(variable));
      expect([name, unread]).toEqual([name, []]);
      expect([name, env.NODE_ENV]).toEqual([name, 'production']);
      // A $(NAME) left unexpanded would reach the service as written.
      expect([name, Object.entries(env).filter(([, value]) => /\$\([A-Za-z_]/.test(value))]).toEqual([name, []]);
    }
  });

  it("gives every Node service METRICS_TOKEN from the signing-keys Secret, optional (the template's empty value leaves /metrics to the pod)", () => {
    for (const { name, container } of nodeContainers) {
      const reference = container.env?.find((variable) => variable.name === 'METRICS_TOKEN')?.valueFrom?.secretKeyRef;
      expect([name, reference]).toEqual([name, { name: 'devzone-signing-keys', key: 'METRICS_TOKEN', optional: true }]);
      expect([name, metricsAccessFromEnv(environmentOf(container).env)]).toEqual([name, { public: false, token: undefined }]);
    }
  });

  it("gives every zone service and the province values they accept, each DATABASE_URL on its own PostgreSQL with that server's credentials", () => {
    for (const { name, container } of nodeContainers.filter(({ container }) => kindOf(container) !== 'gateway')) {
      const { env } = environmentOf(container);
      const config = kindOf(container) === 'zone' ? zoneServiceConfig(env) : provinceConfig(env).config;
      expect([name, config.PORT, config.HOST]).toEqual([name, containerPort(container, 'http'), '0.0.0.0']);
      expect([name, config.SERVICE_SIGNING_KEYS.map((key) => key.id)]).toEqual([name, ['k2026']]);
      expectOwnDatabase(name, container, 'DATABASE_URL');
    }
  });

  it('has the province register every zone service Deployment, at its Service, with the zones compose registers', () => {
    const { container } = nodeContainers.find(({ name }) => name === 'province')!;
    const { registers, staticList } = provinceConfig(environmentOf(container).env);
    expect(staticList).toBe(false);
    const composeList = StaticZoneServiceRegistry.fromEnv(composeServices.province.environment ?? {}, 'REGISTER_ZONE_SERVICES').services();
    expect(registers).toEqual(composeList);
    const zoneDeployments = nodeContainers.filter(({ container: candidate }) => kindOf(candidate) === 'zone');
    expect(registers.map((entry) => `zone-${entry.name}`).sort()).toEqual(zoneDeployments.map(({ name }) => name).sort());
    for (const entry of registers) {
      const { container: reached } = reachedBy(entry.url);
      expect([entry.name, reached.command?.at(-1)]).toEqual([entry.name, `subgraphs/${entry.name}/dist/main.js`]);
    }
  });

  it("runs the gateway in registry mode on the province's database, with the pod's name as replica id and its state file on a volume", () => {
    const { container } = nodeContainers.find(({ name }) => name === 'gateway')!;
    const { env } = environmentOf(container);
    const { config } = gatewayConfig(env);
    if (config.mode !== 'registry') throw new Error(`the gateway runs in ${config.mode} mode: expected the runtime registry (REGISTRY_DATABASE_URL)`);
    const province = nodeContainers.find(({ name }) => name === 'province')!.container;
    expect(config.registrySource.databaseUrl).toBe(environmentOf(province).env.DATABASE_URL);
    expectOwnDatabase('gateway', container, 'REGISTRY_DATABASE_URL');
    expect(config.registrySource.replicaId).toBe(SAMPLE_POD_NAME);
    const stateFolder = path.posix.dirname(config.registrySource.stateFile);
    const mount = container.volumeMounts?.find((candidate) => candidate.mountPath === stateFolder);
    expect(workload('Deployment', 'gateway').spec.template.spec.volumes?.find((volume) => volume.name === mount?.name)).toEqual(
      expect.objectContaining({ emptyDir: {} }),
    );
    expect([config.port, config.host]).toEqual([containerPort(container, 'http'), '0.0.0.0']);
  });

  it('points the gateway at the province Service and the province at the zone services it reads directly', () => {
    const gatewayEnv = environmentOf(nodeContainers.find(({ name }) => name === 'gateway')!.container).env;
    const provinceEnv = environmentOf(nodeContainers.find(({ name }) => name === 'province')!.container).env;
    expect(reachedBy(gatewayConfig(gatewayEnv).config.provinceUrl).target.metadata.name).toBe('province');
    const zoneServices = StaticZoneServiceRegistry.fromEnv(provinceEnv, 'REGISTER_ZONE_SERVICES').services();
    expect(zoneServices.map((service) => reachedBy(service.url).target.metadata.name)).toEqual(zoneServices.map((service) => `zone-${service.name}`));
  });
});

describe('deploy/k8s: pod security and resources', () => {
  it('runs every pod as a numeric non-root user with the default seccomp profile, no service links and no API token', () => {
    for (const target of workloads) {
      const pod = target.spec.template.spec;
      const name = target.metadata.name;
      expect([name, pod.securityContext?.runAsNonRoot, pod.securityContext?.seccompProfile?.type]).toEqual([name, true, 'RuntimeDefault']);
      expect([name, typeof pod.securityContext?.runAsUser, (pod.securityContext?.runAsUser ?? 0) > 0]).toEqual([name, 'number', true]);
      expect([name, pod.enableServiceLinks, pod.automountServiceAccountToken]).toEqual([name, false, false]);
    }
  });

  it('gives every container no privilege escalation, no capabilities, a read-only root file system and resource requests and limits', () => {
    for (const target of workloads) {
      for (const container of [...target.spec.template.spec.containers, ...(target.spec.template.spec.initContainers ?? [])]) {
        const name = `${target.metadata.name}/${container.name}`;
        expect([name, container.securityContext]).toEqual([
          name,
          { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
        ]);
        for (const bound of ['requests', 'limits'] as const) {
          expect([name, bound, Object.keys(container.resources?.[bound] ?? {}).sort()]).toEqual([name, bound, ['cpu', 'memory']]);
        }
        // Writable places are volumes: /tmp on every Node service.
        if (kindOf(container)) expect([name, container.volumeMounts?.some((mount) => mount.mountPath === '/tmp')]).toEqual([name, true]);
      }
    }
  });
});

const kubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
const renderIt = kubectl.status === 0 ? it : it.skip;

describe('deploy/k8s: kubectl kustomize', () => {
  renderIt('renders the whole deployment with the templates as secrets, every object in the namespace, Secret references renamed', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'devzone-k8s-'));
    try {
      cpSync(K8S_DIR, dir, { recursive: true });
      for (const generator of kustomization.secretGenerator ?? []) {
        for (const envFile of generator.envs ?? []) writeFileSync(path.join(dir, envFile), readFileSync(path.join(K8S_DIR, exampleOf(envFile))));
      }
      const rendered = parseAllDocuments(execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8' })).map((document) => document.toJS() as K8sObject);
      const secrets = rendered.filter((object) => object.kind === 'Secret').map((object) => object.metadata.name);
      expect(secrets).toHaveLength(kustomization.secretGenerator?.length ?? 0);
      expect(rendered).toHaveLength(objects.length + secrets.length);
      for (const object of rendered.filter((candidate) => candidate.kind !== 'Namespace'))
        expect([object.kind, object.metadata.name, object.metadata.namespace]).toEqual([object.kind, object.metadata.name, NAMESPACE]);
      const references = JSON.stringify(rendered).match(/"secretKeyRef":\{"key":"[A-Z_]+","name":"[^"]+"\}/g) ?? [];
      expect(references.length).toBeGreaterThan(0);
      for (const reference of references) expect(secrets.some((name) => reference.includes(`"name":"${name}"`))).toBe(true);
      const images = new Set(
        rendered.flatMap((object) =>
          object.kind === 'Deployment' ? (object as Workload).spec.template.spec.containers.map((container) => container.image) : [],
        ),
      );
      const [image] = kustomization.images ?? [];
      expect([...images]).toEqual([`${image.newName}:${image.newTag}`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** `variable` (a postgres:// URL) names a StatefulSet's headless Service, with that server's user, database and password Secret. */
function expectOwnDatabase(name: string, container: Container, variable: string): void {
  const url = new URL(environmentOf(container).env[variable]);
  const database = workload('StatefulSet', url.hostname);
  const server = onlyContainer(database);
  const serverEnv = environmentOf(server).env;
  expect([name, url.protocol, url.port, containerPort(server, 'postgres')]).toEqual([name, 'postgres:', '5432', 5432]);
  expect([name, database.spec.serviceName]).toEqual([name, url.hostname]);
  expect([name, decodeURIComponent(url.username), url.pathname, decodeURIComponent(url.password)]).toEqual([
    name,
    serverEnv.POSTGRES_USER,
    `/${serverEnv.POSTGRES_DB}`,
    serverEnv.POSTGRES_PASSWORD,
  ]);
  // The same Secret key, not only the same template value.
  const passwordRef = server.env?.find((entry) => entry.name === 'POSTGRES_PASSWORD')?.valueFrom?.secretKeyRef;
  const usedRefs = (container.env ?? []).map((entry) => entry.valueFrom?.secretKeyRef).filter((ref) => ref !== undefined);
  expect([name, usedRefs]).toEqual([name, expect.arrayContaining([passwordRef])]);
}

function withContainer(target: Workload, container: Container): K8sObject {
  return { ...target, spec: { ...target.spec, template: { ...target.spec.template, spec: { ...target.spec.template.spec, containers: [container] } } } };
}

function git(args: string[]): { status: number | null } {
  return spawnSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' });
}
