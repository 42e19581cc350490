export interface AsyncSyntaxHit {
  construct: string;
  line: number;
  column: number;
}
export declare function findAsyncSyntax(
  code: string,
  sourceType?: "module" | "script" | "unambiguous",
  plugins?: string[],
): AsyncSyntaxHit[];
