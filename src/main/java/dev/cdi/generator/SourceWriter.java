package dev.cdi.generator;

/** Emits one system's records for a person, and the matching truth rows. */
interface SourceWriter {

  void emit(PersonContext ctx);
}
