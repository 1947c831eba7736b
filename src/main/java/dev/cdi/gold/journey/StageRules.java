package dev.cdi.gold.journey;

import java.io.Serializable;
import java.util.List;

/**
 * Journey stages: the first rule a touchpoint matches gives its stage; touchpoints no rule matches get
 * {@code defaultStage}.
 */
public record StageRules(String defaultStage, List<StageRule> rules) implements Serializable {

  public StageRules {
    rules = List.copyOf(rules);
    StageRule.requireStage(defaultStage);
  }
}
