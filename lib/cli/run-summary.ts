import type { Report } from '../report/report.js';
import { formatTable } from './format-table.js';

/** What the summary reads of a report. */
export type SummaryFields = Pick<Report, 'status' | 'verdict' | 'article' | 'rewriteOf'> & {
  readonly error: Pick<NonNullable<Report['error']>, 'code'> | null;
};

/** The few fields the summary needs: a run keeps these, not whole reports, whatever its size. */
export function summaryFields(report: Report): SummaryFields {
  return {
    status: report.status,
    verdict: report.verdict,
    article: report.article,
    rewriteOf: report.rewriteOf,
    error: report.error ? { code: report.error.code } : null,
  };
}

/** Running tally of an indexing run: small whatever the number of articles. */
export class RunSummary {
  readonly counts = { articles: 0, original: 0, copy: 0, rewrite: 0, partial: 0, licensed: 0, rejected: 0 };
  private readonly flagged: string[][] = [];
  private readonly rejected: string[] = [];

  /** Counts one report (only the fields of its final verdict are read, so a caller may keep just those). */
  add(report: SummaryFields): void {
    this.counts.articles++;
    if (report.status !== 'ok' || report.verdict === null) {
      this.counts.rejected++;
      this.rejected.push(`${report.article.key} (${report.error?.code ?? report.status})`);
      return;
    }
    this.counts[report.verdict]++;
    if (report.rewriteOf)
      this.flagged.push([
        report.article.key,
        report.rewriteOf.verdict,
        report.rewriteOf.key,
        report.rewriteOf.score.toFixed(4),
      ]);
  }

  /** The table of flagged articles, the counts and where reports were written. */
  render(where: { reports: string; index: string }, maxWidth: number | undefined): string {
    const c = this.counts;
    const parts: string[] = [];
    if (this.flagged.length > 0) {
      parts.push(
        formatTable(
          [{ header: 'article' }, { header: 'verdict' }, { header: 'source' }, { header: 'score', align: 'right' }],
          this.flagged,
          maxWidth,
        ),
      );
    } else {
      parts.push('No copies, rewrites or partial reuse found.\n');
    }
    parts.push(
      `\narticles ${c.articles}   original ${c.original}   copy ${c.copy}   rewrite ${c.rewrite}   partial ${c.partial}${c.licensed > 0 ? `   licensed ${c.licensed}` : ''}   rejected ${c.rejected}\n`,
    );
    if (this.rejected.length > 0) parts.push(`rejected: ${this.rejected.join(', ')}\n`);
    parts.push(`reports: ${where.reports}\nindex:   ${where.index}\n`);
    return parts.join('');
  }
}
