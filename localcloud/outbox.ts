import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Everything the stand-ins for WeChat's services were asked (subscribe messages, content checks,
 * QR codes, payments), in order. Kept as JSON lines in the data folder so a test, the console page
 * and a person after a restart all see the same record.
 */
export interface OutboxEntry {
  seq: number;
  kind: string;
  at: string;
  [field: string]: unknown;
}

export class Outbox {
  private readonly file: string;
  private readonly entries: OutboxEntry[] = [];

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.file = join(dataDir, 'outbox.jsonl');
    if (existsSync(this.file)) {
      for (const line of readFileSync(this.file, 'utf8').split('\n')) {
        if (line.trim()) this.entries.push(JSON.parse(line) as OutboxEntry);
      }
    }
  }

  record(kind: string, fields: Record<string, unknown>): OutboxEntry {
    const entry: OutboxEntry = {
      ...fields,
      seq: this.entries.length + 1,
      kind,
      at: new Date().toISOString(),
    };
    appendFileSync(this.file, JSON.stringify(entry) + '\n');
    this.entries.push(entry);
    return entry;
  }

  list(kind?: string): OutboxEntry[] {
    return kind ? this.entries.filter((e) => e.kind === kind) : [...this.entries];
  }
}
