/**
 * The few parts of `oidc-provider` (v9, which ships no types) that the local provider uses.
 * Only infra/local imports it: it is never bundled or deployed.
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface Grant {
    addOIDCScope(scope: string): void;
    save(): Promise<string>;
  }
  export interface ProviderContext {
    type: string;
    body: string;
    oidc: {
      provider: Provider;
      client?: { clientId: string; grantTypeAllowed(type: string): boolean };
      session?: { accountId?: string; grantIdFor(clientId: string): string | undefined };
    };
  }
  export interface Account {
    accountId: string;
    claims(): Promise<Record<string, unknown>>;
  }
  export interface Configuration {
    clients?: Record<string, unknown>[];
    jwks?: { keys: Record<string, unknown>[] };
    cookies?: { keys: string[] };
    pkce?: { required: () => boolean };
    routes?: Record<string, string>;
    scopes?: string[];
    claims?: Record<string, string[]>;
    conformIdTokenClaims?: boolean;
    issueRefreshToken?: (ctx: ProviderContext, client: { grantTypeAllowed(type: string): boolean }) => Promise<boolean>;
    ttl?: Record<string, number>;
    features?: {
      devInteractions?: { enabled: boolean };
      rpInitiatedLogout?: { enabled: boolean; logoutSource: (ctx: ProviderContext, form: string) => Promise<void> };
    };
    interactions?: { url: (ctx: ProviderContext, interaction: { uid: string }) => Promise<string> };
    loadExistingGrant?: (ctx: ProviderContext) => Promise<Grant | undefined>;
    findAccount?: (ctx: ProviderContext, sub: string) => Promise<Account | undefined>;
    renderError?: (ctx: ProviderContext, out: Record<string, unknown>, error: unknown) => Promise<void>;
  }
  export default class Provider {
    constructor(issuer: string, configuration: Configuration);
    Grant: { new (init: { clientId: string; accountId: string }): Grant; find(id: string): Promise<Grant | undefined> };
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<{ uid: string }>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: Record<string, unknown>,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
  }
}
