package dev.cdi.generator;

import java.math.BigDecimal;

/** Money amounts: whole cents rendered with exactly two decimals (123.40), never through floating point. */
final class Money {

  private Money() {
  }

  static BigDecimal ofCents(long cents) {
    return BigDecimal.valueOf(cents, 2);
  }
}
