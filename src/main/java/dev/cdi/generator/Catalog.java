package dev.cdi.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The retailer's product catalog: {@value #SIZE} products with SKUs, URL slugs and prices. A constant of the
 * simulated world, drawn from a fixed seed (the same for every run).
 */
final class Catalog {

  /**
   * One product.
   *
   * @param sku        {@code SKU-10001}
   * @param slug       URL slug, e.g. {@code trail-running-shoe}
   * @param category   category slug
   * @param priceCents unit price in cents
   */
  record Product(String sku, String slug, String category, long priceCents) {
  }

  static final int SIZE = 160;
  static final List<String> CATEGORIES = List.of("shoes", "apparel", "outdoor", "kitchen", "home", "electronics",
      "toys", "beauty");
  private static final String[][] NOUNS = {
      {"running-shoe", "trail-shoe", "sneaker", "hiking-boot", "sandal"},
      {"hoodie", "t-shirt", "rain-jacket", "fleece", "jeans"},
      {"tent", "sleeping-bag", "backpack", "camp-stove", "water-bottle"},
      {"chef-knife", "skillet", "blender", "coffee-maker", "mixing-bowls"},
      {"throw-blanket", "table-lamp", "bath-towels", "pillow-set", "wall-clock"},
      {"headphones", "bluetooth-speaker", "phone-charger", "smart-watch", "e-reader"},
      {"building-set", "puzzle", "board-game", "plush-bear", "rc-car"},
      {"face-serum", "shampoo", "lip-balm", "sunscreen", "hand-cream"}};
  private static final String[] ADJECTIVES = {"classic", "pro", "ultra", "eco", "lite", "deluxe", "everyday", "max"};

  static final List<Product> PRODUCTS = build();

  private Catalog() {
  }

  static Product random(SplittableRandom r) {
    return Rng.pick(r, PRODUCTS);
  }

  private static List<Product> build() {
    SplittableRandom r = Rng.of(0, RngStream.WORLD, 0);
    List<Product> products = new ArrayList<>(SIZE);
    for (int i = 0; i < SIZE; i++) {
      int category = i % CATEGORIES.size();
      String slug = ADJECTIVES[r.nextInt(ADJECTIVES.length)] + "-" + Rng.pickOf(r, NOUNS[category]);
      products.add(new Product("SKU-" + (10001 + i), slug, CATEGORIES.get(category), price(r)));
    }
    return List.copyOf(products);
  }

  /** Prices from 4.99 to about 400, skewed low, ending in .99, .49 or .00. */
  private static long price(SplittableRandom r) {
    long dollars = Math.round(Math.exp(1.6 + r.nextDouble() * 4.4));
    long cents = Rng.pickOf(r, 99L, 99L, 49L, 0L);
    return Math.max(499, dollars * 100 + cents - (cents == 0 ? 0 : 100));
  }
}
