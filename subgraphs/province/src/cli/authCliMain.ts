import 'reflect-metadata';
import { runAuthCli } from './authCli';

/** `pnpm auth …` (root package.json): issue, revoke and list API keys in the province database, sign tokens. */
runAuthCli(process.argv.slice(2), process.env, { out: (line) => console.log(line), err: (line) => console.error(line) }).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`auth: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
