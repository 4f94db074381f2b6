import type { CriteriaSetContent, CriterionContent } from '@ocop/contracts/evaluation';

export type PathIssue = { path: string; code: string; message: string };

/** Issues by the path they name (`<set>/<part>/<code>/<code>…`), plus those that match no node of the sheet. */
export type IssueIndex = { byPath: ReadonlyMap<string, readonly PathIssue[]>; unplaced: readonly PathIssue[] };

/** Every path of the sheet's parts and criteria, as the validator writes them. */
export function sheetPaths(content: CriteriaSetContent): Set<string> {
  const paths = new Set<string>();
  const walk = (criteria: readonly CriterionContent[], prefix: string) => {
    for (const criterion of criteria) {
      const path = `${prefix}/${criterion.code}`;
      paths.add(path);
      walk(criterion.children, path);
    }
  };
  for (const part of content.parts) {
    paths.add(`${content.productSetCode}/${part.code}`);
    walk(part.criteria, `${content.productSetCode}/${part.code}`);
  }
  return paths;
}

export function indexIssues(issues: readonly PathIssue[], content: CriteriaSetContent): IssueIndex {
  const paths = sheetPaths(content);
  const byPath = new Map<string, PathIssue[]>();
  const unplaced: PathIssue[] = [];
  for (const issue of issues) {
    if (!paths.has(issue.path)) {
      unplaced.push(issue);
      continue;
    }
    byPath.set(issue.path, [...(byPath.get(issue.path) ?? []), issue]);
  }
  return { byPath, unplaced };
}

export const issuesAt = (index: IssueIndex, path: string): readonly PathIssue[] => index.byPath.get(path) ?? [];

export const EMPTY_ISSUES: IssueIndex = { byPath: new Map(), unplaced: [] };
