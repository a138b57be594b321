// Issue 6 item 4: police answers only GraphQL requests carrying the gateway's signed user context.
import { build } from '../../../../subgraphs/police/app.ts';
import { describeSignedContext } from '../../../support/signedContextSuite.ts';

describeSignedContext('police', build);
