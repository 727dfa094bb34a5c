/** Where a tracker credential lives in VS Code's SecretStorage. */
export function secretKey(trackerName: string, credentialId: string): string {
  return `hindsight.${trackerName}.${credentialId}`;
}

export interface CredentialSpecLike {
  id: string;
  env: string;
  label: string;
  secret: boolean;
}

/**
 * The credentials a run needs and does not have: each comes from SecretStorage first, then from the
 * environment VS Code was started with (as the CLI reads it); only values that are not blank count.
 */
export function collectCredentials(
  specs: CredentialSpecLike[],
  stored: Record<string, string | undefined>,
  env: Record<string, string | undefined>,
): { credentials: Record<string, string>; missing: CredentialSpecLike[] } {
  const credentials: Record<string, string> = {};
  const missing: CredentialSpecLike[] = [];
  for (const spec of specs) {
    const value = [stored[spec.id], env[spec.env]].find((v) => v !== undefined && v.trim() !== '');
    if (value === undefined) missing.push(spec);
    else credentials[spec.id] = value.trim();
  }
  return { credentials, missing };
}
