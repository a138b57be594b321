// Prints the police subgraph's SDL (for `npm run compose`, which runs each
// subgraph in its own process so type-graphql's metadata never mixes).
import 'reflect-metadata';
import { buildPoliceSchema } from './schema.ts';

process.stdout.write((await buildPoliceSchema()).sdl);
