// Prints the petitions subgraph's SDL (for `npm run compose`, which runs each
// subgraph in its own process so type-graphql's metadata never mixes).
import 'reflect-metadata';
import { buildPetitionsSchema } from './schema.ts';

process.stdout.write((await buildPetitionsSchema()).sdl);
