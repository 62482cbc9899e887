import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadZoneSeedFile, type LoadedZoneSeed } from '../seed/loadSeedFile';

/** What a zone service package under subgraphs/ declares: its name, its seed folder, its usual port. */
export interface ZoneServiceDefinition {
  name: string;
  seedDir: string;
  defaultPort: number;
}

/** Every `*.json` in the folder, validated; a bad file stops the start naming the file and field. */
export function loadSeedDir(seedDir: string): LoadedZoneSeed[] {
  return readdirSync(seedDir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => loadZoneSeedFile(join(seedDir, file)));
}
