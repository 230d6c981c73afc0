package com.creditgate.gateway.support;

import java.util.Map;

/** One Prometheus text scrape, read series by series. Immutable. */
public final class Scrape {
  private final String text;

  private Scrape(String text) {
    this.text = text;
  }

  /** Scrapes {@code gateway}'s {@code /metrics}. */
  public static Scrape of(TestGateway gateway) {
    return new Scrape(gateway.get("/metrics").bodyAsString());
  }

  /** The raw text. */
  public String text() {
    return text;
  }

  /** Value of the series {@code name} whose labels include {@code labels}; 0 when absent. */
  public double value(String name, Map<String, String> labels) {
    for (String line : text.split("\n")) {
      if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      String series = line.substring(0, space);
      boolean all = labels.entrySet().stream()
          .allMatch(e -> series.contains(e.getKey() + "=\"" + e.getValue() + "\""));
      if (all) {
        return Double.parseDouble(line.substring(space + 1));
      }
    }
    return 0;
  }

  /** Value of {@code creditgate_account_lookups_total} for one level and result. */
  public double lookups(String level, String result) {
    return value("creditgate_account_lookups_total", Map.of("level", level, "result", result));
  }
}
