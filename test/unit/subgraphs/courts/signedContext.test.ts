// Issue 6 item 4: courts answers only GraphQL requests carrying the gateway's signed user context.
import { build } from '../../../../subgraphs/courts/app.ts';
import { describeSignedContext } from '../../../support/signedContextSuite.ts';

describeSignedContext('courts', build);
