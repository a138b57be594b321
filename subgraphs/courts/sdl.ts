// Prints the courts subgraph's SDL (for `npm run compose`, which runs each
// subgraph in its own process so type-graphql's metadata never mixes).
import 'reflect-metadata';
import { buildCourtsSchema } from './schema.ts';

process.stdout.write((await buildCourtsSchema()).sdl);
