package dev.cdi.generator;

import java.util.SplittableRandom;

/**
 * Everything a writer needs about the person being emitted.
 *
 * @param seed      run seed
 * @param person    the person
 * @param footprint the systems the person appears in
 * @param defects   the person's DEFECTS stream, shared by all writers in a fixed order
 */
record PersonContext(long seed, Person person, Footprint footprint, SplittableRandom defects) {

  static PersonContext of(long seed, Person person) {
    return new PersonContext(seed, person, Footprint.draw(seed, person),
        Rng.of(seed, RngStream.DEFECTS, person.index()));
  }

  /** The person's stream for one writer. */
  SplittableRandom rng(RngStream stream) {
    return Rng.of(seed, stream, person.index());
  }
}
