import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { type Doc, parseStored, stringifyDoc } from './ejson';

export interface StoredDoc {
  readonly doc: Doc;
  readonly text: string;
  /** Commit sequence number of the write that produced this state. */
  readonly version: number;
}

/** One document's new state; `doc: null` deletes it. */
export interface Write {
  collection: string;
  key: string;
  doc: Doc | null;
}

/** A superseded state, visible to snapshots taken before `until`. */
interface PastState {
  state: StoredDoc | null;
  until: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS collections (
  name TEXT PRIMARY KEY,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
  collection TEXT NOT NULL,
  id TEXT NOT NULL,
  doc TEXT NOT NULL,
  version INTEGER NOT NULL,
  PRIMARY KEY (collection, id)
);`;

const histKey = (collection: string, key: string): string => `${collection}\u0000${key}`;

/**
 * Documents on disk (SQLite, every commit fsynced before it returns) with a parsed copy in memory.
 * Cached documents are never mutated: writers build new objects. While transactions are open the
 * store keeps the states they may still need to read (multi-version snapshots by commit number).
 */
export class Store {
  private readonly sql: Sqlite.Database;
  private readonly collections = new Set<string>();
  private readonly cache = new Map<string, Map<string, StoredDoc>>();
  private readonly history = new Map<string, PastState[]>();
  private readonly texts = new WeakMap<Doc, string>();
  private seqValue: number;
  /** Oldest snapshot an open transaction reads at; null when none is open. */
  private historyFloor: number | null = null;
  private readonly upsertStmt: Sqlite.Statement;
  private readonly deleteStmt: Sqlite.Statement;
  private readonly createStmt: Sqlite.Statement;
  private readonly loadStmt: Sqlite.Statement;

  constructor(dir: string) {
    fs.mkdirSync(dir, { recursive: true });
    this.sql = new Sqlite(path.join(dir, 'database.sqlite'));
    this.sql.pragma('journal_mode = WAL');
    this.sql.pragma('synchronous = FULL');
    this.sql.exec(SCHEMA);
    for (const row of this.sql.prepare('SELECT name FROM collections').all()) {
      this.collections.add(String((row as { name: unknown }).name));
    }
    const max = this.sql.prepare('SELECT MAX(version) AS v FROM documents').get() as { v: unknown };
    this.seqValue = typeof max.v === 'number' ? max.v : 0;
    this.upsertStmt = this.sql.prepare(
      `INSERT INTO documents (collection, id, doc, version) VALUES (?, ?, ?, ?)
       ON CONFLICT (collection, id) DO UPDATE SET doc = excluded.doc, version = excluded.version`,
    );
    this.deleteStmt = this.sql.prepare('DELETE FROM documents WHERE collection = ? AND id = ?');
    this.createStmt = this.sql.prepare(
      'INSERT OR IGNORE INTO collections (name, created_at) VALUES (?, ?)',
    );
    this.loadStmt = this.sql.prepare(
      'SELECT id, doc, version FROM documents WHERE collection = ? ORDER BY rowid',
    );
  }

  get seq(): number {
    return this.seqValue;
  }

  hasCollection(name: string): boolean {
    return this.collections.has(name);
  }

  listCollections(): string[] {
    return [...this.collections].sort();
  }

  /** Returns false when it already existed. */
  createCollection(name: string): boolean {
    if (this.collections.has(name)) return false;
    this.createStmt.run(name, new Date().toISOString());
    this.collections.add(name);
    return true;
  }

  /** Current documents of a collection in natural (insertion) order. */
  docs(collection: string): Map<string, StoredDoc> {
    let docs = this.cache.get(collection);
    if (!docs) {
      docs = new Map();
      for (const raw of this.loadStmt.iterate(collection)) {
        const row = raw as { id: string; doc: string; version: number };
        const doc = parseStored(row.doc);
        this.texts.set(doc, row.doc);
        docs.set(row.id, { doc, text: row.doc, version: row.version });
      }
      this.cache.set(collection, docs);
    }
    return docs;
  }

  get(collection: string, key: string): StoredDoc | null {
    return this.docs(collection).get(key) ?? null;
  }

  /** The stored text of a document object this store handed out (saves re-serialising). */
  textOf(doc: Doc): string {
    return this.texts.get(doc) ?? stringifyDoc(doc);
  }

  /** The committed state of a document as of snapshot `seq`. */
  readAt(collection: string, key: string, seq: number): StoredDoc | null {
    const past = this.history.get(histKey(collection, key));
    const hit = past?.find((p) => p.until > seq);
    return hit ? hit.state : this.get(collection, key);
  }

  /** Whether a commit after snapshot `seq` wrote this document. */
  changedSince(collection: string, key: string, seq: number): boolean {
    const current = this.get(collection, key);
    if (current && current.version > seq) return true;
    return this.history.get(histKey(collection, key))?.some((p) => p.until > seq) ?? false;
  }

  /** Tells the store which snapshots are still being read so it can drop older states. */
  setHistoryFloor(floor: number | null): void {
    this.historyFloor = floor;
    if (floor === null) {
      this.history.clear();
      return;
    }
    for (const [key, past] of this.history) {
      const kept = past.filter((p) => p.until > floor);
      if (kept.length) this.history.set(key, kept);
      else this.history.delete(key);
    }
  }

  /**
   * Applies writes (and creates collections) in one SQLite transaction; the in-memory copy changes
   * only after SQLite has it, so an acknowledged write always survives a crash.
   */
  commit(writes: Write[], createCollections: string[] = []): number {
    const fresh = createCollections.filter((c) => !this.collections.has(c));
    if (!writes.length && !fresh.length) return this.seqValue;
    for (const w of writes) this.docs(w.collection);
    const seq = this.seqValue + 1;
    const texts = writes.map((w) => (w.doc ? stringifyDoc(w.doc) : null));
    const now = new Date().toISOString();
    this.sql.transaction(() => {
      for (const name of fresh) this.createStmt.run(name, now);
      writes.forEach((w, i) => {
        const text = texts[i];
        if (text) this.upsertStmt.run(w.collection, w.key, text, seq);
        else this.deleteStmt.run(w.collection, w.key);
      });
    })();
    this.seqValue = seq;
    for (const name of fresh) this.collections.add(name);
    writes.forEach((w, i) => {
      const docs = this.docs(w.collection);
      const old = docs.get(w.key) ?? null;
      if (this.historyFloor !== null) {
        const hk = histKey(w.collection, w.key);
        const past = this.history.get(hk) ?? [];
        past.push({ state: old, until: seq });
        this.history.set(hk, past);
      }
      const text = texts[i];
      if (w.doc && text) {
        this.texts.set(w.doc, text);
        docs.set(w.key, { doc: w.doc, text, version: seq });
      } else {
        docs.delete(w.key);
      }
    });
    return seq;
  }

  close(): void {
    if (this.sql.open) this.sql.close();
  }
}
