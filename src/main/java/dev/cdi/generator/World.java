package dev.cdi.generator;

import java.util.List;

/**
 * The shared, person-independent setting of a run: the seed, the reference data and the stores (one per city).
 * Campaigns and the product catalog are constants ({@link Campaigns}, {@link Catalog}).
 */
final class World {

  private final long seed;
  private final ReferenceData ref;
  private final List<Store> stores;

  World(long seed, ReferenceData ref) {
    this.seed = seed;
    this.ref = ref;
    this.stores = ref.cities().items().stream()
        .map(city -> new Store("ST" + Ids.zeroPad(city.index() + 1, 3), city, Phones.store(city)))
        .toList();
  }

  long seed() {
    return seed;
  }

  ReferenceData ref() {
    return ref;
  }

  List<Store> stores() {
    return stores;
  }

  /** The store of the person's city. */
  Store storeIn(City city) {
    return stores.get(city.index());
  }
}
