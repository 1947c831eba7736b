package dev.cdi.generator;

/**
 * A retail store: one per reference city.
 *
 * @param storeId      {@code ST001}-style id
 * @param city         location
 * @param defaultPhone the store's main line, typed by cashiers for customers who give no phone (an identifier hub)
 */
record Store(String storeId, City city, Phone defaultPhone) {
}
