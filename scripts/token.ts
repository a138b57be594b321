// `npm run token -- <user> [--hours <n>]`: prints a bearer token for one of
// the development demo users (gateway/security/demoUsers.ts; README
// "Security"). Signed with GATEWAY_JWT_SECRET when set, else the development
// secret, so it works against a gateway started with the same environment.
// Development only: refused with NODE_ENV=production.
//
//   TOKEN=$(npm run -s token -- handler)
//   curl -s localhost:4000/graphql -H "authorization: Bearer $TOKEN" \
//     -H 'x-access-purpose: reason:窗口接待核实身份' -H 'content-type: application/json' \
//     -d '{"query":"{ personByIdNumber(idNumber: \"<ID number>\") { name phoneMasked phone } }"}'
import { DEMO_USERS, demoUser } from '../gateway/security/demoUsers.ts';
import { mintToken } from '../gateway/security/mintToken.ts';

function usage(message: string): never {
  console.error(`${message}\n\nUsage: npm run token -- <user> [--hours <n>]\n\nDemo users:`);
  const width = Math.max(...DEMO_USERS.map((u) => u.key.length));
  for (const u of DEMO_USERS) {
    console.error(`  ${u.key.padEnd(width)}  ${u.name}  ${u.agency || '-'}  ${u.jurisdiction.join(',')}  scopes: ${u.scopes.join(' ') || '(none)'}  — ${u.description}`);
  }
  process.exit(2);
}

if (process.env.NODE_ENV === 'production') usage('npm run token: demo users exist in development only.');
const args = process.argv.slice(2);
let hours = 8;
const hoursAt = args.findIndex((a) => a === '--hours' || a.startsWith('--hours='));
if (hoursAt >= 0) {
  const [flag] = args.splice(hoursAt, 1);
  const value = flag!.includes('=') ? flag!.split('=')[1] : args.splice(hoursAt, 1)[0];
  hours = Number(value);
  if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 7) usage(`--hours must be a number of hours between 0 and 168, not "${value}".`);
}
if (args.length !== 1) usage(args.length === 0 ? 'Name a demo user.' : `One user only, not "${args.join(' ')}".`);
const user = demoUser(args[0]!);
if (!user) usage(`Unknown user "${args[0]}".`);

const secret = process.env.GATEWAY_JWT_SECRET || undefined;
console.log(
  await mintToken(user, {
    ...(secret ? { secret } : {}),
    ...(process.env.GATEWAY_JWT_ISSUER ? { issuer: process.env.GATEWAY_JWT_ISSUER } : {}),
    ...(process.env.GATEWAY_JWT_AUDIENCE ? { audience: process.env.GATEWAY_JWT_AUDIENCE } : {}),
    expiresInSeconds: Math.round(hours * 3600),
  }),
);
