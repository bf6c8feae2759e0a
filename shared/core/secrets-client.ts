/**
 * The two names key-ring.ts needs from the Secrets Manager client, imported by name. key-ring.ts
 * loads this module when a secret is first read; were it to import the package itself
 * dynamically, esbuild could not tell which exports are used and would bundle every command
 * (27, with their schemas) into every function.
 */
export { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
