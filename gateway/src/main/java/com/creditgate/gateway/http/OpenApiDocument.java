package com.creditgate.gateway.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI 3.1 document ({@code openapi.json} on the class path): served as is, and the source of the
 * request-body validators, one per operation that declares a JSON body. Its schemas are JSON Schema 2020-12
 * and {@code $ref}s resolve inside the document. Loaded once at start (blocking: off the event loop);
 * thread-safe afterwards (validators are immutable).
 */
public final class OpenApiDocument {
  /** Class-path resource of the document. */
  public static final String RESOURCE = "openapi.json";
  private static final String BASE_URI = "https://creditgate.dev/openapi.json";
  private static final java.util.Set<String> METHODS = java.util.Set.of("get", "put", "post", "delete", "patch");

  private final Buffer raw;
  private final JsonObject json;
  private final List<Operation> operations;

  /**
   * An operation with a JSON request body and its validator; {@code vertxPath} uses {@code :name} parameters.
   * {@code handWritten} operations ({@code x-creditgate-validation: hand-written}) keep a hand-written parser
   * that enforces the same schema, because they are on the hot path.
   */
  public record Operation(HttpMethod method, String path, String vertxPath, String operationId, Validator body,
      boolean handWritten, boolean bodyRequired) {}

  private OpenApiDocument(Buffer raw) {
    this.raw = raw;
    this.json = new JsonObject(raw);
    SchemaRepository repository = SchemaRepository.create(new JsonSchemaOptions().setDraft(Draft.DRAFT202012)
        .setBaseUri(BASE_URI).setOutputFormat(OutputFormat.Basic));
    repository.dereference(BASE_URI, JsonSchema.of(json.copy()));
    this.operations = bodyOperations(repository);
  }

  /** Reads and compiles the class-path document; fails the start when it is missing or broken. */
  public static OpenApiDocument load() {
    try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("no class-path resource " + RESOURCE);
      }
      return new OpenApiDocument(Buffer.buffer(in.readAllBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** The document as served. */
  public Buffer raw() {
    return raw;
  }

  /** Operations that declare a JSON request body, with its validator. */
  public List<Operation> bodyOperations() {
    return operations;
  }

  /** The operation named {@code operationId}. */
  public Operation operation(String operationId) {
    return operations.stream().filter(op -> op.operationId().equals(operationId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no operation " + operationId + " with a body"));
  }

  private List<Operation> bodyOperations(SchemaRepository repository) {
    List<Operation> found = new ArrayList<>();
    JsonObject paths = json.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.fieldNames()) {
        if (!METHODS.contains(method)) {
          continue;
        }
        JsonObject operation = item.getJsonObject(method);
        JsonObject schema = bodySchema(operation);
        if (schema != null) {
          Validator validator = repository.validator(JsonSchema.of(resolveAgainstDocument(schema)),
              new JsonSchemaOptions().setDraft(Draft.DRAFT202012).setBaseUri(BASE_URI)
                  .setOutputFormat(OutputFormat.Basic));
          found.add(new Operation(HttpMethod.valueOf(method.toUpperCase(java.util.Locale.ROOT)), path,
              path.replaceAll("\\{([^}]+)}", ":$1"), operation.getString("operationId"), validator,
              "hand-written".equals(operation.getString("x-creditgate-validation")),
              operation.getJsonObject("requestBody").getBoolean("required", false)));
        }
      }
    }
    return List.copyOf(found);
  }

  private static JsonObject bodySchema(JsonObject operation) {
    JsonObject body = operation.getJsonObject("requestBody");
    if (body == null) {
      return null;
    }
    JsonObject media = body.getJsonObject("content", new JsonObject()).getJsonObject("application/json");
    return media == null ? null : media.getJsonObject("schema");
  }

  /** A schema whose document-relative {@code $ref}s point into this document by absolute URI. */
  private static JsonObject resolveAgainstDocument(JsonObject schema) {
    String ref = schema.getString("$ref");
    return ref != null && ref.startsWith("#") ? new JsonObject(Map.of("$ref", BASE_URI + ref)) : schema;
  }
}
