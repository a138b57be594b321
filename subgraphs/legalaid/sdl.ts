// Prints the legal-aid subgraph's SDL (for `npm run compose`, which runs each
// subgraph in its own process so type-graphql's metadata never mixes).
import 'reflect-metadata';
import { buildLegalAidSchema } from './schema.ts';

process.stdout.write((await buildLegalAidSchema()).sdl);
