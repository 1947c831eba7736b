package dev.cdi.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** Reads a run report page as XML (it must be well-formed XHTML): its sections, charts and drawn bars. */
final class ReportPages {

  static final String XHTML = "http://www.w3.org/1999/xhtml";
  static final String SVG = "http://www.w3.org/2000/svg";

  private ReportPages() {
  }

  /** Parses the page with the JDK's XML parser (namespace-aware, no external entities); fails if malformed. */
  static Document parseXhtml(String html) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      return builder.parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new AssertionError("the report is not well-formed XHTML: " + e.getMessage(), e);
    }
  }

  /** The ids of the page's {@code <section>} elements, in order. */
  static List<String> sectionIds(Document doc) {
    return ids(doc.getElementsByTagNameNS(XHTML, "section"));
  }

  /** The ids of the page's chart figures, in order. */
  static List<String> chartIds(Document doc) {
    return new ArrayList<>(chartBars(doc).keySet());
  }

  /**
   * For each chart figure (by id): how many bars ({@code rect class="bar"} in its one SVG) have a positive width
   * and height.
   */
  static Map<String, Integer> chartBars(Document doc) {
    Map<String, Integer> bars = new LinkedHashMap<>();
    NodeList figures = doc.getElementsByTagNameNS(XHTML, "figure");
    for (int i = 0; i < figures.getLength(); i++) {
      Element figure = (Element) figures.item(i);
      if (!figure.getAttribute("class").equals("chart")) {
        continue;
      }
      NodeList svgs = figure.getElementsByTagNameNS(SVG, "svg");
      if (svgs.getLength() != 1) {
        throw new AssertionError("chart " + figure.getAttribute("id") + " holds " + svgs.getLength() + " SVGs");
      }
      NodeList rects = ((Element) svgs.item(0)).getElementsByTagNameNS(SVG, "rect");
      int drawn = 0;
      for (int r = 0; r < rects.getLength(); r++) {
        Element rect = (Element) rects.item(r);
        if (rect.getAttribute("class").equals("bar") && Double.parseDouble(rect.getAttribute("width")) > 0
            && Double.parseDouble(rect.getAttribute("height")) > 0) {
          drawn++;
        }
      }
      bars.put(figure.getAttribute("id"), drawn);
    }
    return bars;
  }

  private static List<String> ids(NodeList elements) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < elements.getLength(); i++) {
      ids.add(((Element) elements.item(i)).getAttribute("id"));
    }
    return ids;
  }
}
