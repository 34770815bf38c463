package io.assay.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.api.Problem;
import io.assay.api.Wire;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI 3.1 description of the API, written from the route table and the wire records, so
 * it cannot drift from what the server does: every route with its roles, body and answer.
 */
final class OpenApiDocument {
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([a-z]+)}");
    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE = new PropertyNamingStrategies.SnakeCaseStrategy();

    private final ObjectNode schemas = Wire.JSON.createObjectNode();

    private OpenApiDocument() {}

    static JsonNode of(List<ApiRoute> routes, String version) {
        return new OpenApiDocument().build(routes, version);
    }

    private JsonNode build(List<ApiRoute> routes, String version) {
        ObjectNode root = Wire.JSON.createObjectNode().put("openapi", "3.1.0");
        root.putObject("info").put("title", "Assay control-plane API").put("version", version)
                .put("description", "Model registry and governance. Every route but health needs 'Authorization: Bearer <token>'; "
                        + "x-assay-roles lists the roles that may call it. Errors are application/problem+json with a stable 'code'.");
        root.putArray("servers").addObject().put("url", "/").put("description", "the server that serves this document");
        root.putObject("components").putObject("securitySchemes").putObject("token").put("type", "http").put("scheme", "bearer");
        ObjectNode paths = root.putObject("paths");
        for (ApiRoute route : routes) {
            ObjectNode pathItem = paths.has(route.path()) ? (ObjectNode) paths.get(route.path()) : paths.putObject(route.path());
            ObjectNode operation = pathItem.putObject(route.method().name().toLowerCase(java.util.Locale.ROOT));
            operation.put("operationId", operationId(route)).put("summary", route.summary());
            ArrayNode roles = operation.putArray("x-assay-roles");
            route.roles().stream().map(Enum::name).sorted().forEach(roles::add);
            if (route.isPublic()) {
                operation.putArray("security");
            } else {
                operation.putArray("security").addObject().putArray("token");
            }
            Matcher parameters = PATH_PARAMETER.matcher(route.path());
            while (parameters.find()) {
                operation.withArray("parameters").addObject().put("name", parameters.group(1)).put("in", "path").put("required", true)
                        .putObject("schema").put("type", parameters.group(1).equals("version") ? "integer" : "string");
            }
            route.requestBody().ifPresent(body -> operation.putObject("requestBody").put("required", true).putObject("content")
                    .putObject("application/json").set("schema", schemaOf(body)));
            ObjectNode responses = operation.putObject("responses");
            ObjectNode ok = responses.putObject(String.valueOf(route.status())).put("description", "done");
            route.response().ifPresent(type -> {
                JsonNode schema = route.manyOf() ? Wire.JSON.createObjectNode().put("type", "array").set("items", schemaOf(type))
                        : schemaOf(type);
                ok.putObject("content").putObject("application/json").set("schema", schema);
            });
            responses.putObject("4XX").put("description", "refused: bad input, no token, a missing role, unknown id, or a conflict "
                    + "(see 'code')").putObject("content").putObject(Problem.MEDIA_TYPE).set("schema", schemaOf(Problem.class));
            responses.putObject("default").put("description", "a problem (see 'code')").putObject("content")
                    .putObject(Problem.MEDIA_TYPE).set("schema", schemaOf(Problem.class));
        }
        ((ObjectNode) root.get("components")).set("schemas", schemas);
        return root;
    }

    /** e.g. POST /api/v1/use-cases/{name}/versions -> postUseCasesNameVersions: stable, unique per method and path. */
    static String operationId(ApiRoute route) {
        StringBuilder id = new StringBuilder(route.method().name().toLowerCase(java.util.Locale.ROOT));
        for (String word : route.path().replace("/api/v1/", "").split("[/{}.-]+")) {
            if (!word.isEmpty()) {
                id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return id.toString();
    }

    private JsonNode schemaOf(Type type) {
        if (type instanceof ParameterizedType generic) {
            Type raw = generic.getRawType();
            Type[] arguments = generic.getActualTypeArguments();
            if (raw == Optional.class) {
                return schemaOf(arguments[0]);
            }
            if (raw == List.class) {
                return Wire.JSON.createObjectNode().put("type", "array").set("items", schemaOf(arguments[0]));
            }
            if (raw == Map.class) {
                return Wire.JSON.createObjectNode().put("type", "object").set("additionalProperties", schemaOf(arguments[1]));
            }
        }
        if (type == String.class) {
            return Wire.JSON.createObjectNode().put("type", "string");
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return Wire.JSON.createObjectNode().put("type", "integer");
        }
        if (type == double.class || type == Double.class) {
            return Wire.JSON.createObjectNode().put("type", "number");
        }
        if (type == boolean.class || type == Boolean.class) {
            return Wire.JSON.createObjectNode().put("type", "boolean");
        }
        if (type == Instant.class) {
            return Wire.JSON.createObjectNode().put("type", "string").put("format", "date-time");
        }
        if (type == LocalDate.class) {
            return Wire.JSON.createObjectNode().put("type", "string").put("format", "date");
        }
        if (type instanceof Class<?> record && record.isRecord()) {
            return reference(record);
        }
        return Wire.JSON.createObjectNode().put("type", "object");
    }

    private JsonNode reference(Class<?> record) {
        String name = record.getEnclosingClass() == null || record.getEnclosingClass().getSimpleName().equals("Requests")
                ? record.getSimpleName() : record.getEnclosingClass().getSimpleName() + record.getSimpleName();
        if (!schemas.has(name)) {
            ObjectNode schema = schemas.putObject(name).put("type", "object").put("additionalProperties", false);
            ObjectNode properties = schema.putObject("properties");
            ArrayNode required = schema.putArray("required");
            for (RecordComponent component : record.getRecordComponents()) {
                // A record that names its JSON fields itself (the business API's camelCase answer) is documented by those names.
                com.fasterxml.jackson.annotation.JsonProperty named = component.getAccessor()
                        .getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
                String field = named != null && !named.value().isEmpty() ? named.value() : SNAKE.translate(component.getName());
                properties.set(field, schemaOf(component.getGenericType()));
                if (component.getType() != Optional.class) {
                    required.add(field);
                }
            }
        }
        return Wire.JSON.createObjectNode().put("$ref", "#/components/schemas/" + name);
    }
}
