/** What an API key may do. */
export const SCOPES = ['predict', 'train', 'admin'] as const;

/** One API key scope: `predict` (query models), `train` (start jobs, import), `admin` (keys, audit). */
export type Scope = (typeof SCOPES)[number];

/** Type guard for {@link Scope}. */
export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}
