import type { DetectorParams } from '../detect/detector-params.js';
import type { LicensedSources } from '../report/licensed-sources.js';

/** What every command gets from main: parsed common options and where to write. */
export interface CliContext {
  /** Folder relative paths on the command line are resolved against. */
  readonly cwd: string;
  /** Folder the article keys are relative to: the parent of storeDir (see keyRootOf). */
  readonly keyRoot: string;
  /** Folder of the local store (index.json, fingerprints/, reports/). */
  readonly storeDir: string;
  readonly json: boolean;
  readonly params: DetectorParams;
  /** LICENSED_SOURCES, as the functions read it: copies of these are `licensed`. */
  readonly licensed: LicensedSources;
  /** Program output (stdout): results only, so `--json` output stays machine-readable. */
  readonly out: (text: string) => void;
  /** Diagnostics and progress (stderr). */
  readonly err: (text: string) => void;
  /** Progress bars only on an interactive stderr and never with --json. */
  readonly showProgress: boolean;
  /** Width of an interactive stdout; undefined when piped, so tables are not cut. */
  readonly columns: number | undefined;
}
