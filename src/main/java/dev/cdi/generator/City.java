package dev.cdi.generator;

import java.util.List;

/**
 * A US city from {@code reference/cities.csv}.
 *
 * @param name      city name
 * @param state     two-letter state code
 * @param zip3      first three ZIP digits of the city's ZIP codes
 * @param areaCodes telephone area codes serving the city
 * @param index     row number in the reference file (stable store numbering)
 */
record City(String name, String state, String zip3, List<String> areaCodes, int index) {
}
