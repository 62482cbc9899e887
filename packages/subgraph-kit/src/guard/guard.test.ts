import { graphql, GraphQLID, GraphQLInputObjectType, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { classifyDatabaseFailure } from './databaseFailure';
import { guardSchema } from './guardSchema';
import { checkInputValue } from './inputLimits';
import { databaseFailureError } from './serviceFailure';

const Filter = new GraphQLInputObjectType({
  name: 'Filter',
  fields: { nameContains: { type: GraphQLString }, ids: { type: new GraphQLList(new GraphQLNonNull(GraphQLID)) } },
});

describe('argument limits', () => {
  it('names the argument path of a NUL byte or an overlong value, never echoing it', () => {
    expect(checkInputValue('filter', { nameContains: 'a\u0000b' }, Filter)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.nameContains' });
    const long = checkInputValue('filter', { ids: ['ok', 'x'.repeat(201)] }, Filter);
    expect(long?.extensions.field).toBe('filter.ids[1]');
    expect(long?.message).toBe('filter.ids[1]: at most 200 characters (got 201)');
    expect(checkInputValue('title', 't'.repeat(2001), GraphQLString)?.message).toBe('title: at most 2000 characters (got 2001)');
    expect(checkInputValue('filter', { nameContains: '永康', ids: ['yongkang:sanfeng'] }, Filter)).toBeNull();
  });
});

describe('database failures', () => {
  const pgError = (code: string) => Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code, severity: 'ERROR' });

  it('tells refused values (SQLSTATE class 22) from a database that fails or cannot be reached', () => {
    expect(classifyDatabaseFailure({ name: 'QueryFailedError', driverError: pgError('22021') })).toBe('input');
    expect(classifyDatabaseFailure(pgError('42P01'))).toBe('unavailable');
    expect(classifyDatabaseFailure(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5441'), { code: 'ECONNREFUSED' }))).toBe('unavailable');
    expect(classifyDatabaseFailure(new Error('Connection terminated unexpectedly'))).toBe('unavailable');
    expect(classifyDatabaseFailure(new Error('enterprise "x" not found'))).toBeNull();
  });

  it('answers ZONE_UNAVAILABLE naming zone and service, without the driver message', () => {
    const error = databaseFailureError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5441'), { code: 'ECONNREFUSED' }), {
      service: 'anhui',
      zoneId: 'chuzhou',
    });
    expect(error?.message).toBe('Zone "chuzhou" (service "anhui") is unavailable: its database failed');
    expect(error?.extensions).toEqual({ code: 'ZONE_UNAVAILABLE', zoneId: 'chuzhou', service: 'anhui' });
    expect(databaseFailureError(pgError('22021'), { service: 'province', field: 'codes' })?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'codes' });
  });
});

describe('guardSchema', () => {
  const unreachable = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5441'), { code: 'ECONNREFUSED' });
  const nameOf = (source: { name: string }) => source.name;

  function schema() {
    const Enterprise = new GraphQLObjectType({
      name: 'Enterprise',
      fields: {
        id: { type: new GraphQLNonNull(GraphQLID) },
        name: { type: GraphQLString, resolve: nameOf },
        honors: { type: new GraphQLList(GraphQLString), resolve: () => Promise.reject(unreachable()) },
        label: { type: GraphQLString, args: { lang: { type: GraphQLString } }, resolve: () => 'label' },
      },
    });
    const Query = new GraphQLObjectType({
      name: 'Query',
      fields: {
        enterprise: { type: Enterprise, resolve: () => ({ id: 'anhui:chuzhou:x', name: '某公司' }) },
        count: { type: GraphQLString, resolve: () => Promise.reject(unreachable()) },
      },
    });
    return guardSchema(new GraphQLSchema({ query: Query }), { service: 'anhui', zoneIdOf: (id) => id.split(':')[1] ?? id });
  }

  it('leaves scalar fields without arguments unwrapped, and still guards lists of scalars, arguments and root fields', async () => {
    const guarded = schema();
    const enterprise = guarded.getType('Enterprise') as GraphQLObjectType;
    expect(enterprise.getFields().name.resolve).toBe(nameOf);
    expect(enterprise.getFields().id.resolve).toBeUndefined();

    const read = await graphql({ schema: guarded, source: '{ enterprise { id name honors } }' });
    expect(read.data).toEqual({ enterprise: { id: 'anhui:chuzhou:x', name: '某公司', honors: null } });
    expect(read.errors?.map((e) => e.extensions)).toEqual([{ code: 'ZONE_UNAVAILABLE', zoneId: 'chuzhou', service: 'anhui' }]);

    const bad = await graphql({ schema: guarded, source: '{ enterprise { label(lang: "a\\u0000b") } }' });
    expect(bad.errors?.map((e) => e.extensions.code)).toEqual(['BAD_USER_INPUT']);

    const root = await graphql({ schema: guarded, source: '{ count }' });
    expect(root.errors?.map((e) => e.extensions.code)).toEqual(['ZONE_UNAVAILABLE']);
  });
});
