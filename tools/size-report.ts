/**
 * Lines per file and per function in apps/server/src, largest ten of each, so a service that grows
 * past the template's limits (~400 lines a file, ~80 a function) shows up in review.
 * Run: npx tsx tools/size-report.ts [source folder]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

type Sized = { name: string; lines: number };

const root = process.argv[2] ?? join(process.cwd(), 'apps/server/src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

function lineSpan(file: ts.SourceFile, node: ts.Node): number {
  const start = file.getLineAndCharacterOfPosition(node.getStart(file)).line;
  const end = file.getLineAndCharacterOfPosition(node.getEnd()).line;
  return end - start + 1;
}

/** A readable name for a function: its declared name, the variable or property it is assigned to, or its line. */
function functionName(file: ts.SourceFile, node: ts.FunctionLikeDeclaration): string {
  if (node.name && ts.isIdentifier(node.name)) return node.name.text;
  const parent = node.parent;
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) && ts.isIdentifier(parent.name)) return parent.name.text;
  return `(anonymous, line ${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1})`;
}

function measure(path: string): { file: Sized; functions: Sized[] } {
  const text = readFileSync(path, 'utf8');
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const name = relative(process.cwd(), path);
  const functions: Sized[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isMethodDeclaration(node)) {
      functions.push({ name: `${name}: ${functionName(file, node)}`, lines: lineSpan(file, node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return { file: { name, lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0) }, functions };
}

function largest(items: Sized[], count = 10): string {
  return [...items]
    .sort((a, b) => b.lines - a.lines || a.name.localeCompare(b.name))
    .slice(0, count)
    .map((item) => `${String(item.lines).padStart(6)}  ${item.name}`)
    .join('\n');
}

const measured = sourceFiles(root).map(measure);
const files = measured.map((entry) => entry.file);
const functions = measured.flatMap((entry) => entry.functions);
console.log(
  `${files.length} files, ${files.reduce((sum, file) => sum + file.lines, 0)} lines (tests excluded) in ${relative(process.cwd(), root) || '.'}`,
);
console.log('\nLargest files (lines):');
console.log(largest(files));
console.log('\nLargest functions (lines):');
console.log(largest(functions));
