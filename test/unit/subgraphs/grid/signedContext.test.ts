// Issue 6 item 4: grid answers only GraphQL requests carrying the gateway's signed user context.
import { build } from '../../../../subgraphs/grid/app.ts';
import { describeSignedContext } from '../../../support/signedContextSuite.ts';

describeSignedContext('grid', build);
