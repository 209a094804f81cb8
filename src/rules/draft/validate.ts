// A draft checked exactly as `rules validate` checks a rule book: its YAML parsed, the schema, and the
// cross-checks against the vocabulary and (when given) the other books it would sit beside in rules/.
import { crossCheck, type Problem } from '../check';
import { readData } from '../../data/yaml';
import { RuleBookSchema } from '../schema';
import type { RuleBook, Vocabulary } from '../types';

/** Problems of the draft only; a book of `others` with the draft's id is the one it replaces. */
export function validateDraft(yamlText: string, file: string, vocabulary: Vocabulary, others: RuleBook[] = []): Problem[] {
  const problems: Problem[] = [];
  const book = readData(file, yamlText, RuleBookSchema, problems);
  if (!book) return problems;
  // the draft goes last so that what it shares with another book is reported against the draft
  const books = [...others.filter((o) => o.id !== book.id && o.file !== file), { ...book, file }];
  problems.push(...crossCheck(vocabulary, 'rules/vocabulary.yml', books).filter((p) => p.file === file));
  return problems;
}
