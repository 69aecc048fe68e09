/** The `--data-dir` option shared by `serve`, `keys`, `models`; DATABASE_URL overrides it. */
import type { Command } from 'commander';
import { DEFAULT_DATA_DIR, openStore, type Store } from '../../store/index.js';

/** Adds `--data-dir DIR` to a command. */
export function dataDirOption(command: Command): Command {
  return command.option('--data-dir <dir>', `embedded database directory (ignored when DATABASE_URL is set)`, DEFAULT_DATA_DIR);
}

/** Opens the store named by DATABASE_URL, else by `--data-dir`. */
export function openCliStore(options: { dataDir?: string }, env: NodeJS.ProcessEnv = process.env): Promise<Store> {
  const databaseUrl = env['DATABASE_URL'];
  return openStore(databaseUrl ? { databaseUrl } : { dataDir: options.dataDir ?? DEFAULT_DATA_DIR });
}

/** Runs `fn` with an open store and closes it afterwards. */
export async function withStore<T>(options: { dataDir?: string }, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openCliStore(options);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
