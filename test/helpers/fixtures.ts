import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Folder of the fixture files: real articles and real broken inputs, checked in as bytes. */
export const FIXTURES_DIR = join(__dirname, '..', 'fixtures');

/** The bytes of a fixture file, by its path under test/fixtures (e.g. `articles/harbour-bridge-wire.txt`). */
export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES_DIR, name)));
}

/** The text of a UTF-8 fixture file. */
export function fixtureText(name: string): string {
  return readFileSync(join(FIXTURES_DIR, name), 'utf8');
}
