/** What the C and Go halves of the symbol extractor hand to the generator. */
import type {SymbolDefinition, SymbolLang} from '../../src/lib/symbols';

/** A definition with the name and, for Go, the package it belongs to. */
export interface Def extends SymbolDefinition {
  name: string;
  lang: SymbolLang;
  package?: {dir: string; name: string};
}

/**
 * An identifier in an excerpt and the definitions it may refer to: one is a link, several (of the
 * same row) an ambiguous link, none means unlinked (no definition known, or not certain).
 */
export interface Occurrence {
  line: number;
  /** 0-based UTF-16 column, as the excerpt's line string indexes it. */
  column: number;
  name: string;
  candidates: Def[];
}
