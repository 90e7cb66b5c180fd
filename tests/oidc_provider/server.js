// A real OpenID Connect provider for the single sign-on tests: oidc-provider (a certified
// implementation) with a small sign-in page of its own in place of a council's.
//
// Started by tests/oidc_provider.py on a free localhost port. Everything comes from the
// environment, so each test says what it needs:
//   PORT           the port to listen on (127.0.0.1 only)
//   ISSUER         defaults to http://127.0.0.1:PORT
//   CLIENTS        JSON list of {client_id, client_secret, redirect_uris}
//   USERS          JSON object {email: {name, email_verified}}: who can sign in here
//   CODE_TTL       seconds an authorisation code works (default 60, as oidc-provider's)
//
// The sign-in page asks for the email address and whether the person also used a second
// factor; the answer goes into the ID token's `amr` claim (["pwd"] or ["pwd", "mfa"]),
// so a test can sign in with or without multi-factor. Consent is given automatically, as
// for a council's own first-party applications.
import crypto from 'node:crypto';
import querystring from 'node:querystring';

import Provider from 'oidc-provider';

const port = Number(process.env.PORT || 0);
const issuer = process.env.ISSUER || `http://127.0.0.1:${port}`;
const clients = JSON.parse(process.env.CLIENTS || '[]').map((c) => ({
  grant_types: ['authorization_code'],
  response_types: ['code'],
  // allauth sends the secret in the body when the provider offers client_secret_post.
  token_endpoint_auth_method: 'client_secret_post',
  ...c,
}));
const users = JSON.parse(process.env.USERS || '{}');
const codeTtl = Number(process.env.CODE_TTL || 60);

const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'test-signing-key', use: 'sig', alg: 'RS256' };

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title, body) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head>
<body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;
}

function signInForm(uid, error = '', email = '') {
  return page(
    'Test council sign-in',
    `${error ? `<p role="alert" id="error">${escape(error)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}/login">
  <label for="email">Council email address</label>
  <input id="email" name="email" type="email" value="${escape(email)}" autocomplete="username">
  <label for="mfa"><input id="mfa" name="mfa" type="checkbox" value="yes"> I also used my security key</label>
  <button type="submit">Sign in to the council</button>
</form>`,
  );
}

const configuration = {
  clients,
  jwks: { keys: [signingKey] },
  cookies: { keys: [crypto.randomBytes(32).toString('hex')] },
  claims: {
    // oidc-provider's own defaults, with `amr` (how the person signed in, RFC 8176) and
    // auth_time in every ID token, as Microsoft Entra ID and others send them.
    acr: null,
    sid: null,
    iss: null,
    openid: ['sub', 'auth_time', 'amr'],
    email: ['email', 'email_verified'],
    profile: ['name'],
  },
  features: {
    devInteractions: { enabled: false },
  },
  pkce: { required: () => false },
  ttl: {
    AuthorizationCode: () => codeTtl,
    AccessToken: () => 600,
    IdToken: () => 600,
    Interaction: () => 600,
    Session: () => 600,
    Grant: () => 600,
  },
  interactions: {
    url: (ctx, interaction) => `/interaction/${interaction.uid}`,
  },
  // First-party applications: consent is given without asking.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId
      || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) {
      return ctx.oidc.provider.Grant.find(grantId);
    }
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId, grant.jti);
    return grant;
  },
  async findAccount(ctx, id) {
    const user = users[id];
    if (!user) {
      return undefined;
    }
    return {
      accountId: id,
      async claims() {
        return {
          sub: id,
          email: id,
          email_verified: user.email_verified !== false,
          name: user.name || id,
        };
      },
    };
  },
  renderError(ctx, out) {
    ctx.type = 'html';
    ctx.body = page('Sign-in error', `<pre>${escape(JSON.stringify(out))}</pre>`);
  },
};

const provider = new Provider(issuer, configuration);

async function readForm(ctx) {
  const chunks = [];
  for await (const chunk of ctx.req) {
    chunks.push(chunk);
  }
  return querystring.parse(Buffer.concat(chunks).toString('utf8'));
}

provider.use(async (ctx, next) => {
  const match = ctx.path.match(/^\/interaction\/([^/]+)(\/login)?$/);
  if (!match) {
    return next();
  }
  const [, uid, login] = match;
  const details = await provider.interactionDetails(ctx.req, ctx.res);
  if (details.uid !== uid) {
    ctx.status = 400;
    ctx.body = 'Interaction mismatch';
    return undefined;
  }
  if (!login) {
    ctx.type = 'html';
    ctx.body = signInForm(uid);
    return undefined;
  }
  if (ctx.method !== 'POST') {
    ctx.status = 405;
    return undefined;
  }
  const form = await readForm(ctx);
  const email = String(form.email || '').trim().toLowerCase();
  if (!users[email]) {
    ctx.type = 'html';
    ctx.body = signInForm(uid, 'No council account has that email address.', email);
    return undefined;
  }
  const amr = form.mfa === 'yes' ? ['pwd', 'mfa'] : ['pwd'];
  await provider.interactionFinished(
    ctx.req,
    ctx.res,
    { login: { accountId: email, amr } },
    { mergeWithLastSubmission: false },
  );
  return undefined;
});

const server = provider.listen(port, '127.0.0.1', () => {
  // tests/oidc_provider.py waits for this line.
  console.log(`oidc-provider listening on ${issuer}`);
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
