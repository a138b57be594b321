// Issue 6 item 4: legalaid answers only GraphQL requests carrying the gateway's signed user context.
import { build } from '../../../../subgraphs/legalaid/app.ts';
import { describeSignedContext } from '../../../support/signedContextSuite.ts';

describeSignedContext('legalaid', build);
