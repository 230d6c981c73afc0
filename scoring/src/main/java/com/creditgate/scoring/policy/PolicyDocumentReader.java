package com.creditgate.scoring.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads a policy document from JSON. A document states only what differs from the shipped defaults
 * ({@code policies/policy-default.json}): it is merged over them key by key (objects merge, arrays and values
 * replace), then bound and validated. Unknown keys fail the read, so a typo cannot silently keep a default.
 */
public final class PolicyDocumentReader {
  private static final String DEFAULT_RESOURCE = "policies/policy-default.json";
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new SimpleModule("instants")
          .addDeserializer(Instant.class, new InstantDeserializer())
          .addSerializer(Instant.class, ToStringSerializer.instance))
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private static final ObjectNode DEFAULT_TREE = loadDefaultTree();
  private static final ObjectNode OVERLAY_DEFAULTS = (ObjectNode) parse(
      "{\"segment\":\"*\",\"limitMultiplierBps\":10000,\"cutBps\":0,\"closeIncreases\":false}".getBytes());
  private static final PolicyDocument DEFAULTS = bind(DEFAULT_TREE.deepCopy());

  private PolicyDocumentReader() {}

  /** The shipped default policy. */
  public static PolicyDocument defaults() {
    return DEFAULTS;
  }

  /** Parses {@code json}, merged over the defaults; throws {@link IllegalArgumentException} naming the problem. */
  public static PolicyDocument read(byte[] json) {
    JsonNode given = parse(json);
    if (!given.isObject()) {
      throw new IllegalArgumentException("a policy document must be a JSON object");
    }
    ObjectNode merged = DEFAULT_TREE.deepCopy();
    merge(merged, (ObjectNode) given);
    return bind(merged);
  }

  /** The full document as JSON, every default spelled out. */
  public static byte[] write(PolicyDocument document) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static PolicyDocument bind(ObjectNode tree) {
    JsonNode overlays = tree.path("overlays");
    if (overlays.isArray()) {
      ArrayNode filled = MAPPER.createArrayNode();
      for (JsonNode overlay : overlays) {
        ObjectNode withDefaults = OVERLAY_DEFAULTS.deepCopy();
        if (overlay.isObject()) {
          merge(withDefaults, (ObjectNode) overlay);
        }
        filled.add(withDefaults);
      }
      tree.set("overlays", filled);
    }
    try {
      return MAPPER.treeToValue(tree, PolicyDocument.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("invalid policy document: " + rootCause(e).getMessage(), e);
    }
  }

  private static void merge(ObjectNode target, ObjectNode source) {
    Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode existing = target.get(field.getKey());
      if (existing instanceof ObjectNode existingObject && field.getValue() instanceof ObjectNode sourceObject) {
        merge(existingObject, sourceObject);
      } else {
        target.set(field.getKey(), field.getValue());
      }
    }
  }

  private static JsonNode parse(byte[] json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("policy document is not valid JSON: " + e.getMessage(), e);
    }
  }

  private static ObjectNode loadDefaultTree() {
    try (InputStream in = PolicyDocumentReader.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing class-path resource " + DEFAULT_RESOURCE);
      }
      return (ObjectNode) parse(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Throwable rootCause(Throwable t) {
    Throwable cause = t;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static final class InstantDeserializer extends JsonDeserializer<Instant> {
    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      String text = parser.getValueAsString();
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        throw context.weirdStringException(text, Instant.class, "expected an RFC 3339 instant");
      }
    }
  }
}
