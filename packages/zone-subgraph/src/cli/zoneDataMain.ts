import 'reflect-metadata';
import { runZoneDataCli } from './zoneDataCli';

void runZoneDataCli(process.argv.slice(2), process.env, { out: (line) => console.log(line), err: (line) => console.error(line) }).then((code) =>
  process.exit(code),
);
