/**
 * The vocabulary of drafting: a finding is a value with its clause and the
 * verbatim quote it was read from; an inference also says how it was derived;
 * an ambiguity names the readings and picks none.
 *
 * @module
 */
import type { Paragraph, Sentence } from './clauses.js';
import type { NormalText } from './normalise.js';

/** A value with its citation and where the quote sits in the normalised text. */
export interface Cited<T> {
  readonly value: T;
  readonly cite: { clause: string; quote: string };
  readonly start: number;
  readonly end: number;
  /** How the value was derived, where it was not read as written. */
  readonly inferred?: string;
}

/** A note for the reviewer, in both languages, about one field. */
export interface DraftNote {
  readonly field: string;
  readonly zh: string;
  readonly en: string;
  readonly cite?: { clause: string; quote: string };
}

/** What every finder gets: the text, its structure, and ways to cite and to note. */
export interface DraftContext {
  readonly normal: NormalText;
  readonly text: string;
  readonly paragraphs: readonly Paragraph[];
  readonly sentences: readonly Sentence[];
  /** A value cited by the normalised span [start, end) (the quote is cut from the input). */
  cite<T>(value: T, clause: string, start: number, end: number, inferred?: string): Cited<T>;
  inference(field: string, zh: string, en: string, cite?: { clause: string; quote: string }): void;
  ambiguity(field: string, zh: string, en: string, cite?: { clause: string; quote: string }): void;
  unrepresentable(field: string, zh: string, en: string, cite?: { clause: string; quote: string }): void;
}
