package dev.cdi.identity.eval;

import java.util.List;

/**
 * One listed group: a predicted cluster (its parts are the true entities it holds, or its record keys) or a true
 * entity (its parts are the predicted clusters it is spread over).
 *
 * @param id       the customer id or entity id
 * @param records  records in the group
 * @param parts    how many distinct parts it has
 * @param shown    the first parts, largest first then by id, at most {@link EvaluationSettings#membersShown()}
 */
public record GroupSummary(String id, long records, long parts, List<Part> shown) {

  public GroupSummary {
    shown = List.copyOf(shown);
  }

  /** A part of a group and how many of the group's records it holds. */
  public record Part(String id, long records) {
  }
}
