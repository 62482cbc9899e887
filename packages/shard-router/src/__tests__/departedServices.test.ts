import { MutableZoneServiceRegistry } from '@devzone/registry';
import { onDepartedServices } from '../departedServices';

const service = (name: string, url: string, zoneIds: string[]) => ({ name, url, zoneIds });

describe('onDepartedServices', () => {
  it('names the services a change took away (left) or moved to another URL, with the URL they had, not those kept, added or given other zones', () => {
    const registry = new MutableZoneServiceRegistry([
      service('anhui', 'http://127.0.0.1:4004/graphql', ['chuzhou', 'ningguo']),
      service('chengxi', 'http://127.0.0.1:4002/graphql', ['chengxi']),
      service('jinjiang', 'http://127.0.0.1:4003/graphql', ['jinjiang']),
    ]);
    const reported: string[][] = [];
    onDepartedServices(registry, (departed) => reported.push(departed.map(({ name, url, left }) => `${name} ${url}${left ? ' (left)' : ''}`)));

    registry.replace([
      service('anhui', 'http://127.0.0.1:4004/graphql', ['chuzhou']),
      service('ningguo', 'http://127.0.0.1:4005/graphql', ['ningguo']),
      service('chengxi', 'http://10.0.0.7:4002/graphql', ['chengxi']),
    ]);
    expect(reported).toEqual([['chengxi http://127.0.0.1:4002/graphql', 'jinjiang http://127.0.0.1:4003/graphql (left)']]);

    // Compared with the list before it, not the first one.
    registry.replace([
      service('anhui', 'http://127.0.0.1:4004/graphql', ['chuzhou', 'ningguo']),
      service('chengxi', 'http://10.0.0.7:4002/graphql', ['chengxi']),
    ]);
    expect(reported).toEqual([
      ['chengxi http://127.0.0.1:4002/graphql', 'jinjiang http://127.0.0.1:4003/graphql (left)'],
      ['ningguo http://127.0.0.1:4005/graphql (left)'],
    ]);
  });

  it('says nothing of a change that moves no service, and nothing once unsubscribed', () => {
    const registry = new MutableZoneServiceRegistry([service('anhui', 'http://127.0.0.1:4004/graphql', ['chuzhou'])]);
    const reported: string[][] = [];
    const stop = onDepartedServices(registry, (departed) => reported.push(departed.map(({ name, url }) => `${name} ${url}`)));
    registry.replace([service('anhui', 'http://127.0.0.1:4004/graphql', ['chuzhou', 'feixi'])]);
    stop();
    registry.replace([]);
    expect(reported).toEqual([]);
  });
});
