// Issue 6 item 4: petitions answers only GraphQL requests carrying the gateway's signed user context.
import { build } from '../../../../subgraphs/petitions/app.ts';
import { describeSignedContext } from '../../../support/signedContextSuite.ts';

describeSignedContext('petitions', build);
