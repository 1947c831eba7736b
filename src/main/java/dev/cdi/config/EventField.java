package dev.cdi.config;

import java.util.Locale;

/** Canonical attributes of a touchpoint event that a source can map (key in YAML = lower-case name). */
public enum EventField {
  TYPE, CHANNEL, TIMESTAMP, RECORD_ID, EMAIL, PHONE, COOKIE_ID, DEVICE_ID, LOYALTY_ID, AMOUNT, CURRENCY, CAMPAIGN,
  PRODUCT;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean isTime() {
    return this == TIMESTAMP;
  }
}
