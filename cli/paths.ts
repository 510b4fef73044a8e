import { join } from 'node:path';

/** The repository root, wherever the command is run from. */
export function repoRoot(): string {
  return join(__dirname, '..');
}
