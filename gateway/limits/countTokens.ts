import { Lexer, Source, TokenKind } from 'graphql';

export interface TokenCount {
  /** Tokens read, at most `stopAfter + 1`: counting stops as soon as the limit is passed. */
  count: number;
  /** The lexer met a character it cannot read: the document does not parse (Apollo Server reports it). */
  unreadable: boolean;
}

/**
 * Counts the lexical tokens of a GraphQL document with graphql-js's own
 * lexer (comments are skipped, as the parser skips them), without building a
 * syntax tree, and stops one token past `stopAfter`. A token bomb therefore
 * costs at most `stopAfter + 1` tokens of lexing, whatever its size: that is
 * why this runs before `parse` (GraphQL Armor's max-tokens does the same
 * through `parse`'s `maxTokens`, which builds the tree as it goes).
 */
export function countTokens(text: string, stopAfter: number): TokenCount {
  const lexer = new Lexer(new Source(text));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) {
      count++;
      if (count > stopAfter) break;
    }
  } catch {
    return { count, unreadable: true };
  }
  return { count, unreadable: false };
}
